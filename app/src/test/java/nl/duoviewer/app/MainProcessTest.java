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

    /** A configuration file as IT writes it, with everything a client needs except what the test leaves out. */
    private static Path gatewayConfig(Path dir, String without, String keystore) throws Exception {
        StringBuilder p = new StringBuilder();
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("duo.communities", "founda");
        keys.put("duo.community.founda.name", "Founda Health");
        keys.put("duo.community.founda.homeCommunityId", "urn:oid:1.3.6.1.4.1.21367.13.70.1");
        keys.put("duo.community.founda.query", "http://127.0.0.1:9/founda/iti38");
        keys.put("duo.community.founda.retrieve", "http://127.0.0.1:9/founda/iti39");
        keys.put("duo.community.founda.imaging", "http://127.0.0.1:9/founda/rad75");
        keys.put("duo.mitz.open", "http://127.0.0.1:9/mitz/open");
        keys.put("duo.mitz.closed", "http://127.0.0.1:9/mitz/closed");
        keys.put("duo.requester.ura", "90001234");
        keys.put("duo.requester.uzi", "900012345");
        keys.put("duo.requester.role", "01.015");
        keys.put("duo.keystore.path", keystore);
        keys.put("duo.keystore.password", "secret-password");
        keys.put("duo.keystore.alias", "duoviewer-org");
        keys.remove(without);
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
        Path config = gatewayConfig(dir, "duo.mitz.open", "org.p12");
        Result r = runInProcess("--config", config.toString(), "--bsn", "999999011");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(config.toString()) && r.err().contains("key 'duo.mitz.open': missing"),
                r.err());
    }

    @Test
    void aConfigurationWhoseKeystoreCannotBeOpenedExitsWithCode2(@TempDir Path dir) throws Exception {
        Path config = gatewayConfig(dir, "", "no-such-keystore.p12");
        Result r = runInProcess("--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("duoviewer: Cannot open keystore " + dir.resolve("no-such-keystore.p12")),
                r.err());
        assertTrue(!r.err().contains("secret-password"), "the password is never printed");
    }

    @Test
    void aBrokenSystemConfigurationExitsWithCode2NamingFileAndKeyBeforeAnyWindow(@TempDir Path dir)
            throws Exception {
        Path system = gatewayConfig(dir, "duo.requester.uzi", "org.p12");
        String before = System.getProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY);
        try {
            System.setProperty(nl.duoviewer.app.launch.ConfigLocations.SYSTEM_PROPERTY, system.toString());
            Result r = runInProcess("--bsn", "999999011");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains(system.toString()) && r.err().contains("key 'duo.requester.uzi': missing"),
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
        Path config = gatewayConfig(dir, "", "org.p12");
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
        Result r = runInProcess("--demo", "--config", gatewayConfig(dir, "", "org.p12").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--demo and --config exclude each other"), r.err());
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
