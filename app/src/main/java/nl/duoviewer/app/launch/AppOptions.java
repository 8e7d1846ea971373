package nl.duoviewer.app.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the viewer was started with, after validation.
 *
 * @param launch        the patient to show at start; empty when started without one
 * @param gatewayConfig a DUO gateway configuration file; empty to use the embedded network
 */
public record AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig) {

    public AppOptions {
        launch = launch == null ? Optional.empty() : launch;
        gatewayConfig = gatewayConfig == null ? Optional.empty() : gatewayConfig;
    }

    /** True when no gateway configuration was given, so the viewer runs on its embedded network. */
    public boolean embeddedNetwork() {
        return gatewayConfig.isEmpty();
    }
}
