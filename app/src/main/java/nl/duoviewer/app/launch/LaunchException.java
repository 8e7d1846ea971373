package nl.duoviewer.app.launch;

/** A launch request that cannot be honoured; the message is meant for the user and names what was wrong. */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }
}
