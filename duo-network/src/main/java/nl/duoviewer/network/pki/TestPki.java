package nl.duoviewer.network.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.security.OrganisationCredentials;

/**
 * Generates the test organisation's signing key (a self-signed RSA certificate in a PKCS#12 keystore, made with the
 * JDK's keytool) that the embedded network trusts, plus an intruder key it does not trust, for negative tests.
 */
public final class TestPki {

    public static final String ALIAS = "duoviewer-org";
    private static final String PASSWORD = "duo-demo-keystore";

    private final KeystoreSettings organisation;
    private final KeystoreSettings intruder;
    private final X509Certificate trustedCertificate;

    private TestPki(KeystoreSettings organisation, KeystoreSettings intruder, X509Certificate trusted) {
        this.organisation = organisation;
        this.intruder = intruder;
        this.trustedCertificate = trusted;
    }

    /** Creates both keystores in {@code dir} (reusing them when they already exist). */
    public static TestPki create(Path dir, String organisationUra) throws IOException {
        Files.createDirectories(dir);
        Path org = dir.resolve("duo-organisation.p12");
        Path bad = dir.resolve("duo-intruder.p12");
        generate(org, "CN=DUO Viewer demo organisation, O=URA " + organisationUra + ", C=NL");
        generate(bad, "CN=Intruder, O=Not trusted, C=NL");
        KeystoreSettings orgSettings = new KeystoreSettings(org, PASSWORD.toCharArray(), ALIAS);
        return new TestPki(orgSettings, new KeystoreSettings(bad, PASSWORD.toCharArray(), ALIAS),
                certificate(orgSettings));
    }

    private static void generate(Path file, String dname) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", dname, "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating a key", e);
        }
        if (p.exitValue() != 0 || !Files.exists(file)) {
            throw new IOException("keytool failed: " + output.strip());
        }
    }

    private static X509Certificate certificate(KeystoreSettings s) throws IOException {
        try (InputStream in = Files.newInputStream(s.path())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, s.password());
            return (X509Certificate) ks.getCertificate(s.alias());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read generated keystore " + s.path(), e);
        }
    }

    /** The organisation keystore the client is configured with. */
    public KeystoreSettings organisation() {
        return organisation;
    }

    /** A keystore whose key the network does not trust. */
    public KeystoreSettings intruder() {
        return intruder;
    }

    /** The certificate the network's services trust. */
    public X509Certificate trustedCertificate() {
        return trustedCertificate;
    }

    public OrganisationCredentials organisationCredentials() {
        return OrganisationCredentials.load(organisation);
    }
}
