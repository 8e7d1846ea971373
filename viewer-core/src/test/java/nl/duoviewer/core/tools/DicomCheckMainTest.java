package nl.duoviewer.core.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.testsupport.Corpus;

/** {@code java -cp ... nl.duoviewer.core.tools.DicomCheck DIR OUT} as a separate process. */
class DicomCheckMainTest {

    @Test
    void runsAsACommandAndReportsFailuresAndTotals(@TempDir Path work) throws Exception {
        Path in = work.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(Corpus.file("pydicom/SC_rgb_rle_2frame.dcm"), in.resolve("sub/rgb.dcm"));
        Files.copy(Corpus.file("generated/ct_jls_lossless_dcmtk.dcm"), in.resolve("ct.dcm"));
        Files.copy(Corpus.file("pydicom/MR_truncated.dcm"), in.resolve("mr_truncated.dcm"));
        Path out = work.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), DicomCheck.class.getName(), in.toString(), out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        List<String> lines = output.strip().lines().toList();
        assertEquals("2 passed, 1 failed", lines.getLast(), output);
        assertTrue(lines.getFirst().startsWith("FAIL mr_truncated.dcm: only 0 of 1 frames present"), output);
        assertEquals(100 * 100 * 3, Files.size(out.resolve("sub/rgb.dcm.1.raw")));
        assertEquals(100 * 100 * 3, Files.size(out.resolve("sub/rgb.dcm.2.raw")));
        assertEquals(512 * 512 * 2, Files.size(out.resolve("ct.dcm.1.raw")));
    }
}
