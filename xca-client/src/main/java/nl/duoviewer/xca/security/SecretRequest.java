package nl.duoviewer.xca.security;

import java.util.Objects;

/**
 * What the viewer asks the user for: typed, so that the screen says it in the user's language.
 *
 * @param kind          what is asked
 * @param subject       what it unlocks, as shown (a keystore file name, a token label); may be empty
 * @param previousError why the previous attempt failed; null on the first attempt
 */
public record SecretRequest(Kind kind, String subject, PreviousError previousError) {

    /** The secrets the viewer may ask for. */
    public enum Kind {
        /** The PIN of the user's UZI-pas. */
        UZI_PAS_PIN,
        /** The password of the organisation's keystore (PKCS#12). */
        KEYSTORE_PASSWORD,
        /** The PIN of the organisation's token (HSM). */
        TOKEN_PIN,
        /** The password of the trust store. */
        TRUST_STORE_PASSWORD
    }

    /** Why the user is asked again. */
    public enum PreviousError {
        /** The PIN or password was not accepted. */
        WRONG
    }

    public SecretRequest {
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
    }

    /** The same question after a wrong answer. */
    public SecretRequest retry() {
        return new SecretRequest(kind, subject, PreviousError.WRONG);
    }
}
