package nl.duoviewer.xca.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the organisation's signing key lives: a PKCS#12 file, its password and the key alias. */
public record KeystoreSettings(Path path, char[] password, String alias) {

    public KeystoreSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(alias, "alias");
        password = password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "KeystoreSettings[" + path + ", alias=" + alias + "]";
    }
}
