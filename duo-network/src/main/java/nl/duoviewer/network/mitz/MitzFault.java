package nl.duoviewer.network.mitz;

/** Ways the Mitz service can answer wrongly, beyond the shared latency and error-rate faults. */
public enum MitzFault {
    /** Healthy answers. */
    NONE,
    /** The answer carries a DOCTYPE with an external entity (XXE attempt). */
    XXE,
    /** wsa:RelatesTo names another message. */
    WRONG_RELATES_TO,
    /** The answer is cut off half way. */
    MALFORMED,
    /** The closed question always answers Indeterminate. */
    INDETERMINATE,
    /** The answer carries no signature. */
    UNSIGNED,
    /** The answer is changed after signing (one more location; the decision turned into Permit). */
    TAMPERED,
    /** The answer is signed with a key that is not Mitz's. */
    FOREIGN_SIGNER,
    /** The open answer gives each HomeCommunityId as a bare OID, without {@code urn:oid:} (seen in practice). */
    BARE_HOME_COMMUNITY_ID
}
