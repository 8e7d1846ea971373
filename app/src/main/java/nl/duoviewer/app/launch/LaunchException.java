package nl.duoviewer.app.launch;

/** A launch request that cannot be honoured; the message is meant for the user and names what was wrong. */
public final class LaunchException extends Exception {

    public LaunchException(String message) {
        super(message);
    }
}
