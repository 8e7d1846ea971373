package nl.duoviewer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import nl.duoviewer.app.audit.AuditWiring;
import nl.duoviewer.app.audit.WorkstationAudit;
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
import nl.duoviewer.xca.security.SecretPrompt;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.xca.local.LocalPacsClient;

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
     * @param network     the network; null when it could not be started
     * @param audit       the workstation's audit trail; null when it could not be opened
     * @param demoMarking the DEMO text the window must show when this is the embedded demo network
     * @param launch      how launches from outside may switch the open patient
     * @param configFile  the configuration file in use (named by {@code --config}, else the user's or the system's);
     *                    empty on the demo network. Its SMART, audit and launch keys apply.
     */
    record Wired(ImagingService service, String initialStatus, Optional<LaunchContext> defaultPatient,
                 DuoNetwork network, WorkstationAudit audit, Optional<String> demoMarking, LaunchSettings launch,
                 Optional<Path> configFile) {
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

    /**
     * Wires the service. Without an audit trail nothing of a patient is shown: when the local audit log cannot be
     * opened (no disk space, no permission, a broken {@code duo.audit} block) the viewer says so and stays empty.
     */
    static Wired create(AppOptions options, Texts texts, NetworkChoice choice, FramePipeline decoding) {
        return create(options, texts, choice, decoding, SecretPrompt.NONE);
    }

    /** As above; {@code prompt} asks the user for the UZI-pas PIN or a key's password. */
    static Wired create(AppOptions options, Texts texts, NetworkChoice choice, FramePipeline decoding,
                        SecretPrompt prompt) {
        Optional<Path> configFile = configFile(options);
        WorkstationAudit audit;
        try {
            audit = WorkstationAudit.open(AuditWiring.settings(configFile), Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            String message = texts.get("audit.unavailable", String.valueOf(e.getMessage()));
            return new Wired(new NetworkUnavailableService(texts.get("sources.network"), message), message,
                    Optional.empty(), null, null, Optional.empty(), LaunchSettings.NONE, configFile);
        }
        DuoNetwork network;
        try {
            network = choice.choose(options);
        } catch (IOException | RuntimeException e) {
            String message = texts.get("network.startFailed", String.valueOf(e.getMessage()));
            return new Wired(new NetworkUnavailableService(texts.get("sources.network"), message), message,
                    Optional.empty(), null, audit, Optional.empty(), LaunchSettings.NONE, configFile);
        }
        DuoImagingService service = new DuoImagingService(network, texts, decoding, audit, prompt,
                localPacs(configFile, audit));
        Optional<LaunchContext> demo;
        try {
            demo = network.defaultPatient();
        } catch (RuntimeException e) {
            demo = Optional.empty(); // the demo can do without a patient opened for it
        }
        return new Wired(service, service.connectingDescription(), demo, network, audit,
                demoMarking(network, options, texts), launchSettings(configFile), configFile);
    }

    /**
     * The configuration file whose keys apply: the one {@code --config} names, else the user's or the system's (the
     * same choice as {@link #DEFAULT}'s); empty for the embedded demo network.
     */
    static Optional<Path> configFile(AppOptions options) {
        return switch (NetworkSelection.of(options, ConfigLocations.fromSystem())) {
            case NetworkSelection.Configured c -> Optional.of(c.file());
            case NetworkSelection.Demo d -> Optional.empty();
        };
    }

    /** The embedded network is always marked; without --demo the marking also says that no configuration was found. */
    private static Optional<String> demoMarking(DuoNetwork network, AppOptions options, Texts texts) {
        if (!(network instanceof EmbeddedDemoNetwork)) {
            return Optional.empty();
        }
        if (options.demoAsked()) {
            return Optional.of(texts.get("demo.asked"));
        }
        ConfigLocations looked = ConfigLocations.fromSystem();
        LOG.log(System.Logger.Level.WARNING, "No configuration at {0} or {1}: running on the embedded DEMO network, "
                + "marked on screen (--demo chooses it explicitly)", looked.system(), looked.user());
        return Optional.of(texts.get("demo.noConfiguration", looked.system() + ", " + looked.user()));
    }

    /**
     * The hospital's own PACS of the configuration file ({@code duo.local.*}), or null when it names none. Main checked
     * the block before a window opened; should it have changed since, the viewer runs without it and says so in the
     * log.
     */
    private static LocalPacsClient localPacs(Optional<Path> configFile, WorkstationAudit audit) {
        if (configFile.isEmpty()) {
            return null;
        }
        try {
            return DuoConfigFile.loadLocal(configFile.get())
                    .map(settings -> LocalPacsClient.open(settings, audit, Clock.systemUTC())).orElse(null);
        } catch (ConfigException e) {
            LOG.log(System.Logger.Level.WARNING, "The hospital''s PACS is not used: {0}", e.getMessage());
            return null;
        }
    }

    private static LaunchSettings launchSettings(Optional<Path> configFile) {
        if (configFile.isEmpty()) {
            return LaunchSettings.NONE;
        }
        try {
            return DuoConfigFile.launchSettings(configFile.get());
        } catch (ConfigException e) {
            return LaunchSettings.NONE; // Main checked the file; should it have changed since, everything asks
        }
    }
}
