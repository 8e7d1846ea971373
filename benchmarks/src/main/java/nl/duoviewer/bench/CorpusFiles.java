package nl.duoviewer.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates benchmark inputs in the repository's DICOM corpus ({@code testdata/corpus}). */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The corpus root, from -Dcorpus.dir or by walking up from the working directory to {@code testdata/corpus}. */
    public static Path root() {
        String configured = System.getProperty("corpus.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata").resolve("corpus");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/corpus not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Dcorpus.dir=/path/to/corpus");
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input missing: " + p);
        }
        return p;
    }
}
