package nl.duoviewer.xca.config;

/**
 * What a community's data may be retrieved on (decision record 13). IT sets it per community; a community cannot
 * choose it for itself, so a gateway that merely claims a temporary consent never escapes Mitz's closed question.
 */
public enum ConsentMode {
    /** Mitz localises the community's institutions and, when the deployment asks it, gives a Permit per retrieval. */
    MITZ,
    /**
     * The TLB pilot: Mitz localises, but the basis for retrieval is the temporary consent (28 days) that the
     * community reports with its ITI-38 answer; no retrieval without one that is still running.
     */
    TEMPORARY_CONSENT
}
