package nl.duoviewer.app;

import java.io.IOException;
import java.util.Optional;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.NetworkUnavailableService;
import nl.duoviewer.app.launch.AppOptions;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.network.DuoImagingService;
import nl.duoviewer.app.network.DuoNetwork;
import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.core.pixel.FramePipeline;

/**
 * Chooses the network for the options: the embedded demo network by default (started in this process), or the
 * gateway named by {@code --config}. The service starts reaching the network at once, in the background.
 */
final class ServiceWiring {

    /** What the application runs on. */
    record Wired(ImagingService service, String initialStatus, Optional<LaunchContext> defaultPatient) {
    }

    /** How the application finds its network; tests hand in an embedded network they control. */
    @FunctionalInterface
    interface NetworkChoice {
        DuoNetwork choose(AppOptions options) throws IOException;
    }

    /** The production choice: {@code --config} names a gateway; without it the embedded demo network runs. */
    static final NetworkChoice DEFAULT = options -> options.gatewayConfig().isPresent()
            ? new ConfiguredGateway(options.gatewayConfig().get())
            : EmbeddedDemoNetwork.inDefaultCache();

    private ServiceWiring() {
    }

    static Wired create(AppOptions options, Texts texts, NetworkChoice choice, FramePipeline decoding) {
        DuoNetwork network;
        try {
            network = choice.choose(options);
        } catch (IOException | RuntimeException e) {
            String message = texts.get("network.startFailed", String.valueOf(e.getMessage()));
            return new Wired(new NetworkUnavailableService(texts.get("sources.network"), message), message,
                    Optional.empty());
        }
        DuoImagingService service = new DuoImagingService(network, texts, decoding);
        Optional<LaunchContext> demo;
        try {
            demo = network.defaultPatient();
        } catch (RuntimeException e) {
            demo = Optional.empty(); // the demo can do without a patient opened for it
        }
        return new Wired(service, service.connectingDescription(), demo);
    }
}
