package nl.duoviewer.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Fragments;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.testsupport.ExternalTool;

/**
 * Every command the READMEs document, run as a new user runs it: in a fresh clone of the repository's HEAD, with no
 * build output anywhere (issue 13, decision record 20). A script that builds only part of the reactor can work in a
 * developer's checkout, where earlier builds left test-jars and classes behind, and fail on a fresh clone.
 *
 * <p>What is tested is HEAD, not the working tree: uncommitted changes are not in the clone (commit, then run). The
 * clone's builds share the outer build's local Maven repository (offline, so nothing is downloaded), minus the
 * project's own {@code nl/duoviewer} artifacts, which a stray {@code mvn install} would have put there and which
 * would hide exactly this kind of failure. Each group of commands starts from a pristine checkout
 * ({@code git clean -fdx}), so every script builds from nothing; the groups share one clone. Every command runs in its
 * own process group with a time limit and is stopped with its whole group (Maven, Xvfb, the JVM); a failure shows
 * the command's output, and every command's output stays in {@code release-check/target/fresh-clone} after the run.
 * Commands must not leave untracked files in the checkout.
 *
 * <p>Documented commands (README.md, duo-network/README.md) and the CI test that runs each:
 * <ul>
 * <li>{@code ./run-tests}: CI itself ({@code .ci/run} runs exactly it).</li>
 * <li>{@code ./run-network FILE --cache DIR} until FILE is written, {@code ./run --config FILE --bsn 999999011}
 * against it until the timeline has settled, {@code ./run --config BROKEN --bsn 999999011} refused with exit 2
 * naming file and key, and {@code duo-network/run.sh FILE --deterministic}:
 * {@link #theStandaloneNetworkServesTheViewerAndABrokenConfigurationIsRefused()}.</li>
 * <li>{@code ./run} (the embedded demo network, until the timeline has settled), {@code ./run --help},
 * {@code ./run --version}, {@code ./run --bsn} with an invalid BSN (exit 2), {@code ./run --bsn 999999011} and
 * {@code ./run 'duoviewer://open?bsn=999999011'} (handed to the open window), {@code installer/build.sh app-image}
 * (its launcher's {@code --version}) and {@code installer/build.sh deb}:
 * {@link #theViewerStartsOnTheEmbeddedNetworkAndTheInstallersBuild()}. The installer module's own build runs
 * {@code build.sh app-image --skip-build} and {@code AppImageIT} starts that image on a virtual display.</li>
 * <li>{@code ./dicomcheck DIR OUT}: {@link #dicomcheckDecodesAFolder()}.</li>
 * <li>{@code benchmarks/run.sh -l} (builds and lists the JMH benchmarks), {@code benchmarks/compare-decoders.sh --help},
 * {@code benchmarks/e2e.sh --help}: {@link #theBenchmarksBuildAndStart()}. The measurements themselves take minutes
 * to hours and need the shared corpus and Orthanc, so CI does not run them; all three build with the same
 * {@code build_module benchmarks} call (scripts/build.sh) that {@code run.sh -l} proves.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// "try": a Command's close() waits for its process group to end, which can be interrupted; an interrupt ends the test
@SuppressWarnings("try")
class FreshCloneIT {

    // Bounds against a hanging command, not performance limits: a command that builds part of the reactor from
    // nothing and then runs takes about 30 s on an idle 2-core machine, one whose build is up to date about 10 s,
    // and all of them ten times longer on a machine shared with five other builds.
    private static final Duration BUILD_AND_RUN = Duration.ofMinutes(20);
    private static final Duration RUN = Duration.ofMinutes(10);
    /** From SIGTERM to the end of the process group. */
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final String SHOWCASE_BSN = "999999011";
    private static final Pattern TIMELINE_SETTLED = Pattern.compile("Timeline settled .*?: (\\d+) studies; (.*)");

    /**
     * The clone, its inputs and each command's output: under the module's {@code target/} (emptied at the start),
     * not in the shared /tmp, where other runs' clean-ups may reach; kept after a failure for a look.
     */
    private Path work;
    private Path clone;
    private String head;
    private Map<String, String> environment;
    private int commands;

    @BeforeAll
    void cloneHead() throws Exception {
        work = Path.of(System.getProperty("workDir", "target/fresh-clone")).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        ExternalTool.require("git", "git");
        ExternalTool.require("setsid", "util-linux");
        Path repository = Path.of(System.getProperty("repository", "..")).toAbsolutePath().normalize();
        ExternalTool.Result top = ExternalTool.tryRun(60, "git", "-C", repository.toString(), "rev-parse", "HEAD");
        if (top.exitCode() != 0) {
            ExternalTool.unavailable(repository + " is not a git checkout: " + top.output().strip());
        }
        head = top.output().strip();
        clone = work.resolve("clone");
        ExternalTool.run(300, "git", "-c", "advice.detachedHead=false", "clone", "--quiet", repository.toString(),
                clone.toString());
        String cloned = ExternalTool.run(60, "git", "-C", clone.toString(), "rev-parse", "HEAD").strip();
        assertEquals(head, cloned, "the clone is of HEAD");

        Path runtime = Files.createDirectories(work.resolve("xdg-runtime"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        environment = Map.of(
                // offline, on the outer build's local repository without the project's own artifacts
                "MAVEN_ARGS", "-o -Dmaven.repo.local=" + localRepositoryWithoutTheProject(),
                // the demo cache and the viewer's single-instance socket: this run's own, not the user's
                "XDG_CACHE_HOME", Files.createDirectories(work.resolve("xdg-cache")).toString(),
                "XDG_RUNTIME_DIR", runtime.toString(),
                // the .deb's payload compressed quickly (gzip -1, not xz -6): the same files, minutes sooner on a
                // busy machine; dpkg-deb reads these, jpackage passes no compression option of its own
                "DPKG_DEB_COMPRESSOR_TYPE", "gzip",
                "DPKG_DEB_COMPRESSOR_LEVEL", "1",
                "LANG", "C.UTF-8");
    }

    /** Removes the links into the shared local repository, so that nothing can reach it through the folder. */
    @AfterAll
    void removeRepositoryLinks() throws IOException {
        deleteTree(work.resolve("m2-repository"));
    }

    /** Deletes a folder and everything in it; links are deleted, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    @Order(1)
    void theStandaloneNetworkServesTheViewerAndABrokenConfigurationIsRefused() throws Exception {
        ExternalTool.require("xvfb-run", "xvfb");
        pristine();
        Path config = Files.createDirectories(work.resolve("network")).resolve("duo.properties");
        Path cache = work.resolve("network-cache");
        try (Command network = startUntil(BUILD_AND_RUN, out -> out.contains("Client configuration written to "
                + config) && Files.isRegularFile(config), "./run-network", config.toString(), "--cache",
                cache.toString())) {
            assertTrue(network.output().contains("real DICOM images, cached in " + cache), network.describe());

            try (Command viewer = startUntil(BUILD_AND_RUN, out -> TIMELINE_SETTLED.matcher(out).find(),
                    "./run", "--config", config.toString(), "--bsn", SHOWCASE_BSN)) {
                assertShowcaseTimeline(viewer);
            }

            String key = "duo.community.founda.timeout";
            Path broken = Files.createDirectories(work.resolve("broken")).resolve("duo.properties");
            String text = Files.readString(config);
            assertTrue(text.contains(key + "="), key + " in " + config + ":\n" + text);
            Files.writeString(broken, text.replaceAll("(?m)^" + Pattern.quote(key) + "=.*$", key + "=soon"));
            Result refused = run(RUN, "./run", "--config", broken.toString(), "--bsn", SHOWCASE_BSN);
            assertEquals(2, refused.exit(), refused.describe());
            assertTrue(refused.output().contains(broken.toString()) && refused.output().contains(key),
                    "names the file and the key: " + refused.describe());

            network.stop();
            assertTrue(network.output().contains("Demo patients:"), network.describe());
        }

        Path fast = Files.createDirectories(work.resolve("deterministic")).resolve("duo.properties");
        try (Command network = startUntil(RUN, out -> out.contains("Client configuration written to " + fast),
                "duo-network/run.sh", fast.toString(), "--deterministic")) {
            assertTrue(network.output().contains("deterministic test bytes"), network.describe());
            network.stop();
        }
        assertCheckoutUnchanged();
    }

    @Test
    @Order(2)
    void theViewerStartsOnTheEmbeddedNetworkAndTheInstallersBuild() throws Exception {
        ExternalTool.require("xvfb-run", "xvfb");
        ExternalTool.require("fakeroot", "fakeroot");
        pristine();
        Result help = run(BUILD_AND_RUN, "./run", "--help");
        assertEquals(0, help.exit(), help.describe());
        assertTrue(help.output().contains("--config") && help.output().contains("Exit codes"), help.describe());

        Result version = run(RUN, "./run", "--version");
        assertEquals(0, version.exit(), version.describe());
        assertTrue(Pattern.compile("(?m)^DUO Viewer \\d+\\.\\d+\\.\\d+").matcher(version.output()).find(),
                version.describe());

        Result invalid = run(RUN, "./run", "--bsn", "123456789");
        assertEquals(2, invalid.exit(), invalid.describe());
        assertTrue(invalid.output().contains("11-check"), invalid.describe());

        try (Command viewer = startUntil(RUN, out -> TIMELINE_SETTLED.matcher(out).find(), "./run")) {
            assertTrue(viewer.output().contains("Embedded demo network"), viewer.describe());
            assertShowcaseTimeline(viewer);
            // a later start (the desktop handing over a clicked link) gives its patient to the open window
            for (List<String> later : List.of(List.of("./run", "--bsn", SHOWCASE_BSN),
                    List.of("./run", "duoviewer://open?bsn=" + SHOWCASE_BSN))) {
                Result handed = run(RUN, later.toArray(String[]::new));
                assertEquals(0, handed.exit(), handed.describe());
                assertTrue(!handed.output().contains("Network ready"), "no second viewer: " + handed.describe());
                assertTrue(viewer.process.isAlive(), viewer.describe());
            }
        }

        Result image = run(BUILD_AND_RUN, "installer/build.sh", "app-image");
        assertEquals(0, image.exit(), image.describe());
        Path launcher = clone.resolve("installer/target/jpackage/duoviewer/bin/duoviewer");
        assertTrue(Files.isExecutable(launcher), launcher + ": " + image.describe());
        Result packaged = run(RUN, launcher.toString(), "--version");
        assertEquals(version.output().lines().filter(l -> l.startsWith("DUO Viewer")).toList(),
                packaged.output().lines().filter(l -> l.startsWith("DUO Viewer")).toList(), packaged.describe());

        Result deb = run(BUILD_AND_RUN, "installer/build.sh", "deb");
        assertEquals(0, deb.exit(), deb.describe());
        List<Path> debs;
        try (Stream<Path> s = Files.list(clone.resolve("installer/target/jpackage"))) {
            debs = s.filter(p -> p.getFileName().toString().matches("duoviewer_.*\\.deb")).toList();
        }
        assertEquals(1, debs.size(), deb.describe());
        String contents = ExternalTool.run(60, "dpkg-deb", "--contents", debs.getFirst().toString());
        assertTrue(contents.contains("./opt/duoviewer/bin/duoviewer"), contents);
        assertCheckoutUnchanged();
    }

    @Test
    @Order(3)
    void dicomcheckDecodesAFolder() throws Exception {
        pristine();
        Path in = work.resolve("dicom");
        Files.createDirectories(in.resolve("sub"));
        byte[] pixels = gradient(32, 24);
        writeNative(in.resolve("native.dcm"), 32, 24, pixels);
        writeJpegLs(in.resolve("sub/jpeg-ls.dcm"), 32, 24, pixels);
        Path out = work.resolve("dicom-out");

        Result check = run(BUILD_AND_RUN, "./dicomcheck", in.toString(), out.toString());
        assertEquals(0, check.exit(), check.describe());
        assertEquals("2 passed, 0 failed", check.output().strip().lines().toList().getLast(), check.describe());
        assertArrayEquals(pixels, Files.readAllBytes(out.resolve("native.dcm.1.raw")));
        assertArrayEquals(pixels, Files.readAllBytes(out.resolve("sub/jpeg-ls.dcm.1.raw")));
        assertCheckoutUnchanged();
    }

    @Test
    @Order(4)
    void theBenchmarksBuildAndStart() throws Exception {
        pristine();
        Result list = run(BUILD_AND_RUN, "benchmarks/run.sh", "-l");
        assertEquals(0, list.exit(), list.describe());
        assertTrue(list.output().contains("nl.duoviewer.bench.ParserBenchmark"), list.describe());
        for (String script : List.of("benchmarks/compare-decoders.sh", "benchmarks/e2e.sh")) {
            Result help = run(RUN, script, "--help");
            assertEquals(0, help.exit(), help.describe());
            assertTrue(help.output().contains(script), help.describe());
        }
        assertCheckoutUnchanged();
    }

    // --- the clone --------------------------------------------------------------------------------------------------

    /** Removes all build output (and anything else not in HEAD), as if the repository had just been cloned. */
    private void pristine() throws Exception {
        ExternalTool.run(120, "git", "-C", clone.toString(), "reset", "--quiet", "--hard", head);
        ExternalTool.run(120, "git", "-C", clone.toString(), "clean", "-fdxq");
    }

    /** A documented command writes its output to ignored folders ({@code target/}), never beside the sources. */
    private void assertCheckoutUnchanged() throws Exception {
        String status = ExternalTool.run(60, "git", "-C", clone.toString(), "status", "--porcelain");
        assertEquals("", status.strip(), "the commands changed the checkout");
    }

    /**
     * The outer build's local repository as a folder of links to each of its entries, leaving out
     * {@code nl/duoviewer}: the clone's builds find every third-party artifact, and none of this project's.
     */
    private Path localRepositoryWithoutTheProject() throws IOException {
        Path shared = Path.of(System.getProperty("localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        Path view = Files.createDirectories(work.resolve("m2-repository"));
        try (Stream<Path> entries = Files.list(shared)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("nl") && Files.isDirectory(entry)) {
                    Path nl = Files.createDirectories(view.resolve("nl"));
                    try (Stream<Path> groups = Files.list(entry)) {
                        for (Path group : groups.toList()) {
                            if (!group.getFileName().toString().equals("duoviewer")) {
                                Files.createSymbolicLink(nl.resolve(group.getFileName()), group);
                            }
                        }
                    }
                } else {
                    Files.createSymbolicLink(view.resolve(name), entry);
                }
            }
        }
        return view;
    }

    // --- running commands -------------------------------------------------------------------------------------------

    /** How a finished command ended. */
    private record Result(List<String> command, int exit, String output) {
        String describe() {
            return describeRun(command, "exit " + exit, output);
        }
    }

    private String describeHead() {
        return "fresh clone of HEAD " + head.substring(0, 12) + " (uncommitted changes are not in it)";
    }

    private static String describeRun(List<String> command, String how, String output) {
        String tail = output.length() > 30_000 ? "...\n" + output.substring(output.length() - 30_000) : output;
        return "`" + String.join(" ", command) + "` (" + how + "):\n" + tail;
    }

    /** Runs a command to its end within {@code limit}; over time, it is stopped and the test fails. */
    private Result run(Duration limit, String... command) throws Exception {
        try (Command c = new Command(List.of(command))) {
            if (!c.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                c.stop();
                fail("did not finish within " + limit.toSeconds() + " s in a " + describeHead() + ": "
                        + c.describe());
            }
            c.logDuration("finished");
            return new Result(c.command, c.process.exitValue(), c.output());
        }
    }

    /**
     * Starts a command that keeps running (a server, the viewer) and waits until its output shows {@code ready}.
     * Fails with the output when it ends or the time is up first. The caller stops it (try-with-resources).
     */
    private Command startUntil(Duration limit, Predicate<String> ready, String... command) throws Exception {
        Command c = new Command(List.of(command));
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.test(c.output())) {
            if (!c.process.isAlive()) {
                c.close();
                fail("ended (exit " + c.process.exitValue() + ") before it was ready, in a " + describeHead() + ": "
                        + c.describe());
            }
            if (System.nanoTime() > deadline) {
                c.close();
                fail("not ready within " + limit.toSeconds() + " s in a " + describeHead() + ": " + c.describe());
            }
            Thread.sleep(250);
        }
        c.logDuration("ready");
        return c;
    }

    /**
     * A command started in the clone under {@code setsid}, so that it leads its own process group (Maven, Xvfb and
     * the JVM it starts are stopped with it), with stdout and stderr in one file and no input.
     */
    private final class Command implements AutoCloseable {
        final List<String> command;
        final Process process;
        final Path log;
        final long started = System.nanoTime();

        Command(List<String> command) throws IOException {
            this.command = command;
            this.log = work.resolve(String.format("%02d-%s.log", ++commands,
                    Path.of(command.getFirst()).getFileName()));
            List<String> line = new ArrayList<>(List.of("setsid", "--wait"));
            line.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(line).directory(clone.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = pb.environment();
            // the viewer runs on a virtual display (./run starts one), never on the developer's screen
            env.remove("DISPLAY");
            env.remove("WAYLAND_DISPLAY");
            // the outer Maven's own settings must not reach the clone's builds
            env.remove("MAVEN_BASEDIR");
            env.remove("MAVEN_PROJECTBASEDIR");
            env.remove("MAVEN_OPTS");
            env.putAll(environment);
            this.process = pb.start();
        }

        /** The time each command takes goes to the test's output file (release-check/target/failsafe-reports). */
        void logDuration(String what) {
            System.out.printf("%6.1f s  %s: %s%n", (System.nanoTime() - started) / 1e9, what,
                    String.join(" ", command));
        }

        String output() {
            try {
                return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }

        String describe() {
            return describeRun(command, process.isAlive() ? "running" : "exit " + process.exitValue(), output());
        }

        /** SIGTERM to the whole process group; SIGKILL (and a failure) when it has not ended within {@link #STOP}. */
        void stop() throws Exception {
            signalGroup("TERM");
            boolean clean = awaitGroupEnd();
            if (!clean) {
                signalGroup("KILL");
                awaitGroupEnd();
            }
            assertTrue(clean, "did not stop within " + STOP.toSeconds() + " s of SIGTERM: " + describe());
        }

        private boolean awaitGroupEnd() throws InterruptedException {
            long deadline = System.nanoTime() + STOP.toNanos();
            while ((process.isAlive() || groupAlive()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return !process.isAlive() && !groupAlive();
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive() || groupAlive()) {
                stop();
            }
        }

        private void signalGroup(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }

        /** True while any process of the group (setsid makes its id the command's pid) is alive. */
        private boolean groupAlive() {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                return procs.map(p -> p.resolve("stat")).anyMatch(this::inGroup);
            } catch (IOException e) {
                return process.isAlive();
            }
        }

        private boolean inGroup(Path stat) {
            try {
                String s = Files.readString(stat);
                String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ");
                // fields: state ppid pgrp ...; a zombie has ended
                return !fields[0].equals("Z") && Long.parseLong(fields[2]) == process.pid();
            } catch (IOException | RuntimeException e) {
                return false; // not a process folder, or the process ended meanwhile
            }
        }
    }

    /**
     * The viewer reached the network: its timeline settled with studies from at least one complete source. (Not all
     * of them: on a loaded machine a community can exceed its 10 s timeout, which the viewer shows as it should.)
     */
    private void assertShowcaseTimeline(Command viewer) {
        Matcher m = TIMELINE_SETTLED.matcher(viewer.output());
        assertTrue(m.find(), viewer.describe());
        assertTrue(Integer.parseInt(m.group(1)) > 0 && m.group(2).contains("COMPLETE"), viewer.describe());
    }

    // --- DICOM input ------------------------------------------------------------------------------------------------

    /** 12-bit values in 16-bit little-endian containers: a diagonal ramp. */
    private static byte[] gradient(int columns, int rows) {
        ByteBuffer b = ByteBuffer.allocate(columns * rows * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                b.putShort((short) ((x * 97 + y * 131) % 4096));
            }
        }
        return b.array();
    }

    private static DicomObject secondaryCapture(int columns, int rows, String instance) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4711.1." + instance);
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.PatientName, VR.PN, "Fresh^Clone");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.4711.2");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.4711.3");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        return ds;
    }

    private static void writeNative(Path file, int columns, int rows, byte[] pixels) throws IOException {
        DicomObject ds = secondaryCapture(columns, rows, "1");
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, file);
    }

    private static void writeJpegLs(Path file, int columns, int rows, byte[] pixels) throws Exception {
        ImageDescriptor d = ImageDescriptor.monochrome(rows, columns, 16, 12, false, 1,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        EncodedFrame frame = FrameEncoders.encodeNative(d, ByteBuffer.wrap(pixels).order(ByteOrder.LITTLE_ENDIAN),
                TransferSyntax.JPEG_LS_LOSSLESS);
        DicomObject ds = secondaryCapture(columns, rows, "2");
        ds.setFragments(Tag.PixelData, VR.OB, Fragments.ofFrames(List.of(frame.data())));
        DicomWriter.write(ds, TransferSyntax.JPEG_LS_LOSSLESS, file);
    }
}
