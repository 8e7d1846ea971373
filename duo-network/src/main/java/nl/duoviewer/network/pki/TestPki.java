package nl.duoviewer.network.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import nl.duoviewer.network.pki.CertificateMaker.Issued;
import nl.duoviewer.network.pki.CertificateMaker.Profile;
import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.config.Secret;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.ClientTls;

/**
 * The embedded network's own PKI, generated fresh at every start with BouncyCastle: a demo CA that issues the
 * servers' certificates (for 127.0.0.1 and localhost) and the demo organisation's client certificate (a UZI server
 * certificate in form, which also signs its SAML assertions), Mitz's answer-signing certificate and a CRL. The servers
 * require a client certificate from this CA. For tests it also makes what must be refused: expired, wrong-host,
 * revoked and foreign-CA server certificates, a client certificate from another CA, an untrusted SAML signer, and
 * UZI-pas certificates from a demo UZI-register CA.
 *
 * <p>The files the client configuration names are written to the work folder: {@value #TRUST_STORE_FILE},
 * {@value #ORGANISATION_FILE} (password {@value #DEMO_PASSWORD}, public like the rest of this throwaway PKI),
 * {@value #CRL_FILE} and {@value #MITZ_CERTIFICATE_FILE}.
 */
public final class TestPki {

    public static final String ALIAS = "duoviewer-org";
    /** The demo organisation keystore's password: public, because only the demo network trusts its key. */
    public static final String DEMO_PASSWORD = "duo-demo-keystore";
    /** The environment variable a written demo configuration reads the keystore password from. */
    public static final String PASSWORD_VARIABLE = "DUO_DEMO_KEYSTORE_PASSWORD";
    public static final String TRUST_STORE_FILE = "duo-demo-ca.pem";
    public static final String ORGANISATION_FILE = "duo-organisation.p12";
    public static final String CRL_FILE = "duo-demo-ca.crl";
    public static final String MITZ_CERTIFICATE_FILE = "mitz-signing.pem";
    public static final String UZI_CA_FILE = "uzi-demo-ca.pem";
    public static final String UZI_CRL_FILE = "uzi-demo-ca.crl";

    /** Which certificate a server presents: the valid one, or one of the kinds a client must refuse. */
    public enum ServerCertificate {
        VALID, EXPIRED, WRONG_HOST, OTHER_CA, REVOKED
    }

    private final Path dir;
    private final String ura;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Issued ca;
    private final KeyPair serverKey = CertificateMaker.ecKey();
    private final Map<ServerCertificate, Issued> servers = new EnumMap<>(ServerCertificate.class);
    private final Issued organisation;
    private final Issued mitzSigner;
    private Issued otherCa;
    private Issued intruder;
    private Issued uziCa;

    private TestPki(Path dir, String ura) throws IOException {
        this.dir = dir;
        this.ura = ura;
        this.ca = CertificateMaker.rootCa("CN=DUO demo network CA, O=DUO Viewer demo, C=NL", CertificateMaker.ecKey(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        this.organisation = CertificateMaker.issue(ca, "CN=DUO Viewer demo organisation, O=URA " + ura + ", C=NL",
                CertificateMaker.rsaKey(), new Profile(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)),
                        false, List.of(), List.of(), "2.16.528.1.1003.1.3.5.5.5-1-900000001-S-" + ura
                        + "-00.000-00000000", new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth},
                        KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        this.mitzSigner = CertificateMaker.issue(ca, "CN=Mitz (demo) answer signing, O=DUO Viewer demo, C=NL",
                CertificateMaker.rsaKey(), new Profile(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)),
                        false, List.of(), List.of(), null, null, KeyUsage.digitalSignature));
        servers.put(ServerCertificate.VALID, server(ca, CertificateMaker.LOOPBACK_DNS, CertificateMaker.LOOPBACK_IPS,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730))));
        servers.put(ServerCertificate.REVOKED, server(ca, CertificateMaker.LOOPBACK_DNS,
                CertificateMaker.LOOPBACK_IPS, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730))));
        write();
    }

    /** Generates the PKI and writes the client's files into {@code dir} (replacing those of an earlier start). */
    public static TestPki create(Path dir, String organisationUra) throws IOException {
        Files.createDirectories(dir);
        return new TestPki(dir, organisationUra);
    }

    private Issued server(Issued issuer, List<String> dns, List<String> ips, Instant from, Instant to) {
        return CertificateMaker.issue(issuer, "CN=DUO demo server, O=DUO Viewer demo, C=NL", serverKey,
                new Profile(from, to, false, dns, ips, null, new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth},
                        KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    }

    private void write() throws IOException {
        writeAtomically(dir.resolve(TRUST_STORE_FILE), pem("CERTIFICATE", encoded(ca.certificate())));
        writeAtomically(dir.resolve(MITZ_CERTIFICATE_FILE), pem("CERTIFICATE", encoded(mitzSigner.certificate())));
        writeAtomically(dir.resolve(CRL_FILE), pem("X509 CRL", encoded(crl())));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, organisation.key(), DEMO_PASSWORD.toCharArray(),
                    organisation.chain().toArray(X509Certificate[]::new));
            Path tmp = Files.createTempFile(dir, "org", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, DEMO_PASSWORD.toCharArray());
            }
            Files.move(tmp, dir.resolve(ORGANISATION_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the demo organisation keystore", e);
        }
    }

    private void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "pki", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PEM text of DER bytes. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(Object o) {
        try {
            return o instanceof X509Certificate c ? c.getEncoded() : ((X509CRL) o).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo CA's current CRL: the revoked server certificate is on it; valid for a week. */
    public X509CRL crl() {
        return CertificateMaker.crl(ca, List.of(revokedSerial()), now, now.plus(Duration.ofDays(7)));
    }

    /**
     * The demo CA's OCSP answer to a DER-encoded OCSP request: REVOKED for the revoked server certificate, GOOD for
     * any other serial, signed by the CA (for a test's OCSP responder on loopback).
     */
    public byte[] ocspAnswer(byte[] request) throws IOException {
        try {
            OCSPReq req = new OCSPReq(request);
            BasicOCSPRespBuilder b = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(),
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
            Date thisUpdate = Date.from(Instant.now().minusSeconds(60));
            Date nextUpdate = Date.from(Instant.now().plus(Duration.ofHours(1)));
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                CertificateStatus status = id.getSerialNumber().equals(revokedSerial())
                        ? new RevokedStatus(Date.from(now), CRLReason.keyCompromise) : CertificateStatus.GOOD;
                b.addResponse(id, status, thisUpdate, nextUpdate, null);
            }
            BasicOCSPResp basic = b.build(CertificateMaker.signer(ca.key()), new X509CertificateHolder[0], new Date());
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException e) {
            throw new IOException("cannot answer the OCSP request: " + e.getMessage(), e);
        }
    }

    /** A CRL of the demo CA that revokes nothing (to show that the revoked certificate is then accepted). */
    public X509CRL emptyCrl() {
        return CertificateMaker.crl(ca, List.<BigInteger>of(), now, now.plus(Duration.ofDays(7)));
    }

    /** The client's trust: the demo CA file, the CRL, Mitz's certificate, revocation by CRL, https only. */
    public TrustSettings trustSettings() {
        return new TrustSettings(dir.resolve(TRUST_STORE_FILE), null, TrustSettings.Revocation.CRL,
                List.of(dir.resolve(CRL_FILE)), null, dir.resolve(MITZ_CERTIFICATE_FILE), false);
    }

    /** The organisation keystore with its password in memory (the embedded network's own client). */
    public KeystoreSettings organisation() {
        return KeystoreSettings.pkcs12(dir.resolve(ORGANISATION_FILE), ALIAS,
                new Secret.Held(DEMO_PASSWORD.toCharArray()));
    }

    /** The organisation keystore as a written configuration names it: password from {@value #PASSWORD_VARIABLE}. */
    public KeystoreSettings organisationFromEnvironment() {
        return KeystoreSettings.pkcs12(dir.resolve(ORGANISATION_FILE), ALIAS,
                new Secret.FromEnvironment(PASSWORD_VARIABLE));
    }

    /** The certificate the network's services trust for SAML signatures. */
    public X509Certificate trustedCertificate() {
        return organisation.certificate();
    }

    public OrganisationCredentials organisationCredentials() {
        return new OrganisationCredentials(organisation.key(), organisation.certificate(), organisation.chain());
    }

    /** Mitz's answer-signing key. */
    public OrganisationCredentials mitzSigner() {
        return new OrganisationCredentials(mitzSigner.key(), mitzSigner.certificate(), mitzSigner.chain());
    }

    /** A signing key the network does not trust (self-signed). */
    public synchronized OrganisationCredentials intruderCredentials() {
        if (intruder == null) {
            intruder = CertificateMaker.rootCa("CN=Intruder, O=Not trusted, C=NL", CertificateMaker.rsaKey(),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        }
        return new OrganisationCredentials(intruder.key(), intruder.certificate());
    }

    /** The demo CA. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** A CA nobody in the network trusts. */
    public synchronized Issued otherCa() {
        if (otherCa == null) {
            otherCa = CertificateMaker.rootCa("CN=Some other CA, O=Elsewhere, C=NL", CertificateMaker.ecKey(),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        }
        return otherCa;
    }

    /** A server certificate of the given kind (made on first use). */
    public synchronized Issued serverCertificate(ServerCertificate kind) {
        return servers.computeIfAbsent(kind, k -> switch (k) {
            case EXPIRED -> server(ca, CertificateMaker.LOOPBACK_DNS, CertificateMaker.LOOPBACK_IPS,
                    now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
            case WRONG_HOST -> server(ca, List.of("gateway.example.org"), List.of("192.0.2.10"),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
            case OTHER_CA -> server(otherCa(), CertificateMaker.LOOPBACK_DNS, CertificateMaker.LOOPBACK_IPS,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
            case VALID, REVOKED -> throw new IllegalStateException("made at start");
        });
    }

    /** The serial number of the revoked server certificate (on {@link #crl()}). */
    public BigInteger revokedSerial() {
        return serverCertificate(ServerCertificate.REVOKED).certificate().getSerialNumber();
    }

    /**
     * A server's TLS context: its certificate of the given kind, and trust in client certificates from the demo CA
     * (the servers also insist on one: see {@link ServerTls}).
     */
    public SSLContext serverContext(ServerCertificate kind) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(serverKeyManagers(kind), clientTrust().getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the server's TLS: " + e.getMessage(), e);
        }
    }

    /** The key managers presenting a server certificate of the given kind. */
    public KeyManager[] serverKeyManagers(ServerCertificate kind) {
        Issued cert = serverCertificate(kind);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", cert.key(), new char[0], cert.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, new char[0]);
            return kmf.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the server's TLS: " + e.getMessage(), e);
        }
    }

    /** Servers trust client certificates issued by the demo CA. */
    public TrustManagerFactory clientTrust() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("demo-ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ts);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context as the viewer builds it from {@link #trustSettings()} (for tests' raw clients). */
    public ClientTls clientTls() {
        return ClientTls.create(List.of(ca.certificate()), TrustSettings.Revocation.NONE, List.of(), null,
                organisationCredentials());
    }

    /** A client certificate for the organisation, issued by a CA the servers do not trust. */
    public OrganisationCredentials foreignClient() {
        Issued c = CertificateMaker.issue(otherCa(), "CN=Foreign organisation, C=NL", CertificateMaker.ecKey(),
                new Profile(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false, List.of(), List.of(),
                        null, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, KeyUsage.digitalSignature));
        return new OrganisationCredentials(c.key(), c.certificate(), c.chain());
    }

    /** The demo UZI-register CA that issues test UZI-passes; its certificate is written to {@value #UZI_CA_FILE}. */
    public synchronized Issued uziCa() throws IOException {
        if (uziCa == null) {
            uziCa = CertificateMaker.rootCa("CN=UZI-register Zorgverlener CA (DUO demo), O=DUO Viewer demo, C=NL",
                    CertificateMaker.ecKey(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
            writeAtomically(dir.resolve(UZI_CA_FILE), pem("CERTIFICATE", encoded(uziCa.certificate())));
            writeAtomically(dir.resolve(UZI_CRL_FILE), pem("X509 CRL", encoded(CertificateMaker.crl(uziCa,
                    List.<BigInteger>of(), now, now.plus(Duration.ofDays(7))))));
        }
        return uziCa;
    }

    /** The demo UZI-register CA's CRL (revoking nothing), for clients that check cards by CRL. */
    public Path uziCrlFile() throws IOException {
        uziCa();
        return dir.resolve(UZI_CRL_FILE);
    }

    /** {@link #trustSettings()} that also holds the demo UZI-register CA's CRL, for checking UZI-passes by CRL. */
    public TrustSettings trustSettingsWithCardCrl() throws IOException {
        TrustSettings t = trustSettings();
        return new TrustSettings(t.trustStore(), t.trustStorePassword(), t.revocation(),
                List.of(dir.resolve(CRL_FILE), uziCrlFile()), t.ocspResponder(), t.mitzSigningCertificate(),
                t.allowLoopbackHttp());
    }

    /** The file holding the demo UZI-register CA. */
    public Path uziCaFile() throws IOException {
        uziCa();
        return dir.resolve(UZI_CA_FILE);
    }

    /**
     * A UZI-pas authentication certificate (key usage digitalSignature only; subjectAltName otherName 2.5.5.5 with
     * the UZI subject identifier) for the key, issued by {@code issuer} (normally {@link #uziCa()}).
     */
    public Issued uziPas(Issued issuer, KeyPair key, String uziNumber, String cardType, String roleCode,
                         String givenName, String surname, Instant notBefore, Instant notAfter) {
        String caOid = switch (cardType) {
            case "Z" -> "2.16.528.1.1003.1.3.5.5.2";
            case "N" -> "2.16.528.1.1003.1.3.5.5.3";
            case "M" -> "2.16.528.1.1003.1.3.5.5.4";
            default -> "2.16.528.1.1003.1.3.5.5.5";
        };
        return CertificateMaker.issue(issuer, "CN=" + givenName + " " + surname + ", GIVENNAME=" + givenName
                        + ", SURNAME=" + surname + ", SERIALNUMBER=" + uziNumber + ", O=" + ura + ", C=NL", key,
                new Profile(notBefore, notAfter, false, List.of(), List.of(),
                        caOid + "-1-" + uziNumber + "-" + cardType + "-" + ura + "-" + roleCode + "-00000000",
                        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, KeyUsage.digitalSignature));
    }

    /** When this PKI was made (certificates are valid from a day before). */
    public Instant createdAt() {
        return now;
    }

    /** The folder the files are written to. */
    public Path directory() {
        return dir;
    }
}
