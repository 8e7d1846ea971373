package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.testing.Fx;

/**
 * The real application class started the way {@link Main} starts it, with the imaging service this build wires in.
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
    void startsOnThePatientFromTheCommandLineAndShowsTheNetworkState() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DuoViewerApp.class, "--bsn", "999999011");
        FxRobot robot = new FxRobot();
        Fx.await("timeline settled", () -> !robot.lookup(".source-row").queryAll().isEmpty());

        assertEquals("BSN 9999.99.011", Fx.call(() -> robot.lookup("#banner-bsn").queryLabeled().getText()));
        assertEquals("Patient context: command line",
                Fx.call(() -> robot.lookup("#banner-context").queryLabeled().getText()));
        assertTrue(Fx.call(() -> stage.getTitle()).endsWith("*****9011"), "the title shows only a masked BSN");
        List<String> messages = Fx.call(() -> robot.lookup(".source-message").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertEquals(List.of("The DUO network is not available in this build."), messages);
        assertTrue(Fx.call(() -> robot.lookup(".study-row").queryAll().isEmpty()), "no studies are invented");
        assertTrue(Fx.call(() -> robot.lookup(".timeline-placeholder").queryLabeled().getText())
                .startsWith("No source could be queried"));
        assertEquals("The DUO network is not available in this build.",
                Fx.call(() -> robot.lookup(".network-line").queryLabeled().getText()));
    }
}
