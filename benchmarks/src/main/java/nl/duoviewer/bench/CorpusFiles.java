package nl.duoviewer.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates benchmark inputs in the shared corpus ({@code ../shared/corpus} beside the repository). */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The corpus root, from -Dcorpus.dir or by walking up from the working directory. */
    public static Path root() {
        String configured = System.getProperty("corpus.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/corpus not found; pass -Dcorpus.dir=/path/to/corpus");
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input missing: " + p);
        }
        return p;
    }
}
