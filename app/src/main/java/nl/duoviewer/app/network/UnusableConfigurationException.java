package nl.duoviewer.app.network;

/**
 * The configuration file given with {@code --config} cannot be used; the message names the file and the key or
 * keystore at fault. The app's own type for it, so that only {@code app.network} knows the client's configuration
 * classes (an architecture rule).
 */
public final class UnusableConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
