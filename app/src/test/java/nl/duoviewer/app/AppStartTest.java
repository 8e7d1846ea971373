package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;

/**
 * The real application class started the way {@link Main} starts it with no arguments: it starts the embedded demo
 * network itself (cache redirected into target/ by the build) and opens the showcase patient.
 */
class AppStartTest {

    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void withoutArgumentsTheEmbeddedNetworkStartsAndTheDemoPatientOpens() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DuoViewerApp.class);
        FxRobot robot = new FxRobot();
        OnScreen screen = new OnScreen(robot);
        DemoPatient demo = new CatalogueGenerator(CatalogueGenerator.DEFAULT_SEED).generate()
                .patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();

        assertEquals("BSN 9999.99.011", screen.text("#banner-bsn"));
        assertEquals(demo.displayName(), screen.text("#banner-name"));
        assertEquals("Patient context: demo patient of the embedded network", screen.text("#banner-context"));
        assertTrue(Fx.call(stage::getTitle).endsWith("*****9011"), "the title shows only a masked BSN");

        // the first start generates the network's keys: give it time, but not forever
        Fx.await("the network and the timeline", 120, () -> screen.studiesListed() == demo.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
        assertEquals("Embedded demo network: 3 communities on this computer (Founda Health, Enovation, Alphatron TLB)"
                + "  \u00b7  User: DEMO (no real identity)", screen.text("network-line"));
        assertEquals("Timeline (" + demo.studies().size() + " studies)", screen.text("pane-title"));
    }
}
