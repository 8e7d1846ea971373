package nl.duoviewer.app.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the viewer was started with, after validation.
 *
 * @param launch        the patient to show at start; empty when started without one
 * @param gatewayConfig a DUO gateway configuration file; empty to use the embedded network
 * @param smartLaunch   a SMART on FHIR launch to run at start ({@code duoviewer://smart-launch?...})
 * @param demoEhr       {@code --demo-ehr}: start the EHR sandbox beside the network and take launches from it
 */
public record AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig,
                         Optional<SmartLaunch> smartLaunch, boolean demoEhr) {

    public AppOptions {
        launch = launch == null ? Optional.empty() : launch;
        gatewayConfig = gatewayConfig == null ? Optional.empty() : gatewayConfig;
        smartLaunch = smartLaunch == null ? Optional.empty() : smartLaunch;
    }

    /** A start with a patient context and/or a configuration only. */
    public AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig) {
        this(launch, gatewayConfig, Optional.empty(), false);
    }

    /** True when no gateway configuration was given, so the viewer runs on its embedded network. */
    public boolean embeddedNetwork() {
        return gatewayConfig.isEmpty();
    }

    /** The launch to run at start, whichever kind it is. */
    public Optional<LaunchRequest> request() {
        return launch.<LaunchRequest>map(c -> c).or(() -> smartLaunch.map(s -> s));
    }
}
