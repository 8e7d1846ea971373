package nl.duoviewer.ehr.sandbox;

/** Ways the sandbox can issue an ID token a client must refuse (fault injection for tests). */
public enum IdTokenFault {
    /** A correct token. */
    NONE,
    /** Signed with a key that is not in the published JWKS (same key id). */
    FOREIGN_KEY,
    /** Already expired when issued. */
    EXPIRED,
    /** Issued for another client. */
    WRONG_AUDIENCE
}
