package nl.duoviewer.xca.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.config.TrustSettings.Revocation;

/**
 * The one TLS setup of every connection the viewer makes (Mitz, the gateways, WADO-RS): the organisation's key as
 * client certificate, server certificates checked by the JDK's PKIX machinery against the configured trust store only
 * (not the JDK's own CAs), revocation as configured, TLS 1.2 and 1.3 only, host names verified. CXF's conduits and
 * the JDK HttpClient both take their context from here.
 */
public final class ClientTls {

    /** The protocols offered and accepted. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Message of the refusal of any older protocol, recognised by {@link TlsRefusal}. */
    static final String PROTOCOL_REFUSED = "TLS protocol refused (only TLS 1.2 and 1.3 are accepted)";
    /** Makes the JDK's CRL checker also fetch the CRLs a certificate's distribution points name. */
    private static final String CRL_DP_PROPERTY = "com.sun.security.enableCRLDP";

    private final SSLContext context;

    private ClientTls(SSLContext context) {
        this.context = context;
    }

    /**
     * The context for a deployment's trust settings and organisation key.
     *
     * @param organisation the client certificate; null for a client that presents none (servers will refuse it)
     * @throws ConfigException naming the key of a file that cannot be used
     */
    public static ClientTls create(TrustSettings trust, OrganisationCredentials organisation,
                                   SecretResolver secrets) {
        char[] storePassword = trust.trustStorePassword() == null ? null
                : secrets.resolve(trust.trustStorePassword(), "duo.tls.truststore.password",
                        new SecretRequest(SecretRequest.Kind.TRUST_STORE_PASSWORD,
                                trust.trustStore().getFileName().toString(), null)).orElse(null);
        List<X509Certificate> anchors;
        try {
            anchors = TrustMaterial.certificates(trust.trustStore(), storePassword, "duo.tls.truststore");
        } finally {
            if (storePassword != null) {
                java.util.Arrays.fill(storePassword, '\0');
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Path p : trust.crls()) {
            crls.addAll(TrustMaterial.crls(p, "duo.tls.crls"));
        }
        return create(anchors, trust.revocation(), crls, trust.ocspResponder(), organisation);
    }

    /** The context for explicit trust anchors (tests, and {@link #create(TrustSettings, OrganisationCredentials,
     * SecretResolver)}). */
    public static ClientTls create(List<X509Certificate> anchors, Revocation revocation, List<X509CRL> crls,
                                   URI ocspResponder, OrganisationCredentials organisation) {
        Objects.requireNonNull(revocation, "revocation");
        if (anchors.isEmpty()) {
            throw new ConfigException("key 'duo.tls.truststore': the trust store holds no certificates");
        }
        try {
            PKIXBuilderParameters params = pkix(anchors, revocation, crls, ocspResponder);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(params));
            List<TrustManager> tms = new ArrayList<>();
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    tms.add(new StrictTrustManager(x));
                }
            }
            KeyManager[] kms = organisation == null ? new KeyManager[0]
                    : new KeyManager[] {new FixedKeyManager(organisation)};
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, tms.toArray(TrustManager[]::new), null);
            return new ClientTls(ctx);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    /**
     * PKIX parameters for the anchors with the revocation checking of the settings (end entity only, no fallback:
     * an unanswered check is a refusal). Shared by the TLS server check and the UZI-pas certificate check.
     */
    public static PKIXBuilderParameters pkix(List<X509Certificate> anchors, Revocation revocation,
                                             List<X509CRL> crls, URI ocspResponder)
            throws GeneralSecurityException {
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        for (X509Certificate a : anchors) {
            trustAnchors.add(new TrustAnchor(a, null));
        }
        PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors, new X509CertSelector());
        if (revocation == Revocation.NONE) {
            params.setRevocationEnabled(false);
            return params;
        }
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX")
                .getRevocationChecker();
        EnumSet<PKIXRevocationChecker.Option> options = EnumSet.of(
                PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK);
        if (revocation == Revocation.CRL) {
            options.add(PKIXRevocationChecker.Option.PREFER_CRLS);
            if (System.getProperty(CRL_DP_PROPERTY) == null) {
                System.setProperty(CRL_DP_PROPERTY, "true");
            }
        } else if (ocspResponder != null) {
            checker.setOcspResponder(ocspResponder);
        }
        checker.setOptions(options);
        params.addCertPathChecker(checker);
        params.setRevocationEnabled(true);
        if (!crls.isEmpty()) {
            params.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(List.copyOf(crls))));
        }
        return params;
    }

    public SSLContext context() {
        return context;
    }

    /** TLS 1.2/1.3 and host name verification, for a client that takes parameters. */
    public SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS.toArray(String[]::new));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /** Configures a JDK HttpClient (Mitz, WADO-RS) with this context and its parameters. */
    public HttpClient.Builder apply(HttpClient.Builder builder) {
        return builder.sslContext(context).sslParameters(parameters());
    }
}
