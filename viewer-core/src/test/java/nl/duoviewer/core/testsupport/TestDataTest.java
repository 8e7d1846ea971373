package nl.duoviewer.core.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The test data is part of the clone: found from any module, and its absence fails a test instead of skipping it. */
class TestDataTest {

    @Test
    void theCorpusIsFoundFromTheModuleFolder() {
        Path root = TestData.root();
        assertTrue(Files.isRegularFile(root.resolve("corpus/MANIFEST.tsv")), root.toString());
        assertTrue(Files.isRegularFile(root.resolve("orthanc/orthanc.json")), root.toString());
        assertEquals(root.resolve("corpus"), Corpus.require());
        assertTrue(Corpus.manifest().size() > 200, "MANIFEST rows");
    }

    @Test
    void aMissingCorpusFailsTheTest(@TempDir Path elsewhere) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> TestData.rootAbove(elsewhere));
        assertTrue(e.getMessage().contains("testdata/corpus/MANIFEST.tsv not found"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> Corpus.file("no/such/file.dcm"));
    }
}
