package nl.duoviewer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and rendering reports writes nothing: in a fresh JVM whose home and temp folder are empty folders of this
 * test, the viewer's reader renders a PDF with a non-embedded font and reads CDA, SR and text, and both folders stay
 * empty. The control proves the hazard is real on this machine: plain PDFBox, same PDF, writes {@code .pdfbox.cache}
 * into the home folder (it scans the system fonts, which the CI image installs: fonts-dejavu-core).
 */
class NothingOnDiskTest {

    @Test
    void plainPdfBoxWritesItsFontCacheIntoTheHomeFolder(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        probe("pdfbox", home, tmp);
        assertTrue(Files.exists(home.resolve(".pdfbox.cache")), "the control must write the cache; found "
                + files(home) + " (are system fonts installed? scripts/install-test-tools.sh adds them)");
    }

    @Test
    void theViewersReaderWritesNothingAnywhere(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        probe("viewer", home, tmp);
        assertEquals(List.of(), files(home), "home folder");
        assertEquals(List.of(), files(tmp), "temp folder");
    }

    private static void probe(String mode, Path home, Path tmp) throws Exception {
        Path log = Files.createTempFile("font-cache-probe", ".log"); // in the test JVM's temp, not the child's
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), FontCacheProbe.class.getName(), mode)
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("probe " + mode + " did not finish in 120 s");
            }
            String out = Files.readString(log);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("probe done"), out);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
