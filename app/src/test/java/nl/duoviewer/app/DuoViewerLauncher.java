package nl.duoviewer.app;

import java.util.List;

import javafx.application.Application;

import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.network.EmbeddedDuoNetwork;

/** Starts the real application class for tests in other packages, on an embedded network the test controls. */
public final class DuoViewerLauncher {

    private DuoViewerLauncher() {
    }

    /** The application with this command line on this network; the network keeps running when it closes. */
    public static Application onNetwork(EmbeddedDuoNetwork network, String... args) throws Exception {
        return FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(network),
                List.of(args)));
    }
}
