package nl.duoviewer.audit.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import nl.duoviewer.core.testsupport.ExternalTool;

/**
 * A real TLS syslog receiver for a test: Debian's rsyslogd with its GnuTLS stream driver, in the foreground, with its
 * own configuration, on a free 127.0.0.1 port. It asks every client for a certificate from the test CA
 * ({@code x509/certvalid}) and writes each message it receives, as received, one per line to {@link #received()}.
 * Missing rsyslog skips the test, or fails it in CI (scripts/install-test-tools.sh installs it).
 */
public final class Rsyslog implements AutoCloseable {

    private final Path rsyslogd;
    private final Path dir;
    private final Path config;
    private final Path received;
    private final int port;
    private Process process;

    private Rsyslog(Path rsyslogd, Path dir, Path config, Path received, int port) {
        this.rsyslogd = rsyslogd;
        this.dir = dir;
        this.config = config;
        this.received = received;
        this.port = port;
    }

    /** Configures and starts rsyslog in {@code dir} with the PKI's CA and a server certificate for 127.0.0.1. */
    public static Rsyslog start(Path dir, TestPki pki) throws Exception {
        Path rsyslogd = ExternalTool.require("rsyslogd", "rsyslog", List.of(Path.of("/usr/sbin")));
        ExternalTool.requireFile(gtlsDriver(), "rsyslog-gnutls");
        Files.createDirectories(dir);
        Path[] server = pki.serverPem();
        Path received = dir.resolve("received.log");
        int port = freePort();
        Path config = dir.resolve("rsyslog.conf");
        Files.writeString(config, String.join("\n",
                "global(workDirectory=\"" + dir + "\" maxMessageSize=\"64k\"",
                "       DefaultNetstreamDriver=\"gtls\"",
                "       DefaultNetstreamDriverCAFile=\"" + pki.caPem() + "\"",
                "       DefaultNetstreamDriverCertFile=\"" + server[0] + "\"",
                "       DefaultNetstreamDriverKeyFile=\"" + server[1] + "\")",
                "module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\"",
                "       StreamDriver.AuthMode=\"x509/certvalid\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\")",
                "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
                "action(type=\"omfile\" file=\"" + received + "\" template=\"raw\" flushOnTXEnd=\"on\")",
                ""), StandardCharsets.UTF_8);
        Rsyslog r = new Rsyslog(rsyslogd, dir, config, received, port);
        r.startProcess();
        return r;
    }

    private static Path gtlsDriver() {
        for (String d : List.of("/usr/lib/x86_64-linux-gnu/rsyslog", "/usr/lib/aarch64-linux-gnu/rsyslog",
                "/usr/lib/rsyslog", "/usr/lib64/rsyslog")) {
            Path p = Path.of(d, "lmnsd_gtls.so");
            if (Files.exists(p)) {
                return p;
            }
        }
        return Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so");
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", config.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("rsyslogd exited " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("rsyslogd.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IOException("rsyslogd did not listen on " + port + " within 15 s: "
                + Files.readString(dir.resolve("rsyslogd.out")));
    }

    public int port() {
        return port;
    }

    /** The file rsyslog writes every received message to, one per line, as received. */
    public Path received() {
        return received;
    }

    /** The received messages so far. */
    public List<String> lines() throws IOException {
        return Files.exists(received) ? Files.readAllLines(received, StandardCharsets.UTF_8) : List.of();
    }

    /** Waits (at most {@code timeout}) until the received messages satisfy the condition; returns them. */
    public List<String> awaitLines(Predicate<List<String>> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = lines();
        while (!done.test(lines) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = lines();
        }
        return lines;
    }

    /** Stops the receiver (SIGTERM, as an administrator or a crash of the repository would). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts it again on the same port, appending to the same file. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
