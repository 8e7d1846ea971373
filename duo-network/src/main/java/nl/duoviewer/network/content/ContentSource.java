package nl.duoviewer.network.content;

import java.io.IOException;
import java.io.InputStream;

/** Bytes of one document, produced on demand and streamed; never held whole by the servers. */
public interface ContentSource {

    /** Exact length in bytes. */
    long length();

    /** A fresh stream of the bytes; each call starts at the beginning. */
    InputStream open() throws IOException;

    /** The whole content; for tests and small documents only. */
    default byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
