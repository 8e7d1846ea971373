package nl.duoviewer.xca.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the deployment trusts: the certificate authorities whose server certificates it accepts (for DUO and Mitz the
 * PKIoverheid private root, which no JDK carries), how revocation is checked, and whose signature a Mitz answer must
 * carry.
 *
 * @param trustStore             CA certificates: a PEM or DER file, or a PKCS#12/JKS keystore
 * @param trustStorePassword     for a PKCS#12/JKS trust store whose integrity is to be checked; null otherwise
 * @param revocation             how server certificates are checked for revocation
 * @param crls                   CRL files used for {@link Revocation#CRL} (besides the certificates' distribution
 *                               points)
 * @param ocspResponder          OCSP responder that overrides the certificates' own (AIA); null to use theirs
 * @param mitzSigningCertificate certificate that must have signed every Mitz answer; null when the deployment does not
 *                               check Mitz's signature
 * @param allowLoopbackHttp      whether plain http is allowed to 127.0.0.1/localhost (a gateway on this computer)
 */
public record TrustSettings(Path trustStore, Secret trustStorePassword, Revocation revocation, List<Path> crls,
                            URI ocspResponder, Path mitzSigningCertificate, boolean allowLoopbackHttp) {

    /** Revocation checking of server certificates (end entity), with the JDK's PKIX revocation checker. */
    public enum Revocation {
        /** No revocation check. */
        NONE,
        /** OCSP (the certificate's AIA responder, or the configured one); no answer means refusal. */
        OCSP,
        /** CRLs (the configured files and the certificates' distribution points); no valid CRL means refusal. */
        CRL
    }

    public TrustSettings {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(revocation, "revocation");
        crls = List.copyOf(crls);
    }

    /** The same trust with another revocation check. */
    public TrustSettings withRevocation(Revocation how, List<Path> crlFiles, URI responder) {
        return new TrustSettings(trustStore, trustStorePassword, how, crlFiles, responder, mitzSigningCertificate,
                allowLoopbackHttp);
    }
}
