package nl.duoviewer.core.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code testdata/} folder: the DICOM corpus and the reference configurations of real peers
 * (Orthanc). It is part of every clone, so a missing file is a failure of the calling test, never a skip.
 */
public final class TestData {

    private TestData() {
    }

    /** {@code testdata/}, found by walking up from the working directory (a module's folder under Maven). */
    public static Path root() {
        return rootAbove(Path.of("").toAbsolutePath());
    }

    /** {@code testdata/} in {@code start} or the nearest folder above it; fails the calling test when there is none. */
    static Path rootAbove(Path start) {
        for (Path d = start; d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata");
            if (Files.isRegularFile(candidate.resolve("corpus/MANIFEST.tsv"))) {
                return candidate;
            }
        }
        return fail("testdata/corpus/MANIFEST.tsv not found in " + start + " or any folder above it: the test data "
                + "is part of the repository (see testdata/README.md)");
    }

    /** A file under {@code testdata/}; fails the calling test when it is missing. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("test data file testdata/" + relative + " is missing");
        }
        return p;
    }
}
