package nl.duoviewer.core.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared DICOM conformance corpus at {@code ../shared/corpus} beside the repository. Tests call
 * {@link #require()}: without the corpus they are skipped with the reason, except in CI ({@code CI=true}) where a
 * missing corpus is a failure.
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

    /** The corpus root; skips (or, in CI, fails) the calling test when it is absent. */
    public static Path require() {
        Path root = locate();
        if (root == null) {
            String why = "../shared/corpus not found beside the repository";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (CI=true requires it)");
            }
            Assumptions.abort(why + "; conformance tests skipped");
        }
        return root;
    }

    static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
                return candidate;
            }
        }
        return null;
    }

    /** All rows of MANIFEST.tsv. */
    public static List<Entry> manifest() {
        Path root = require();
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
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
