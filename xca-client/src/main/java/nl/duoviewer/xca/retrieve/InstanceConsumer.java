package nl.duoviewer.xca.retrieve;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives one retrieved object at a time, as it arrives. The stream is valid only during the call and is capped in
 * size; read it to the end (or not: the rest is skipped). Throwing aborts the whole retrieval.
 */
@FunctionalInterface
public interface InstanceConsumer {

    void accept(RetrievedInstance instance, InputStream data) throws IOException;
}
