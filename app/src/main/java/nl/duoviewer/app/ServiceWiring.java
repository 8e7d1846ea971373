package nl.duoviewer.app;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.NetworkUnavailableService;
import nl.duoviewer.app.launch.AppOptions;

/**
 * Chooses the {@link ImagingService} for the options: the DUO client on the embedded network by default, or on the
 * gateway named by {@code --config}.
 */
final class ServiceWiring {

    private ServiceWiring() {
    }

    static ImagingService create(AppOptions options, Texts texts) {
        // This build carries no network client yet: say so instead of showing anything that looks like data.
        String message = options.gatewayConfig()
                .map(p -> texts.get("network.unavailableWithConfig", p.toString()))
                .orElse(texts.get("network.unavailable"));
        return new NetworkUnavailableService(texts.get("sources.network"), message);
    }
}
