package nl.duoviewer.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app-image jpackage built: launcher, trimmed runtime with JavaFX, and that it really starts. */
class AppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("appImage", "target/jpackage/duoviewer"));
    private static final Path LAUNCHER = IMAGE.resolve("bin/duoviewer");

    private record Result(int exit, String out, String err, boolean finished) {
    }

    private static Result run(Path home, long seconds, List<String> command) throws Exception {
        Path out = Files.createTempFile("appimage-out", ".txt");
        Path err = Files.createTempFile("appimage-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("LANG", "C.UTF-8");
            Process p = pb.start();
            boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(finished ? p.exitValue() : -1, Files.readString(out), Files.readString(err), finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void containsTheLauncherTheIconAndATrimmedRuntimeWithJavaFx() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), "launcher " + LAUNCHER);
        assertTrue(Files.isRegularFile(IMAGE.resolve("lib/duoviewer.png")), "icon");
        String cfg = Files.readString(IMAGE.resolve("lib/app/duoviewer.cfg"));
        assertTrue(cfg.contains("app.mainclass=nl.duoviewer.app.Main"), cfg);
        Process modules = new ProcessBuilder(IMAGE.resolve("lib/runtime/bin/java").toString(), "--list-modules")
                .redirectErrorStream(true).start();
        String list = new String(modules.getInputStream().readAllBytes());
        assertTrue(modules.waitFor(30, TimeUnit.SECONDS));
        assertTrue(list.contains("javafx.controls@"), list);
        assertFalse(list.contains("jdk.compiler"), "the runtime is trimmed: " + list);
        assertFalse(list.contains("jdk.jpackage"), "the runtime is trimmed: " + list);
        assertTrue(Files.isRegularFile(IMAGE.resolve("lib/runtime/lib/libprism_sw.so")),
                "JavaFX's native libraries sit in the runtime, so nothing is unpacked into the user's home");
    }

    @Test
    void launcherPrintsTheVersion(@TempDir Path home) throws Exception {
        Result r = run(home, 60, List.of(LAUNCHER.toString(), "--version"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().matches("DUO Viewer \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void launcherRefusesAnInvalidBsnWithExitCode2(@TempDir Path home) throws Exception {
        Result r = run(home, 60, List.of(LAUNCHER.toString(), "--bsn", "123456789"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("11-check failed"), r.err());
    }

    @Test
    void theWindowStartsOnAVirtualDisplayAndKeepsRunning(@TempDir Path home) throws Exception {
        boolean xvfb = onPath("xvfb-run");
        boolean gtk = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"));
        if (!xvfb || !gtk) {
            String missing = (xvfb ? "" : "xvfb-run ") + (gtk ? "" : "libgtk-3-0");
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must have the test tools (scripts/install-test-tools.sh); missing: " + missing);
            }
            assumeTrue(false, "skipped: needs " + missing + " (scripts/install-test-tools.sh installs it)");
        }
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
                LAUNCHER.toString(), "--bsn", "999999011"));
        Result r = run(home, 8, command);
        assertFalse(r.finished(), "the viewer exited by itself (exit " + r.exit() + "): " + r.err());
        // GTK may warn about a missing accessibility bus on a bare machine; a Java failure is never acceptable
        assertFalse(r.err().toLowerCase(java.util.Locale.ROOT).contains("exception"), r.err());
        assertFalse(Files.exists(home.resolve(".openjfx")), "no native libraries unpacked into the home directory");
    }

    private static boolean onPath(String program) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
