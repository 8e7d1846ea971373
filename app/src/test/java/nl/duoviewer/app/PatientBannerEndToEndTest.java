package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.Network;

/**
 * The patient banner when the launch gives only a BSN: name, birth date and sex come from the three communities'
 * query results (sourcePatientInfo, as real gateways send it) once they agree, and a community that registered
 * another birth date makes the banner show none. The whole application on the embedded network, headless.
 */
class PatientBannerEndToEndTest {

    private static final PseudoClass FROM_SOURCES = PseudoClass.getPseudoClass("from-sources");

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private EmbeddedDuoNetwork net;
    private DemoPatient patient;
    private Application app;

    /** Starts the viewer with {@code --bsn} only and waits for every community's answer. */
    private void startWithOnlyTheBsn() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--bsn", CatalogueGenerator.SHOWCASE_PATIENT.value())));
        Fx.await("the timeline from every community", 90, () -> screen.studiesListed() == patient.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
    }

    private boolean fromSources(String id) {
        return Fx.call(() -> robot.lookup(id).queryAs(Label.class).getPseudoClassStates().contains(FROM_SOURCES));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        TestNetwork.fresh();
    }

    @Test
    void theSourcesThatAgreeFillInNameBirthDateAndSexMarkedAsTheirs() throws Exception {
        net = TestNetwork.fresh();
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        startWithOnlyTheBsn();

        Fx.await("the name from the sources", () -> patient.displayName().equals(screen.text("#banner-name")));
        assertEquals("born " + DateTimeFormatter.ofPattern("dd-MM-yyyy").format(patient.birthDate()),
                screen.text("#banner-birth-date"));
        assertEquals("M".equals(patient.sex()) ? "male" : "female", screen.text("#banner-sex"));
        assertTrue(fromSources("#banner-name") && fromSources("#banner-birth-date") && fromSources("#banner-sex"),
                "marked as the sources' values");
        assertEquals("Patient context: command line", screen.text("#banner-context"));
        assertEquals("BSN 9999.99.011", screen.text("#banner-bsn"));
    }

    @Test
    void aCommunityThatRegisteredAnotherBirthDateLeavesTheBirthDateBlank() throws Exception {
        net = TestNetwork.fresh();
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        net.community(Network.ENOVATION).faults().otherBirthDate(true);
        startWithOnlyTheBsn();

        Fx.await("the agreed name", () -> patient.displayName().equals(screen.text("#banner-name")));
        assertEquals("", screen.text("#banner-birth-date"), "no guess between two birth dates");
        assertFalse(fromSources("#banner-birth-date"));
        assertEquals("The sources that name this BSN register different values; none is shown",
                Fx.call(() -> robot.lookup("#banner-birth-date").queryAs(Label.class).getTooltip().getText()));
    }
}
