package nl.duoviewer.xca.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import nl.duoviewer.xca.config.ConfigException;

/** Reads certificates, trust stores and CRLs from files; every error names the file and the configuration key. */
public final class TrustMaterial {

    /** Larger than any real trust store or CRL we expect; a bigger file is refused rather than read. */
    private static final long MAX_FILE_BYTES = 64L << 20;

    private TrustMaterial() {
    }

    /**
     * The certificates of a trust store: a PEM or DER file with one or more certificates, or a PKCS#12/JKS keystore
     * (its trusted certificates and the certificates of its key entries).
     *
     * @param password for a keystore; null to read it without checking its integrity
     */
    public static List<X509Certificate> certificates(Path file, char[] password, String key) {
        byte[] bytes = read(file, key);
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (!certs.isEmpty()) {
                return certs.stream().map(X509Certificate.class::cast).toList();
            }
        } catch (CertificateException e) {
            // not PEM/DER: try a keystore below
        }
        try {
            KeyStore ks = KeyStore.getInstance(file.toFile(), password);
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
            if (out.isEmpty()) {
                throw new ConfigException("key '" + key + "': " + file + " holds no certificates");
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("key '" + key + "': " + file + " is neither a certificate file (PEM, DER) nor "
                    + "a readable keystore: " + e.getMessage(), e);
        }
    }

    /** Exactly one certificate. */
    public static X509Certificate certificate(Path file, String key) {
        List<X509Certificate> certs = certificates(file, null, key);
        if (certs.size() != 1) {
            throw new ConfigException("key '" + key + "': " + file + " must hold one certificate, it holds "
                    + certs.size());
        }
        return certs.getFirst();
    }

    /** The CRLs in a PEM or DER file. */
    public static List<X509CRL> crls(Path file, String key) {
        byte[] bytes = read(file, key);
        try {
            Collection<? extends CRL> crls = CertificateFactory.getInstance("X.509")
                    .generateCRLs(new ByteArrayInputStream(bytes));
            if (crls.isEmpty()) {
                throw new ConfigException("key '" + key + "': " + file + " holds no CRL");
            }
            return crls.stream().map(X509CRL.class::cast).toList();
        } catch (java.security.cert.CRLException | CertificateException e) {
            throw new ConfigException("key '" + key + "': " + file + " is not a CRL: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String key) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("key '" + key + "': " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("key '" + key + "': cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
