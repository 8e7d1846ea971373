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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * The app-image jpackage built: launcher, trimmed runtime with JavaFX, and that it really starts - on a virtual
 * display, with the embedded DUO network inside it, showing a study from a {@code duoviewer://} link.
 */
class AppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("appImage", "target/jpackage/duoviewer"));
    private static final Path LAUNCHER = IMAGE.resolve("bin/duoviewer");

    private record Result(int exit, String out, String err, boolean finished) {
    }

    /** The command with its own home, a UTF-8 locale, no input, and its output going to the two files. */
    private static ProcessBuilder launcher(Path home, List<String> command, Path out, Path err) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("LANG", "C.UTF-8");
        // Java takes user.home from the password database: the audit log follows XDG_DATA_HOME into this home
        pb.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        return pb;
    }

    private static Result run(Path home, long seconds, List<String> command) throws Exception {
        Path out = Files.createTempFile("appimage-out", ".txt");
        Path err = Files.createTempFile("appimage-err", ".txt");
        try {
            Process p = launcher(home, command, out, err).start();
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
        assertTrue(cfg.contains("java-options=-XX:MaxRAMPercentage=50"), cfg);
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
    void theDesktopEntryStartsTheViewerWithoutDemo() throws Exception {
        String entry = Files.readString(Path.of("linux/duoviewer.desktop"));
        String exec = entry.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow();
        assertEquals("Exec=APPLICATION_LAUNCHER %u", exec, "the installed viewer decides from its configuration");
        assertTrue(entry.contains("MimeType=x-scheme-handler/duoviewer;"), entry);
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

    /** Runs until stderr shows {@code marker} (or the time is up), then stops the process and its children. */
    private static Result runUntil(Path home, long seconds, String marker, List<String> command) throws Exception {
        Path out = Files.createTempFile("appimage-out", ".txt");
        Path err = Files.createTempFile("appimage-err", ".txt");
        try {
            ProcessBuilder pb = launcher(home, command, out, err);
            // Java takes user.home from the password database, not $HOME: the demo cache follows XDG_CACHE_HOME
            pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
            pb.environment().remove("OPENCV_LOG_LEVEL"); // the packaged viewer must silence OpenCV by itself
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (p.isAlive() && System.nanoTime() < deadline && !Files.readString(err).contains(marker)) {
                Thread.sleep(200);
            }
            Thread.sleep(500); // let the line after the marker through
            boolean exited = !p.isAlive();
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            return new Result(exited ? p.exitValue() : -1, Files.readString(out), Files.readString(err), exited);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theWindowStartsTheEmbeddedNetworkAndShowsAJpeg2000StudyQuietly(@TempDir Path home)
            throws Exception {
        requireVirtualDisplay();
        DemoCatalogue catalogue = new CatalogueGenerator(CatalogueGenerator.DEFAULT_SEED).generate();
        DemoStudy j2k = catalogue.registrations(Network.ENOVATION, CatalogueGenerator.SHOWCASE_PATIENT).stream()
                .map(DemoCatalogue.Registration::study).filter(s -> s.publications().size() == 1)
                .min(Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
        String link = "duoviewer://open?bsn=999999011&study=" + j2k.studyInstanceUid();
        Result r = runUntil(home, 180, "Study from", List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
                LAUNCHER.toString(), link));
        assertFalse(r.finished(), "the viewer exited by itself (exit " + r.exit() + "): " + r.err());
        assertTrue(r.err().contains("Network ready") && r.err().contains("Embedded demo network: 3 communities"),
                r.err());
        // no configuration on this machine: the demo network runs, and says so (and the window shows DEMO)
        assertTrue(r.err().contains("running on the embedded DEMO network"), r.err());
        assertTrue(r.err().contains("Timeline settled") && r.err().contains("45 studies"), r.err());
        assertTrue(r.err().contains("Study from " + j2k.institution().name() + ": " + j2k.instanceCount() + " of "
                + j2k.instanceCount() + " images"), r.err());
        assertTrue(r.err().contains("; complete"), r.err());
        // OpenJPEG warns about every demo J2K stream unless OpenCV is silenced; CXF and Jetty log each endpoint
        assertFalse(r.err().contains("OpenJPEG") || r.err().contains("[ WARN") || r.err().contains("[ERROR"),
                r.err());
        assertFalse(r.err().contains("org.eclipse.jetty") || r.err().contains("org.apache.cxf"), r.err());
        assertFalse(r.err().toLowerCase(java.util.Locale.ROOT).contains("exception"), r.err());
        assertTrue(Files.isDirectory(home.resolve(".cache/duoviewer/demo-network")), "the demo cache is the user's");
        assertFalse(Files.exists(home.resolve(".openjfx")), "no native libraries unpacked into the home directory");

        // the demo audited the patient, the Mitz questions, the queries and the retrievals; the launcher checks it
        Path log = home.resolve(".local/share/duoviewer/audit/audit.log");
        assertTrue(Files.readString(log).contains("csd-code=\"RAD-107\""), "the WADO-RS retrieval is in the audit log");
        Result intact = run(home, 60, List.of(LAUNCHER.toString(), "audit-verify", log.toString()));
        assertEquals(0, intact.exit(), intact.out() + intact.err());
        assertTrue(intact.out().contains("intact"), intact.out());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        lines.set(1, lines.get(1).replace("999999011", "999999023"));
        Path tampered = home.resolve("tampered.log");
        Files.write(tampered, lines);
        Result found = run(home, 60, List.of(LAUNCHER.toString(), "audit-verify", tampered.toString()));
        assertEquals(1, found.exit(), found.out() + found.err());
        assertTrue(found.out().contains("record 2 (line 2) was modified"), found.out());
    }

    private static void requireVirtualDisplay() {
        boolean xvfb;
        try {
            xvfb = onPath("xvfb-run");
        } catch (IOException e) {
            xvfb = false;
        }
        boolean gtk = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"));
        if (!xvfb || !gtk) {
            String missing = (xvfb ? "" : "xvfb-run ") + (gtk ? "" : "libgtk-3-0");
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must have the test tools (scripts/install-test-tools.sh); missing: " + missing);
            }
            assumeTrue(false, "skipped: needs " + missing + " (scripts/install-test-tools.sh installs it)");
        }
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
