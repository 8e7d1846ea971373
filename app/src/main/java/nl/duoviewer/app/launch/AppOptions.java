package nl.duoviewer.app.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the viewer was started with, after validation.
 *
 * @param launch        the patient to show at start; empty when started without one
 * @param gatewayConfig a DUO gateway configuration file named on the command line; empty to look for the system
 *                      and user configuration files ({@link ConfigLocations})
 * @param smartLaunch   a SMART on FHIR launch to run at start ({@code duoviewer://smart-launch?...})
 * @param demoEhr       {@code --demo-ehr}: start the EHR sandbox beside the network and take launches from it
 * @param demo          {@code --demo}: run on the embedded demo network, whatever configuration exists
 * @param launchToken   the token the launching link carried, if any (never printed)
 */
public record AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig,
                         Optional<SmartLaunch> smartLaunch, boolean demoEhr, boolean demo,
                         Optional<LaunchToken> launchToken) {

    public AppOptions {
        launch = launch == null ? Optional.empty() : launch;
        gatewayConfig = gatewayConfig == null ? Optional.empty() : gatewayConfig;
        smartLaunch = smartLaunch == null ? Optional.empty() : smartLaunch;
        launchToken = launchToken == null ? Optional.empty() : launchToken;
        if (demo && gatewayConfig.isPresent()) {
            throw new IllegalArgumentException("--demo and --config exclude each other");
        }
    }

    /** A start with a patient context and/or a configuration only. */
    public AppOptions(Optional<LaunchContext> launch, Optional<Path> gatewayConfig) {
        this(launch, gatewayConfig, Optional.empty(), false, false, Optional.empty());
    }

    /**
     * True when the command line names no gateway configuration: the viewer then uses the system or user
     * configuration file, and the embedded demo network only with {@code --demo} or when there is none.
     */
    public boolean embeddedNetwork() {
        return gatewayConfig.isEmpty();
    }

    /**
     * True when the command line asks for the embedded demo network: {@code --demo}, or {@code --demo-ehr} without
     * {@code --config} (the demo EHR vouches for its users, so it never runs beside a configuration found on the
     * machine).
     */
    public boolean demoAsked() {
        return demo || (demoEhr && gatewayConfig.isEmpty());
    }

    /** The launch to run at start, whichever kind it is. */
    public Optional<LaunchRequest> request() {
        return launch.<LaunchRequest>map(c -> c).or(() -> smartLaunch.map(s -> s));
    }
}
