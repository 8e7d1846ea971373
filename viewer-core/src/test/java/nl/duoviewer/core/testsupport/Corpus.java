package nl.duoviewer.core.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The DICOM conformance corpus in {@code testdata/corpus} (real files of other projects, files re-encoded from them by
 * dcmtk and gdcm, deliberately damaged ones, and the ones built here) and its {@code MANIFEST.tsv}. Every test of
 * every module finds it through this class; it is in the repository, so a missing file fails the test.
 */
public final class Corpus {

    /** One MANIFEST.tsv row. */
    public record Entry(String path, long bytes, String transferSyntaxUid, String tsName, String modality, int rows,
                        int columns, int bitsAllocated, int bitsStored, int pixelRepresentation, String photometric,
                        int frames, int samples, String parseStatus) {

        /** True when dcmdump could not read it: a malformed file the product must reject or read partially. */
        public boolean malformed() {
            return parseStatus.startsWith("dcmdump-FAIL");
        }

        public boolean hasPixels() {
            return rows > 0 && columns > 0 && bitsAllocated > 0;
        }
    }

    private Corpus() {
    }

    /** The corpus folder ({@code testdata/corpus}). */
    public static Path require() {
        return TestData.root().resolve("corpus");
    }

    /** A file inside the corpus; fails the calling test when it is missing. */
    public static Path file(String relative) {
        Path p = require().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("corpus file testdata/corpus/" + relative + " is missing");
        }
        return p;
    }

    /** All rows of MANIFEST.tsv. */
    public static List<Entry> manifest() {
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(require().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 14) {
                    continue;
                }
                out.add(new Entry(f[0], parseLong(f[1]), f[2], f[3], f[4], parseInt(f[5]), parseInt(f[6]),
                        parseInt(f[7]), parseInt(f[8]), parseInt(f[9]), f[10], parseInt(f[11]), parseInt(f[12]),
                        f[13]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
