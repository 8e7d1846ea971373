package nl.duoviewer.xca.retrieve;

import java.io.IOException;

/** A retrieve that could not be carried out (network, protocol, size limit); the message names the source. */
public final class RetrieveException extends IOException {
    private static final long serialVersionUID = 1L;

    public RetrieveException(String message) {
        super(message);
    }

    public RetrieveException(String message, Throwable cause) {
        super(message, cause);
    }
}
