package nl.duoviewer.app;

import java.io.IOException;
import java.util.Optional;

import nl.duoviewer.app.decoding.DecodePool;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.NetworkUnavailableService;
import nl.duoviewer.app.launch.AppOptions;
import nl.duoviewer.app.launch.ConfigLocations;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.NetworkSelection;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.network.DuoImagingService;
import nl.duoviewer.app.network.DuoNetwork;
import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.LaunchSettings;

/**
 * Chooses the network for the options (decision record 14): the gateway configuration named by {@code --config},
 * else the user's or the system's configuration file, else (or with {@code --demo}) the embedded demo network,
 * started in this process and marked DEMO on screen. The service starts reaching the network at once, in the
 * background.
 */
final class ServiceWiring {

    private static final System.Logger LOG = System.getLogger(ServiceWiring.class.getName());

    /**
     * What the application runs on.
     *
     * @param demoMarking the DEMO text the window must show when this is the embedded demo network
     * @param launch      how launches from outside may switch the open patient
     */
    record Wired(ImagingService service, String initialStatus, Optional<LaunchContext> defaultPatient,
                 Optional<String> demoMarking, LaunchSettings launch) {
    }

    /** How the application finds its network; tests hand in an embedded network they control. */
    @FunctionalInterface
    interface NetworkChoice {
        DuoNetwork choose(AppOptions options) throws IOException;
    }

    /** The production choice, from the command line and the configuration files ({@link ConfigLocations}). */
    static final NetworkChoice DEFAULT = options -> switch (NetworkSelection.of(options,
            ConfigLocations.fromSystem())) {
        case NetworkSelection.Configured c -> new ConfiguredGateway(c.file());
        case NetworkSelection.Demo d -> EmbeddedDemoNetwork.inDefaultCache();
    };

    private ServiceWiring() {
    }

    static Wired create(AppOptions options, Texts texts, NetworkChoice choice, DecodePool decoding) {
        DuoNetwork network;
        try {
            network = choice.choose(options);
        } catch (IOException | RuntimeException e) {
            String message = texts.get("network.startFailed", String.valueOf(e.getMessage()));
            return new Wired(new NetworkUnavailableService(texts.get("sources.network"), message), message,
                    Optional.empty(), Optional.empty(), LaunchSettings.NONE);
        }
        DuoImagingService service = new DuoImagingService(network, texts, decoding);
        Optional<LaunchContext> demo;
        try {
            demo = network.defaultPatient();
        } catch (RuntimeException e) {
            demo = Optional.empty(); // the demo can do without a patient opened for it
        }
        return new Wired(service, service.connectingDescription(), demo, demoMarking(network, options, texts),
                launchSettings(network));
    }

    /** The embedded network is always marked; without --demo the marking also says that no configuration was found. */
    private static Optional<String> demoMarking(DuoNetwork network, AppOptions options, Texts texts) {
        if (!(network instanceof EmbeddedDemoNetwork)) {
            return Optional.empty();
        }
        if (options.demo()) {
            return Optional.of(texts.get("demo.asked"));
        }
        ConfigLocations looked = ConfigLocations.fromSystem();
        LOG.log(System.Logger.Level.WARNING, "No configuration at {0} or {1}: running on the embedded DEMO network, "
                + "marked on screen (--demo chooses it explicitly)", looked.system(), looked.user());
        return Optional.of(texts.get("demo.noConfiguration", looked.system() + ", " + looked.user()));
    }

    private static LaunchSettings launchSettings(DuoNetwork network) {
        if (network instanceof ConfiguredGateway g) {
            try {
                return DuoConfigFile.launchSettings(g.file());
            } catch (ConfigException e) {
                return LaunchSettings.NONE; // Main checked the file; should it have changed since, everything asks
            }
        }
        return LaunchSettings.NONE;
    }
}
