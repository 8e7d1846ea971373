package nl.duoviewer.xca.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the organisation's key lives (its UZI server certificate: the TLS client certificate and the key that signs
 * the SAML assertions): a PKCS#12 file or a PKCS#11 token (an HSM, through SunPKCS11), the key's alias, and where its
 * password or PIN comes from.
 *
 * @param path     the PKCS#12 file; null when the key is on a token
 * @param pkcs11   the token; null for a PKCS#12 file
 * @param alias    alias of the key entry
 * @param password the keystore (and key) password or the token PIN
 */
public record KeystoreSettings(Path path, Pkcs11Settings pkcs11, String alias, Secret password) {

    public KeystoreSettings {
        if ((path == null) == (pkcs11 == null)) {
            throw new IllegalArgumentException("a keystore is either a PKCS#12 file or a PKCS#11 token");
        }
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
    }

    /** A PKCS#12 file. */
    public static KeystoreSettings pkcs12(Path file, String alias, Secret password) {
        return new KeystoreSettings(file, null, alias, password);
    }

    /** A key on a PKCS#11 token. */
    public static KeystoreSettings pkcs11(Pkcs11Settings token, String alias, Secret pin) {
        return new KeystoreSettings(null, token, alias, pin);
    }

    public boolean onToken() {
        return pkcs11 != null;
    }

    /** The keystore as named in messages: the file, or the token's library. */
    public String describe() {
        return onToken() ? "PKCS#11 token " + pkcs11.library() : path.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeystoreSettings k && Objects.equals(path, k.path) && Objects.equals(pkcs11, k.pkcs11)
                && alias.equals(k.alias) && Secret.same(password, k.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, pkcs11, alias);
    }

    @Override
    public String toString() {
        return "KeystoreSettings[" + describe() + ", alias=" + alias + "]";
    }
}
