package nl.duoviewer.xca.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.config.LocalPacsSettings;
import nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode;

/**
 * The hospital's PACS over mutual TLS, as {@code duo.local.trustStore} and {@code duo.local.keyStore} configure it: a
 * PACS that demands the workstation's certificate answers only with it, and a PACS whose certificate the trust store
 * does not vouch for is not talked to at all (the BSN never leaves the workstation).
 */
@Timeout(30)
class LocalPacsTlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final Bsn PATIENT = Bsn.parse("999999011");

    @TempDir
    Path dir;
    private HttpsServer server;
    private final AtomicInteger answered = new AtomicInteger();
    private KeyPair caKeys;
    private X509Certificate ca;
    private URI base;

    @BeforeEach
    void startAPacsThatDemandsAClientCertificate() throws Exception {
        caKeys = rsa();
        ca = sign("CN=Ziekenhuis test CA", caKeys, true, caKeys);
        KeyPair serverKeys = rsa();
        KeyStore serverStore = keyStore(serverKeys, sign("CN=127.0.0.1", serverKeys, false, caKeys));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverStore, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/dicom-web", x -> {
            answered.incrementAndGet();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/dicom+json");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LocalQueryResult query(Path trust, Path keys) {
        try (LocalPacsClient client = LocalPacsClient.open(new LocalPacsSettings("PACS", "", base, null,
                PatientIdMode.BSN, "", Duration.ofSeconds(5), trust, trust == null ? null : PASSWORD, keys,
                keys == null ? null : PASSWORD), e -> { }, Clock.systemUTC())) {
            return client.query(PATIENT);
        }
    }

    @Test
    void withTheWorkstationsCertificateThePacsAnswers() throws Exception {
        LocalQueryResult r = query(store("trust.p12", trustStore()), clientKeyStore());
        assertEquals(Optional.empty(), r.failure(), r::toString);
        assertEquals(1, answered.get());
    }

    @Test
    void withoutTheWorkstationsCertificateThePacsIsNotReached() throws Exception {
        LocalQueryResult r = query(store("trust.p12", trustStore()), null);
        assertEquals(LocalQueryResult.Reason.UNREACHABLE, r.failure().orElseThrow().reason());
        assertEquals(0, answered.get());
    }

    @Test
    void aPacsTheTrustStoreDoesNotVouchForIsNotAsked() throws Exception {
        KeyPair otherCa = rsa();
        KeyStore foreign = KeyStore.getInstance("PKCS12");
        foreign.load(null, null);
        foreign.setCertificateEntry("ca", sign("CN=Another CA", otherCa, true, otherCa));
        LocalQueryResult r = query(store("foreign.p12", foreign), clientKeyStore());
        assertEquals(LocalQueryResult.Reason.UNREACHABLE, r.failure().orElseThrow().reason());
        assertEquals(0, answered.get(), "the request (with the BSN) never reached the server");
    }

    private Path clientKeyStore() throws Exception {
        KeyPair keys = rsa();
        return store("workstation.p12", keyStore(keys, sign("CN=werkstation-07", keys, false, caKeys)));
    }

    private KeyStore keyStore(KeyPair keys, X509Certificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {cert, ca});
        return ks;
    }

    private KeyStore trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        return ks;
    }

    private Path store(String name, KeyStore ks) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, PASSWORD);
        }
        return p;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private X509Certificate sign(String subject, KeyPair subjectKeys, boolean isCa, KeyPair issuerKeys)
            throws Exception {
        Instant now = Instant.now();
        X500Name issuer = isCa ? new X500Name(subject) : new X500Name(ca.getSubjectX500Principal().getName());
        var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli() + subject.hashCode()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (!isCa) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                    GeneralName.iPAddress, "127.0.0.1")));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }
}
