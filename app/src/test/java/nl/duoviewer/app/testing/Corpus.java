package nl.duoviewer.app.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared DICOM corpus as {@code ../shared/corpus} relative to the repository root (found by walking up
 * from the working directory). Missing corpus: the test is skipped with the reason, or fails when CI=true.
 */
public final class Corpus {
    private Corpus() {
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The corpus directory, or skip/fail the calling test when it is absent. */
    public static Path require() {
        Path dir = locate();
        if (dir == null) {
            unavailable("DICOM corpus ../shared/corpus not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A file inside the corpus. */
    public static Path file(String relative) {
        Path p = require().resolve(relative);
        if (!Files.isRegularFile(p)) {
            unavailable("corpus file " + relative + " is missing");
        }
        return p;
    }

    static Path locate() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            if (Files.exists(d.resolve("mvnw")) && Files.exists(d.resolve("pom.xml"))) {
                Path c = d.resolve("../shared/corpus").normalize();
                if (Files.isDirectory(c)) {
                    return c;
                }
            }
            d = d.getParent();
        }
        return null;
    }

    /** Skips the test with the reason, or fails it when CI=true (CI must have everything). */
    public static void unavailable(String reason) {
        if (isCi()) {
            fail(reason + " (CI=true: required)");
        }
        Assumptions.abort(reason);
    }
}
