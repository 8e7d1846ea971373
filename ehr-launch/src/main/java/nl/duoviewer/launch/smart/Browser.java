package nl.duoviewer.launch.smart;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL in the user's web browser, where they sign in to the EHR (RFC 8252: a native app uses the system
 * browser, never an embedded web view, so the app never sees the user's password and the EHR's single sign-on works).
 */
@FunctionalInterface
public interface Browser {

    /**
     * Opens the URL and returns without waiting for the user.
     *
     * @throws IOException when no browser can be started
     */
    void open(URI uri) throws IOException;

    /**
     * The system browser: {@code xdg-open} on Linux (AWT's desktop support and JavaFX's GTK do not mix well), the
     * platform's opener on macOS and Windows with AWT's {@link Desktop} as their fallback.
     */
    static Browser system() {
        return uri -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler",
                    uri.toString()) : os.contains("mac") ? List.of("open", uri.toString())
                    : List.of("xdg-open", uri.toString());
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // xdg-open returns at once after handing over; a quick non-zero exit means it found no browser
                if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() == 0) {
                    return;
                }
            } catch (IOException e) {
                // no such command: try AWT
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while opening the browser", e);
            }
            boolean linux = !os.contains("win") && !os.contains("mac");
            // on Linux AWT's desktop support loads GTK beside JavaFX's (warnings, and no browser xdg-open lacks)
            if (!linux && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
                return;
            }
            throw new IOException("no web browser could be opened");
        };
    }
}
