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
        for (String option : List.of("--bsn", "--config", "--help", "--version", "duoviewer://open?bsn=")) {
            assertTrue(help.contains(option), () -> "help mentions " + option + ":\n" + help);
        }
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
