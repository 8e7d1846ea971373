package nl.duoviewer.launch.smart;

import java.util.Objects;

/**
 * A SMART launch that did not produce a patient. The {@link Reason} is what the user is told (translated by the
 * viewer); the detail is technical, for the log, and never holds a token.
 */
public final class SmartLaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the launch stopped; each is a distinct message to the user. */
    public enum Reason {
        /** SMART launches are not configured, or this {@code iss} is not one the deployment accepts. */
        ISSUER_NOT_TRUSTED,
        /** {@code .well-known/smart-configuration} could not be read or is incomplete. */
        DISCOVERY_FAILED,
        /** An endpoint of the EHR is not https (only loopback may use http). */
        INSECURE_ENDPOINT,
        /** The EHR does not offer PKCE with S256. */
        PKCE_NOT_SUPPORTED,
        /** No browser could be opened for the sign-in. */
        BROWSER_UNAVAILABLE,
        /** The user did not finish signing in in time. */
        AUTHORIZATION_TIMED_OUT,
        /** The answer at the redirect did not carry this launch's {@code state}: possibly forged. */
        STATE_MISMATCH,
        /** The user or the EHR denied access. */
        AUTHORIZATION_DENIED,
        /** The EHR answered the sign-in with another error. */
        AUTHORIZATION_FAILED,
        /** The token endpoint refused the code or did not answer properly. */
        TOKEN_REQUEST_FAILED,
        /** The access token was expired before it could be used. */
        TOKEN_EXPIRED,
        /** The ID token failed validation (signature, issuer, audience, expiry or nonce). */
        ID_TOKEN_INVALID,
        /** The EHR gave no patient with the token. */
        NO_PATIENT_IN_CONTEXT,
        /** The FHIR server refused the access token (401: expired or revoked). */
        ACCESS_TOKEN_REJECTED,
        /** The FHIR server refused the read (403). */
        ACCESS_FORBIDDEN,
        /** The Patient (or the user) could not be read. */
        FHIR_READ_FAILED,
        /** The Patient has no BSN. */
        NO_BSN,
        /** The Patient has two or more different BSNs. */
        CONFLICTING_BSN,
        /** The Patient's BSN fails the 11-check. */
        INVALID_BSN,
        /** The deployment trusts the EHR for the user's identity, but the EHR gave no usable UZI number and role. */
        EHR_USER_UNUSABLE,
        /** A newer launch (or the user) cancelled this one. */
        CANCELLED
    }

    private final Reason reason;

    public SmartLaunchException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason);
    }

    public SmartLaunchException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
