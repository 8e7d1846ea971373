package nl.duoviewer.xca.security;

import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLException;

/**
 * Why a secure connection was refused, read from the exception the TLS stack threw, so that the user (and the log)
 * learn which endpoint failed and why in words rather than in a Java stack trace.
 *
 * @param reason what was wrong
 */
public record TlsRefusal(Reason reason) {

    /** The kinds of refusal. */
    public enum Reason {
        SERVER_NOT_TRUSTED("the server's certificate is not issued by a trusted authority"),
        SERVER_CERTIFICATE_EXPIRED("the server's certificate has expired or is not yet valid"),
        SERVER_CERTIFICATE_REVOKED("the server's certificate has been revoked"),
        REVOCATION_UNKNOWN("the revocation status of the server's certificate could not be checked"),
        HOST_MISMATCH("the server's certificate is for another host"),
        CLIENT_CERTIFICATE_REFUSED("the server refused our client certificate (or we presented none)"),
        PROTOCOL_REFUSED("the server does not speak TLS 1.2 or 1.3"),
        HANDSHAKE_FAILED("the TLS handshake failed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The refusal behind an exception, when it is one (a TLS exception anywhere in the cause chain). */
    public static Optional<TlsRefusal> of(Throwable failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            tls |= t instanceof SSLException;
        }
        if (!tls) {
            return Optional.empty();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (m.contains(ClientTls.PROTOCOL_REFUSED) || lower.contains("protocol_version")
                    || lower.contains("no appropriate protocol") || lower.contains("unsupported protocol")) {
                return Optional.of(new TlsRefusal(Reason.PROTOCOL_REFUSED));
            }
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && (v.getReason()
                    == CertPathValidatorException.BasicReason.EXPIRED || v.getReason()
                    == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return Optional.of(new TlsRefusal(Reason.SERVER_CERTIFICATE_EXPIRED));
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return Optional.of(new TlsRefusal(Reason.SERVER_CERTIFICATE_REVOKED));
            }
            if (t instanceof CertPathValidatorException v && v.getReason()
                    == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return Optional.of(new TlsRefusal(Reason.REVOCATION_UNKNOWN));
            }
            if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
                return Optional.of(new TlsRefusal(Reason.HOST_MISMATCH));
            }
            if (lower.contains("certificate_required") || lower.contains("bad_certificate")
                    || lower.contains("certificate_unknown") && !lower.contains("path")) {
                return Optional.of(new TlsRefusal(Reason.CLIENT_CERTIFICATE_REFUSED));
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException v
                    && v.getReason() == PKIXReason.NO_TRUST_ANCHOR
                    || lower.contains("unable to find valid certification path")) {
                return Optional.of(new TlsRefusal(Reason.SERVER_NOT_TRUSTED));
            }
        }
        return Optional.of(new TlsRefusal(Reason.HANDSHAKE_FAILED));
    }

    /** One line naming the endpoint, e.g. "secure connection to https://… refused: the server's certificate…". */
    public String describe(URI endpoint) {
        return "secure connection to " + endpoint + " refused: " + reason.text();
    }

    /** {@link #describe} for the refusal behind an exception, if it is one. */
    public static Optional<String> describe(Throwable failure, URI endpoint) {
        return of(failure).map(r -> r.describe(endpoint));
    }
}
