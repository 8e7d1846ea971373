package nl.duoviewer.xca.security;

/** A SAML assertion that must not be trusted: missing, unsigned, tampered, expired, or for someone else. */
public final class AssertionRejectedException extends Exception {

    public AssertionRejectedException(String message) {
        super(message);
    }

    public AssertionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
