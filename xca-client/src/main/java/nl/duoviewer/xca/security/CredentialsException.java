package nl.duoviewer.xca.security;

import java.util.Objects;

/**
 * The organisation's key could not be unlocked. The {@link Reason} is for the screen (translated there); the message
 * names the keystore for the log.
 */
public final class CredentialsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the key is not available. */
    public enum Reason {
        /** The user closed the password or PIN dialog. */
        CANCELLED,
        /** The password or PIN was refused (every attempt the dialog allows). */
        WRONG_PASSWORD,
        /** The token (HSM) or its module is not there. */
        TOKEN_MISSING,
        /** The PIN of the token is blocked. */
        TOKEN_LOCKED
    }

    private final Reason reason;

    public CredentialsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
