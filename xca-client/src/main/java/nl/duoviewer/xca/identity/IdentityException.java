package nl.duoviewer.xca.identity;

import java.util.Objects;

/**
 * The person at the keyboard could not be identified. The {@link Reason} is for the screen (translated there); the
 * message is for the log.
 */
public final class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why there is no identity; each has a user-facing text in the app. */
    public enum Reason {
        /** The user closed the PIN dialog. */
        CANCELLED,
        /** The PKCS#11 module (card middleware) is not installed where the configuration says. */
        READER_SOFTWARE_MISSING,
        /** No card in the reader, or no reader. */
        NO_CARD,
        /** The PIN was not accepted. */
        WRONG_PIN,
        /** The card refuses every PIN until it is unblocked. */
        PIN_LOCKED,
        /** The card holds no UZI authentication certificate. */
        NO_UZI_CERTIFICATE,
        /** The card is a server certificate or a card not issued to a named person. */
        NOT_A_PERSONAL_CARD,
        /** The card's certificate is outside its validity period. */
        CARD_EXPIRED,
        /** The card's certificate does not chain to the configured UZI-register CA. */
        CARD_NOT_TRUSTED,
        /** The card's key did not sign with the certificate's key: not the card it claims to be. */
        CARD_KEY_MISMATCH,
        /** The deployment takes the user from the EHR launch, and the launch named nobody. */
        NO_EHR_USER,
        /** No identity source is configured that can be used here. */
        NO_SOURCE,
        /** The token answered with an error we do not know. */
        TOKEN_ERROR
    }

    private final Reason reason;

    public IdentityException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public IdentityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
