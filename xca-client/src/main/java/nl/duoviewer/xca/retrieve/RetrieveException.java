package nl.duoviewer.xca.retrieve;

import java.io.IOException;

/** A retrieve that could not be carried out (network, protocol, size limit); the message names the source. */
public final class RetrieveException extends IOException {

    public RetrieveException(String message) {
        super(message);
    }

    public RetrieveException(String message, Throwable cause) {
        super(message, cause);
    }
}
