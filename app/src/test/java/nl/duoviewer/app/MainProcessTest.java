package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.network.pki.TestPki;

/** The launcher as a real process: what the user or the EHR sees when starting the viewer. */
class MainProcessTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(String... args) throws Exception {
        Path out = Files.createTempFile("duoviewer-out", ".txt");
        Path err = Files.createTempFile("duoviewer-err", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.language=en", "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not exit: a window was probably opened");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void anInvalidBsnExitsWithCode2AndSaysWhyWithoutOpeningAWindow() throws Exception {
        Result r = launch("--bsn", "123456789");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("duoviewer: Invalid BSN: '123456789' is not a valid BSN (11-check failed)"),
                r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void versionPrintsTheBuiltVersion() throws Exception {
        Result r = launch("--version");
        assertEquals(0, r.exit());
        assertEquals(AppInfo.NAME + " " + AppInfo.version(), r.out().strip());
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), AppInfo.version());
    }

    @Test
    void helpListsTheOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String help = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        for (String option : List.of("--bsn", "--config", "--demo", "--help", "--version", "duoviewer://open?bsn=",
                "/etc/duoviewer/duoviewer.properties", "user's ~/.config/duoviewer/duoviewer.properties",
                "duo.launch.tokenSha256")) {
            assertTrue(help.contains(option), () -> "help mentions " + option + ":\n" + help);
        }
    }

    /**
     * A configuration file as IT writes it, with the demo network's PKI files for trust store and keystore, with
     * {@code changes} applied (a null value removes the key).
     */
    private static Path gatewayConfig(Path dir, java.util.Map<String, String> changes) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), "90001234");
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("duo.communities", "founda");
        keys.put("duo.community.founda.name", "Founda Health");
        keys.put("duo.community.founda.homeCommunityId", "urn:oid:1.3.6.1.4.1.21367.13.70.1");
        keys.put("duo.community.founda.query", "https://gw.example.nl/founda/iti38");
        keys.put("duo.community.founda.retrieve", "https://gw.example.nl/founda/iti39");
        keys.put("duo.community.founda.imaging", "https://gw.example.nl/founda/rad75");
        keys.put("duo.mitz.open", "https://mitz.example.nl/mitz/open");
        keys.put("duo.mitz.closed", "https://mitz.example.nl/mitz/closed");
        keys.put("duo.requester.ura", "90001234");
        keys.put("duo.identity.sources", "EHR_LAUNCH");
        keys.put("duo.keystore.path", pki.directory().resolve(TestPki.ORGANISATION_FILE).toString());
        keys.put("duo.keystore.password", "env:" + TestPki.PASSWORD_VARIABLE);
        keys.put("duo.keystore.alias", TestPki.ALIAS);
        keys.put("duo.tls.truststore", pki.directory().resolve(TestPki.TRUST_STORE_FILE).toString());
        keys.put("duo.tls.revocation", "NONE");
        changes.forEach((k, v) -> {
            if (v == null) {
                keys.remove(k);
            } else {
                keys.put(k, v);
            }
        });
        StringBuilder p = new StringBuilder();
        keys.forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve("gateway.properties"), p.toString());
    }

    /** A configuration the viewer accepts (the test network's, with its signing key), to add keys to. */
    private static Path usableConfig(Path dir) throws Exception {
        Path config = dir.resolve("duoviewer.properties");
        nl.duoviewer.app.testing.TestNetwork.get().writeClientConfig(config);
        return config;
    }

    private static Result runInProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aConfigurationWithoutARequiredKeyExitsWithCode2NamingFileAndKey(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, java.util.Collections.singletonMap("duo.mitz.open", null));
        Result r = runInProcess("--config", config.toString(), "--bsn", "999999011");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.mitz.open': missing"),
                r.err());
    }

    @Test
    void plainHttpToAnotherComputerExitsWithCode2NamingFileAndKey(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, java.util.Map.of("duo.community.founda.query",
                "http://gw.example.nl/founda/iti38"));
        Result r = launch("--config", config.toString(), "--bsn", "999999011");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.community.founda.query'")
                && r.err().contains("https"), r.err());
    }

    @Test
    void aPasswordWrittenInTheFileExitsWithCode2WithoutRepeatingIt(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, java.util.Map.of("duo.keystore.password", "secret-password"));
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.keystore.password'"), r.err());
        assertTrue(r.err().contains("env:") && r.err().contains("prompt"), r.err());
        assertTrue(!r.err().contains("secret-password"), "the password is never printed");
    }

    @Test
    void aBrokenSystemConfigurationExitsWithCode2NamingFileAndKeyBeforeAnyWindow(@TempDir Path dir)
            throws Exception {
        Path system = gatewayConfig(dir, java.util.Collections.singletonMap("duo.requester.ura", null));
        String before = System.getProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY);
        try {
            System.setProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY, system.toString());
            Result r = runInProcess("--bsn", "999999011");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains(system.toString()) && r.err().contains("key 'duo.requester.ura': missing"),
                    r.err());
        } finally {
            if (before == null) {
                System.clearProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY);
            } else {
                System.setProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY, before);
            }
        }
    }

    @Test
    void aBadLaunchTokenDigestIsAConfigurationErrorThatDoesNotRepeatTheValue(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, java.util.Map.of());
        Files.writeString(config, "duo.launch.tokenSha256=not-a-digest-but-maybe-the-token\n",
                java.nio.file.StandardOpenOption.APPEND);
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("key 'duo.launch.tokenSha256'"), r.err());
        assertTrue(!r.err().contains("maybe-the-token"), r.err());
    }

    @Test
    void aBrokenLocalPacsBlockExitsWithCode2NamingFileAndKey(@TempDir Path dir) throws Exception {
        Path config = usableConfig(dir);
        Files.writeString(config, "duo.local.qidoBase=https://pacs.ziekenhuis.nl/dicom-web\n"
                + "duo.local.patientIdMode=MRN\n", java.nio.file.StandardOpenOption.APPEND);
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.local.patientIdMode'"),
                r.err());
    }

    @Test
    void aLocalPacsKeyStoreThatCannotBeOpenedExitsWithCode2NamingFileAndKey(@TempDir Path dir) throws Exception {
        Path config = usableConfig(dir);
        Files.writeString(dir.resolve("workstation.p12"), "not a PKCS#12 file");
        Files.writeString(config, "duo.local.qidoBase=https://pacs.ziekenhuis.nl/dicom-web\n"
                + "duo.local.keyStore=workstation.p12\nduo.local.keyStorePassword=env:PATH\n",
                java.nio.file.StandardOpenOption.APPEND);
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.local.keyStore'"), r.err());
    }

    @Test
    void demoAndConfigTogetherAreAUsageError(@TempDir Path dir) throws Exception {
        Result r = runInProcess("--demo", "--config", gatewayConfig(dir, java.util.Map.of()).toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--demo and --config exclude each other"), r.err());
    }

    @Test
    void aPasswordVariableThatIsNotSetExitsWithCode2NamingIt(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, java.util.Map.of("duo.keystore.password", "env:DUO_TEST_SURELY_UNSET_4711"));
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("duo.keystore.password")
                && r.err().contains("DUO_TEST_SURELY_UNSET_4711"), r.err());
    }

    @Test
    void aConfigurationWhoseKeystoreCannotBeOpenedExitsWithCode2(@TempDir Path dir) throws Exception {
        Path missing = gatewayConfig(dir, java.util.Map.of("duo.keystore.path", "no-such-keystore.p12"));
        Result r = runInProcess("--config", missing.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("key 'duo.keystore.path'") && r.err().contains("no-such-keystore.p12"), r.err());
        // PATH is set, and is not the password
        Path wrong = gatewayConfig(dir, java.util.Map.of("duo.keystore.password", "env:PATH"));
        Result w = runInProcess("--config", wrong.toString());
        assertEquals(2, w.exit());
        assertTrue(w.err().contains(wrong.toString()) && w.err().contains("duo.keystore.password")
                && w.err().contains("password is wrong"), w.err());
        assertTrue(!w.err().contains(System.getenv("PATH")), "the variable's value is never printed");
    }

    @Test
    void aTrustStoreThatIsNotOneExitsWithCode2NamingTheKey(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        Path config = gatewayConfig(dir, java.util.Map.of("duo.tls.truststore", junk.toString()));
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("duo.tls.truststore"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--frobnicate"}, System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown argument: --frobnicate"));
    }
}
