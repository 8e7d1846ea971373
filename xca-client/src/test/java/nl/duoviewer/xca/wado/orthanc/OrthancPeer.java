package nl.duoviewer.xca.wado.orthanc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.duoviewer.core.testsupport.ExternalTool;
import nl.duoviewer.core.testsupport.TestData;

/**
 * A real Orthanc (Debian packages orthanc + orthanc-dicomweb) on loopback, started from a copy of the reference
 * configuration in testdata/orthanc with only the HTTP port (and the DICOMweb Host that names it) changed. The
 * reference keeps remote access and the DICOM server off; this class refuses a configuration that does not.
 *
 * <p>Orthanc runs under a shell watchdog that ends it when the test JVM's end of its stdin closes (on {@link #close()},
 * at JVM exit, and when the JVM is killed outright), inside coreutils {@code timeout} as an outer bound of
 * {@link #MAX_LIFETIME}. {@link #close()} waits for the whole process tree, escalating to SIGTERM and SIGKILL.
 */
public final class OrthancPeer implements AutoCloseable {

    static final Path ORTHANC_DIRS = Path.of("/usr/sbin");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Runs Orthanc and ends it when its standard input closes: the test JVM holds the other end of that pipe, so
     * Orthanc goes when the JVM goes, even killed with SIGKILL. {@link #close()} closes the pipe on purpose.
     */
    private static final String WATCHDOG = "exec 3<&0; "       // background jobs get /dev/null as stdin: keep a copy
            + "\"$0\" \"$@\" 3<&- & orthanc=$!; "
            + "{ cat <&3 > /dev/null; kill -TERM $orthanc 2> /dev/null; } & "
            + "exec 3<&-; wait $orthanc";
    private static final Pattern STORED = Pattern.compile("\"Status\"\\s*:\\s*\"(Success|AlreadyStored)\"");

    private final Path dir;
    private final Process process;
    private final List<ProcessHandle> tree;
    private final Thread shutdownHook;
    private final int port;
    private final HttpClient http;

    private OrthancPeer(Path dir, Process process, int port, HttpClient http) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.http = http;
        this.tree = new ArrayList<>();
        this.shutdownHook = new Thread(this::stop, "orthanc-peer-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The reference configuration folder, {@code testdata/orthanc} (fails the test when it is missing). */
    static Path referenceConfig() {
        return TestData.file("orthanc/orthanc.json").getParent();
    }

    /**
     * Starts Orthanc in {@code workDir} (which receives the configuration, the database and the logs) and waits until
     * its REST API answers. Skips the test, or fails it when CI=true, when Orthanc or its DICOMweb plugin is missing.
     */
    public static OrthancPeer start(Path workDir) throws IOException, InterruptedException {
        Path orthanc = ExternalTool.require("Orthanc", "orthanc", List.of(ORTHANC_DIRS));
        ExternalTool.requireFile(DICOMWEB_PLUGIN, "orthanc-dicomweb");
        String reference = Files.readString(referenceConfig().resolve("orthanc.json"));
        requireSetting(reference, "RemoteAccessAllowed", "false");
        requireSetting(reference, "DicomServerEnabled", "false");
        ExitedEarly last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            // a port found free may be taken before Orthanc binds it: then Orthanc exits and we try another
            int port = freePort();
            Path config = workDir.resolve("orthanc.json");
            Files.writeString(config, withPort(reference, port));
            try {
                return launch(orthanc, workDir, config, port);
            } catch (ExitedEarly e) {
                last = e;
            }
        }
        throw last;
    }

    /** Orthanc ended before it answered (a port taken in the meantime, or a configuration it refused). */
    private static final class ExitedEarly extends IOException {
        private static final long serialVersionUID = 1L;

        ExitedEarly(String message) {
            super(message);
        }
    }

    private static OrthancPeer launch(Path orthanc, Path dir, Path config, int port)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        Path timeout = Path.of("/usr/bin/timeout");
        if (Files.isExecutable(timeout)) {
            cmd.addAll(List.of(timeout.toString(), "--kill-after=5", MAX_LIFETIME.toSeconds() + "s"));
        }
        cmd.addAll(List.of("/bin/sh", "-c", WATCHDOG, orthanc.toString(), "--logdir=" + dir, config.toString()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        OrthancPeer peer = new OrthancPeer(dir, p, port,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        try {
            peer.awaitReady();
            return peer;
        } catch (IOException | RuntimeException | InterruptedException e) {
            peer.close();
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(uri("/system")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            tree.addAll(process.descendants().filter(h -> !tree.contains(h)).toList());
            if (!process.isAlive()) {
                throw new ExitedEarly("Orthanc exited with " + process.exitValue() + " before answering:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> r = http.send(ping, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"HttpPort\" : " + port)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IOException("Orthanc did not answer /system within " + START_TIMEOUT.toSeconds() + " s:\n"
                + logTail());
    }

    private static void requireSetting(String json, String name, String value) {
        if (!Pattern.compile("\"" + name + "\"\\s*:\\s*" + value + "\\b").matcher(json).find()) {
            throw new IllegalStateException("reference Orthanc configuration must keep " + name + " " + value);
        }
    }

    /** The reference JSON with HttpPort and the DICOMweb Host moved to {@code port}; nothing else changes. */
    static String withPort(String json, int port) {
        String s = replaceOnce(json, "(\"HttpPort\"\\s*:\\s*)\\d+", "$1" + port);
        return replaceOnce(s, "(\"Host\"\\s*:\\s*\"127\\.0\\.0\\.1:)\\d+\"", "$1" + port + "\"");
    }

    private static String replaceOnce(String s, String regex, String replacement) {
        Pattern p = Pattern.compile(regex);
        long n = p.matcher(s).results().count();
        if (n != 1) {
            throw new IllegalStateException("reference Orthanc configuration must have exactly one " + regex
                    + ", has " + n);
        }
        return p.matcher(s).replaceFirst(replacement);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** The HTTP client used for the REST API (closed with this). */
    HttpClient http() {
        return http;
    }

    /** The DICOMweb root, e.g. {@code http://127.0.0.1:PORT/dicom-web}. */
    public URI dicomWebBase() {
        return uri("/dicom-web");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Stores one file through the REST API (POST /instances). Orthanc now and then closes a kept-alive connection just
     * as the next request goes out (about 1 POST in 100 here), and the JDK client retries only idempotent requests:
     * a failed send is repeated, which is harmless because storing the same instance again just overwrites it.
     */
    public void upload(Path file) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(uri("/instances")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response;
        for (int attempt = 1; ; attempt++) {
            try {
                response = http.send(r, HttpResponse.BodyHandlers.ofString());
                break;
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        if (response.statusCode() != 200 || !STORED.matcher(response.body()).find()) {
            throw new IOException("Orthanc did not store " + file.getFileName() + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** Stores one object given as bytes (through a file in {@code dir}, the peer's work folder). */
    public void upload(byte[] dicom) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "upload", ".dcm");
        try {
            Files.write(file, dicom);
            upload(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** GET on the REST API, as text; fails unless 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** Whether Orthanc loaded a plugin of this name (the reference lists orthanc-gdcm, which may not be installed). */
    boolean hasPlugin(String name) throws IOException, InterruptedException {
        return get("/plugins").contains("\"" + name + "\"");
    }

    /** The last lines of Orthanc's own log, for failure messages. */
    public String logTail() {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("Orthanc.log")
                    || f.getFileName().toString().equals("stdout.log")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    boolean isRunning() {
        return process.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive);
    }

    @Override
    public void close() {
        stop();
        http.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    /** Closes the watchdog's pipe, waits (bounded), then SIGTERM and at last SIGKILL to whatever is left. */
    private void stop() {
        tree.addAll(process.descendants().filter(h -> !tree.contains(h)).toList());
        List<ProcessHandle> all = new ArrayList<>(tree);
        all.add(process.toHandle());
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the pipe is gone already; the signals below still apply
        }
        awaitAll(all, STOP_TIMEOUT);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        awaitAll(all, Duration.ofSeconds(5));
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitAll(all, Duration.ofSeconds(5));
    }

    private static void awaitAll(List<ProcessHandle> all, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ProcessHandle h : all) {
            awaitExit(h, deadline);
        }
    }

    private static void awaitExit(ProcessHandle h, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !h.isAlive()) {
            return;
        }
        try {
            h.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // the caller escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
