package nl.duoviewer.xca.archfixture;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deliberately breaks the rule that the network client writes nothing to disk (a retrieved instance cached in a file,
 * three ways), so the architecture test can prove the rule fails.
 */
public final class ClientClassThatWritesFiles {

    private ClientClassThatWritesFiles() {
    }

    public static void cache(byte[] instance, Path dir) throws IOException {
        Files.write(dir.resolve("instance.dcm"), instance);
        try (FileOutputStream out = new FileOutputStream(dir.resolve("copy.dcm").toFile())) {
            out.write(instance);
        }
        File.createTempFile("instance", ".dcm").deleteOnExit();
    }
}
