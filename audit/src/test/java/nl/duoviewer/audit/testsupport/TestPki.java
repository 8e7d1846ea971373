package nl.duoviewer.audit.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for one test: a CA, a server certificate for 127.0.0.1 (the syslog receiver) and
 * client certificates (the workstation), written as PEM for rsyslog/GnuTLS and as PKCS#12 for the viewer.
 */
public final class TestPki {

    /** Password of every PKCS#12 file written here. */
    public static final char[] PASSWORD = "test-only".toCharArray();

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestPki(Path dir) throws GeneralSecurityException, IOException {
        this.dir = Files.createDirectories(dir);
        this.caKeys = keys();
        this.ca = sign(new X500Name("CN=DUO Viewer test CA"), caKeys, true, null);
    }

    /** The CA certificate as PEM (rsyslog's CA file). */
    public Path caPem() throws IOException {
        return pem("ca.pem", ca);
    }

    /** The CA in a PKCS#12 trust store (the viewer's trust store). */
    public Path trustStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        return store("truststore.p12", ks);
    }

    /** A server certificate and key for 127.0.0.1 / localhost, as PEM files: [certificate, key]. */
    public Path[] serverPem() throws GeneralSecurityException, IOException {
        KeyPair kp = keys();
        X509Certificate cert = sign(new X500Name("CN=127.0.0.1"), kp, false, KeyPurposeId.id_kp_serverAuth);
        return new Path[] {pem("server-cert.pem", cert), pemKey("server-key.pem", kp.getPrivate())};
    }

    /** A client key and certificate in a PKCS#12 key store (the workstation's TLS identity). */
    public Path clientKeyStore(String name) throws GeneralSecurityException, IOException {
        KeyPair kp = keys();
        X509Certificate cert = sign(new X500Name("CN=" + name), kp, false, KeyPurposeId.id_kp_clientAuth);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", kp.getPrivate(), PASSWORD, new X509Certificate[] {cert, ca});
        return store(name + ".p12", ks);
    }

    private X509Certificate sign(X500Name subject, KeyPair subjectKeys, boolean isCa, KeyPurposeId purpose)
            throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X500Name issuer = isCa ? subject : new X500Name(ca.getSubjectX500Principal().getName());
        var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
            }
        }
        try {
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(isCa ? subjectKeys.getPrivate()
                    : caKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** RSA: the JDK's EC keys come out in a PKCS#8 form that GnuTLS (rsyslog) refuses to parse. */
    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private Path pem(String name, Object o) throws IOException {
        Path p = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return p;
    }

    private Path pemKey(String name, PrivateKey key) throws IOException {
        try {
            return pem(name, new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IOException(e);
        }
    }

    private Path store(String name, KeyStore ks) throws GeneralSecurityException, IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, PASSWORD);
        }
        return p;
    }
}
