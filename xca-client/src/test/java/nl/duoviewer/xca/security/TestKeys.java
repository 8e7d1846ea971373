package nl.duoviewer.xca.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.config.Secret;

/** Makes a PKCS#12 keystore with a self-signed RSA key using the JDK's keytool. */
public final class TestKeys {

    public static final String PASSWORD = "test-pass";

    private TestKeys() {
    }

    public static KeystoreSettings create(Path file, String cn) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "org", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-validity", "30", "-dname", "CN=" + cn, "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed");
        }
        return KeystoreSettings.pkcs12(file, "org", new Secret.Held(PASSWORD.toCharArray()));
    }
}
