package nl.duoviewer.app.launch;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * The viewer's console logging: its own notices at INFO, libraries only when something is wrong. CXF, Jetty and HAPI
 * announce every endpoint and start-up step at INFO, which would bury what matters. A logging configuration given
 * with {@code -Djava.util.logging.config.file} (or {@code .class}) takes precedence.
 */
public final class ConsoleLogging {

    private ConsoleLogging() {
    }

    /** Applies the bundled configuration unless the user gave one. */
    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = ConsoleLogging.class.getResourceAsStream("logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException | SecurityException e) {
            // the JDK default (INFO to the console) is noisier, not wrong
        }
    }
}
