package nl.duoviewer.app.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the viewer was started with, after validation.
 *
 * @param launch        the patient to show at start; empty when started without one
 * @param gatewayConfig a DUO gateway configuration file named on the command line; empty to look for the system
 *                      and user configuration files ({@link ConfigLocations})
 * @param demo          {@code --demo}: run on the embedded demo network, whatever configuration exists
 * @param launchToken   the token the launching link carried, if any (never printed)
 */
public record AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig, boolean demo,
                         Optional<LaunchToken> launchToken) {

    public AppOptions {
        launch = launch == null ? Optional.empty() : launch;
        gatewayConfig = gatewayConfig == null ? Optional.empty() : gatewayConfig;
        launchToken = launchToken == null ? Optional.empty() : launchToken;
        if (demo && gatewayConfig.isPresent()) {
            throw new IllegalArgumentException("--demo and --config exclude each other");
        }
    }

    /** Options without {@code --demo} or a link token. */
    public AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig) {
        this(launch, gatewayConfig, false, Optional.empty());
    }

    /**
     * True when the command line names no gateway configuration: the viewer then uses the system or user
     * configuration file, and the embedded demo network only with {@code --demo} or when there is none.
     */
    public boolean embeddedNetwork() {
        return gatewayConfig.isEmpty();
    }
}
