package nl.duoviewer.app.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the installed viewer finds its configuration when the command line names none (decision record 14): the
 * system file IT deploys, {@code /etc/duoviewer/duoviewer.properties}, and a user file that, when present, is used
 * instead of it, {@code $XDG_CONFIG_HOME/duoviewer/duoviewer.properties} (else {@code ~/.config/...}). The system
 * properties {@value #SYSTEM_PROPERTY} and {@value #USER_PROPERTY} move them (tests, unusual installations).
 *
 * @param system the system-wide file
 * @param user   the user's own file
 */
public record ConfigLocations(Path system, Path user) {

    public static final String SYSTEM_PROPERTY = "duoviewer.systemConfig";
    public static final String USER_PROPERTY = "duoviewer.userConfig";
    static final Path DEFAULT_SYSTEM = Path.of("/etc/duoviewer/duoviewer.properties");

    public ConfigLocations {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }

    /** The locations for this process: the defaults, or where the system properties say. */
    public static ConfigLocations fromSystem() {
        String system = System.getProperty(SYSTEM_PROPERTY);
        String user = System.getProperty(USER_PROPERTY);
        return new ConfigLocations(system == null || system.isBlank() ? DEFAULT_SYSTEM : Path.of(system),
                user == null || user.isBlank() ? defaultUserFile() : Path.of(user));
    }

    private static Path defaultUserFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("duoviewer").resolve("duoviewer.properties");
    }

    /** The file to use: the user's when it exists, else the system's when it exists. */
    public Optional<Path> find() {
        if (Files.isRegularFile(user)) {
            return Optional.of(user);
        }
        return Files.isRegularFile(system) ? Optional.of(system) : Optional.empty();
    }
}
