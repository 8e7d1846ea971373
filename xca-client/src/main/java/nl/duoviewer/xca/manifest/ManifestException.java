package nl.duoviewer.xca.manifest;

import java.io.IOException;

/** A KOS manifest that cannot be used; the message says what is wrong with it. */
public final class ManifestException extends IOException {

    public ManifestException(String message) {
        super(message);
    }
}
