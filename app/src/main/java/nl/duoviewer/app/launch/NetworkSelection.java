package nl.duoviewer.app.launch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which network the viewer runs on (decision record 14): a gateway configuration (named on the command line, else
 * the user's or the system's file), or the embedded demo network, only when asked ({@code --demo}, or
 * {@code --demo-ehr} without {@code --config}) or when there is no configuration at all; then the screen says DEMO in
 * large letters.
 */
public sealed interface NetworkSelection {

    /** A real (or standalone demo) network described by a configuration file. */
    record Configured(Path file, Origin origin) implements NetworkSelection {
        public Configured {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The embedded demo network; {@code asked} is false when it runs because no configuration was found. */
    record Demo(boolean asked, ConfigLocations lookedIn) implements NetworkSelection {
    }

    /** Where a configuration file came from. */
    enum Origin { COMMAND_LINE, USER_FILE, SYSTEM_FILE }

    /** The selection for these options. */
    static NetworkSelection of(AppOptions options, ConfigLocations locations) {
        if (options.gatewayConfig().isPresent()) {
            return new Configured(options.gatewayConfig().get(), Origin.COMMAND_LINE);
        }
        if (options.demoAsked()) {
            return new Demo(true, locations);
        }
        return locations.find()
                .<NetworkSelection>map(f -> new Configured(f, f.equals(locations.user()) ? Origin.USER_FILE
                        : Origin.SYSTEM_FILE))
                .orElseGet(() -> new Demo(false, locations));
    }
}
