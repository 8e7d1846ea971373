package nl.duoviewer.xca.manifest;

import java.io.IOException;

/** A KOS manifest that cannot be used; the message says what is wrong with it. */
public final class ManifestException extends IOException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
