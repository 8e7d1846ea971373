package nl.duoviewer.xca.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.KeystoreSettings;

/**
 * The organisation's signing key and certificate, loaded from the configured PKCS#12 keystore.
 *
 * @param privateKey  RSA key that signs the SAML assertions
 * @param certificate the matching certificate, sent in KeyInfo and trusted by the receivers
 */
public record OrganisationCredentials(PrivateKey privateKey, X509Certificate certificate) {

    public OrganisationCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Loads the key; errors name the keystore file and alias, never the password. */
    public static OrganisationCredentials load(KeystoreSettings settings) {
        char[] password = settings.password();
        try (InputStream in = Files.newInputStream(settings.path())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            if (!(ks.getKey(settings.alias(), password) instanceof PrivateKey key)) {
                throw new ConfigException("Keystore " + settings.path() + " holds no private key under alias '"
                        + settings.alias() + "'");
            }
            if (!(ks.getCertificate(settings.alias()) instanceof X509Certificate cert)) {
                throw new ConfigException("Keystore " + settings.path() + " holds no certificate under alias '"
                        + settings.alias() + "'");
            }
            return new OrganisationCredentials(key, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot open keystore " + settings.path() + " (alias '" + settings.alias()
                    + "'): " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
