package nl.duoviewer.xca.consent;

/** Mitz could not be asked or gave an answer we cannot trust. Always means: no access. */
public final class MitzException extends Exception {
    private static final long serialVersionUID = 1L;

    public MitzException(String message) {
        super(message);
    }

    public MitzException(String message, Throwable cause) {
        super(message, cause);
    }
}
