package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.network.testing.Tls11Probe;

/**
 * TLS 1.1 offered by a server is refused, with a message naming the endpoint, and nothing is served. The JDK disables
 * TLS 1.1 by default, so the check runs in a JVM of its own ({@link Tls11Probe}) whose {@code
 * jdk.tls.disabledAlgorithms} allow it again, where a plain JDK client proves the server really answers TLS 1.1.
 */
class Tls11RefusalTest {

    @Test
    void aServerThatOnlySpeaksTls11IsRefused(@TempDir Path dir) throws Exception {
        // the JDK 25 default list without TLSv1, TLSv1.1 and the SHA-1 handshake signatures TLS 1.1 needs
        Path security = Files.writeString(dir.resolve("tls11.security"), "jdk.tls.disabledAlgorithms=SSLv3, "
                + "DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, "
                + "ECDH, TLS_RSA_*\n");
        Path out = dir.resolve("probe.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                Tls11Probe.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish: " + Files.readString(out));
        }
        List<String> lines = Files.readAllLines(out);
        String all = String.join("\n", lines);
        assertEquals(0, p.exitValue(), all);
        assertTrue(lines.contains("CONTROL 200 TLSv1.1"), "TLS 1.1 works in the probe's JVM: " + all);
        String ours = lines.stream().filter(l -> l.startsWith("OURS ")).findFirst().orElseThrow();
        assertTrue(ours.startsWith("OURS PROTOCOL_REFUSED secure connection to https://127.0.0.1:")
                && ours.contains("/wado-rs/studies/1.2.3 refused: the server does not speak TLS 1.2 or 1.3"), all);
        String strict = lines.stream().filter(l -> l.startsWith("STRICT ")).findFirst().orElseThrow();
        // refused by the viewer's own trust manager, not by the JVM's settings
        assertTrue(strict.startsWith("STRICT PROTOCOL_REFUSED")
                && strict.contains("TLS protocol refused (only TLS 1.2 and 1.3 are accepted): TLSv1.1"), all);
        assertTrue(lines.contains("SERVED 0"), "nothing served to the viewer's client: " + all);
    }
}
