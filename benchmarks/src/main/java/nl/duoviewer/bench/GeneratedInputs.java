package nl.duoviewer.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the large inputs that {@code benchmarks/compare-decoders.sh} builds (peer-encoded multi-frame volumes in
 * {@code benchmarks/target/inputs}; not committed).
 */
public final class GeneratedInputs {

    private GeneratedInputs() {
    }

    /** The inputs directory, from -Dbench.inputs or {@code benchmarks/target/inputs} found from the working dir. */
    public static Path root() {
        String configured = System.getProperty("bench.inputs");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("benchmarks/target/inputs"), dir.resolve("target/inputs")}) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("benchmarks/target/inputs not found: run benchmarks/compare-decoders.sh "
                + "once (it builds the inputs) or pass -Dbench.inputs=DIR");
    }

    public static Path file(String name) {
        Path p = root().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark input missing: " + p
                    + " (benchmarks/compare-decoders.sh builds it; its peer encoder may be missing)");
        }
        return p;
    }
}
