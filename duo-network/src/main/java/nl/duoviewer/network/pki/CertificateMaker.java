package nl.duoviewer.network.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the test PKI's certificates and CRLs with BouncyCastle's certificate builders, with the JDK's own key
 * generators and signature providers doing the cryptography.
 */
public final class CertificateMaker {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    /** An issued certificate with its key and its chain (the certificate first, the root last). */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }
    }

    /** What to put in a certificate besides subject, issuer and key. */
    public record Profile(Instant notBefore, Instant notAfter, boolean ca, List<String> dnsNames,
                          List<String> ipAddresses, String uziSubjectId, KeyPurposeId[] extendedUsages, int keyUsage) {
    }

    public static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA certificate. */
    public static Issued rootCa(String dn, KeyPair key, Instant notBefore, Instant notAfter) {
        X509Certificate c = build(new X500Principal(dn), key.getPrivate(), null, new X500Principal(dn), key,
                new Profile(notBefore, notAfter, true, List.of(), List.of(), null, null,
                        KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(c, key.getPrivate(), List.of(c));
    }

    /** A certificate issued by {@code issuer}. */
    public static Issued issue(Issued issuer, String dn, KeyPair key, Profile profile) {
        X509Certificate c = build(issuer.certificate().getSubjectX500Principal(), issuer.key(),
                issuer.certificate(), new X500Principal(dn), key, profile);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(c);
        chain.addAll(issuer.chain());
        return new Issued(c, key.getPrivate(), chain);
    }

    /** A CRL of {@code ca} listing the given serial numbers as revoked (key compromise). */
    public static X509CRL crl(Issued ca, List<BigInteger> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    new X509CertificateHolder(ca.certificate().getEncoded()).getSubject(), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (BigInteger serial : revoked) {
                b.addCRLEntry(serial, Date.from(thisUpdate.minusSeconds(60)), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.ASN1Integer(
                    BigInteger.valueOf(thisUpdate.getEpochSecond())));
            X509CRLHolder holder = b.build(signer(ca.key()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CRL: " + e.getMessage(), e);
        }
    }

    /** The signature algorithm for a key: SHA-256 with RSA or ECDSA. */
    public static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA")
                .build(key);
    }

    private static X509Certificate build(X500Principal issuerName, PrivateKey issuerKey, X509Certificate issuerCert,
                                         X500Principal subject, KeyPair key, Profile p) {
        try {
            BigInteger serial = new BigInteger(80, RANDOM).add(BigInteger.ONE);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(p.notBefore()), Date.from(p.notAfter()), subject, key.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(p.ca()));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(p.keyUsage()));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerCert));
            }
            if (p.extendedUsages() != null && p.extendedUsages().length > 0) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(p.extendedUsages()));
            }
            List<GeneralName> names = new ArrayList<>();
            for (String dns : p.dnsNames()) {
                names.add(new GeneralName(GeneralName.dNSName, dns));
            }
            for (String ip : p.ipAddresses()) {
                names.add(new GeneralName(GeneralName.iPAddress, ip));
            }
            if (p.uziSubjectId() != null) {
                names.add(new GeneralName(GeneralName.otherName, new DERSequence(new org.bouncycastle.asn1
                        .ASN1Encodable[] {new ASN1ObjectIdentifier("2.5.5.5"),
                        new DERTaggedObject(true, 0, new DERIA5String(p.uziSubjectId()))})));
            }
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Loopback names every server certificate of the embedded network carries. */
    public static final List<String> LOOPBACK_DNS = List.of("localhost");
    public static final List<String> LOOPBACK_IPS = List.of("127.0.0.1");
}
