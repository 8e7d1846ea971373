package nl.duoviewer.xca.security;

/** A SAML assertion that must not be trusted: missing, unsigned, tampered, expired, or for someone else. */
public final class AssertionRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public AssertionRejectedException(String message) {
        super(message);
    }

    public AssertionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
