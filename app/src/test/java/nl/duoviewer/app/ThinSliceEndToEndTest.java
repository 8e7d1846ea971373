package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.ControlledContent;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;

/**
 * The thin slice, end to end: the application started with {@code --bsn 999999011} on the embedded DUO network (real
 * SOAP/HTTP on 127.0.0.1, real DICOM rendered into a temporary cache), the timeline filled by the three communities,
 * a study clicked and its images on screen; and a refused consent. Headless (Monocle), every wait bounded.
 */
class ThinSliceEndToEndTest {

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private EmbeddedDuoNetwork net;
    private DemoPatient patient;
    private Application app;

    @BeforeEach
    void startTheViewerWithABsn() throws Exception {
        net = TestNetwork.fresh();
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--bsn", "999999011")));
        Fx.await("the timeline from every community", 90, () -> screen.studiesListed() == patient.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
    }

    @AfterEach
    void stop() throws Exception {
        TestNetwork.content().reset();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theTimelineComesFromTheNetworkAndAStudyShowsItsFirstImageWhileTheRestIsOnTheServer() {
        assertEquals("BSN 9999.99.011", screen.text("#banner-bsn"));
        assertEquals("Patient context: command line", screen.text("#banner-context"));
        assertEquals(List.of("Founda Health", "Enovation", "Alphatron TLB"),
                screen.texts("source-row", "source-name"));
        assertTrue(screen.text("network-line").startsWith("Embedded demo network: 3 communities on this computer"),
                screen.text("network-line"));

        DemoStudy us = TestNetwork.smallStudy(Network.ALPHATRON, "US", 3); // four images in one series
        ControlledContent content = TestNetwork.content();
        content.holdAfterFirst(us.studyInstanceUid());
        // every chunk is flushed, so what the server wrote is on the wire and nothing waits in its buffers
        net.community(Network.ALPHATRON).faults().slowDrip(16 * 1024, Duration.ZERO);
        Node row = screen.studyRow(us.studyInstanceUid());
        assertEquals(List.of(us.institution().name()), screen.sourceChips(row), "the row names its source");
        robot.clickOn(row);

        StudyViewerView viewer = screen.viewer();
        Fx.await("the first image", 60, () -> viewer.imageViewport().imageProperty().get() != null);
        // the image is on screen while the server has not even begun to send the second one
        assertEquals(1, content.imagesOpened(us.studyInstanceUid()));
        assertEquals(StudyViewModel.LoadState.LOADING, Fx.call(() -> viewer.viewModel().study().loadState()));
        Fx.await("progress 1 of 4", () -> "Loading: 1 of 4 images".equals(screen.text("load-status")));
        WritableImage image = Fx.call(() -> viewer.imageViewport().imageProperty().get());
        assertTrue(OnScreen.distinctLevels(image) > 30, "a real ultrasound image, not a flat frame");
        String topLeft = screen.text("overlay-top-left");
        assertTrue(topLeft.contains(patient.displayName()) || topLeft.contains("BSN 9999.99.011"), topLeft);
        assertTrue(topLeft.contains("BSN 9999.99.011"), topLeft);
        assertTrue(screen.text("overlay-top-right").contains(us.institution().name()), screen.text(
                "overlay-top-right"));

        content.release(us.studyInstanceUid());
        Fx.await("the whole study", 60,
                () -> viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE);
        assertEquals("Loaded: 4 images", screen.text("load-status"));
        assertEquals(4, Fx.call(() -> viewer.viewModel().activeViewport().framesInSeries()));
        assertEquals(4, content.imagesOpened(us.studyInstanceUid()));
    }

    @Test
    void aRefusedConsentShowsTheNeutralMessageAndItsCommunityIsNeverAsked() {
        DemoStudy refused = TestNetwork.smallStudy(Network.ENOVATION, "US", 1);
        String ura = refused.institution().ura();
        net.mitz().consent().deny(CatalogueGenerator.SHOWCASE_PATIENT, ura);
        Counters enovation = net.community(Network.ENOVATION).counters();
        enovation.reset();

        robot.clickOn(screen.studyRow(refused.studyInstanceUid()));

        StudyViewerView viewer = screen.viewer();
        Fx.await("the refusal", 60,
                () -> viewer.viewModel().study().loadState() == StudyViewModel.LoadState.FAILED);
        assertEquals("Retrieval stopped: No consent or no data available", screen.text("viewer-placeholder"));
        assertNull(Fx.call(() -> viewer.imageViewport().imageProperty().get()), "nothing is shown");
        assertEquals(0, enovation.retrievals(), enovation::toString);
        assertEquals(0, enovation.retrievesFor(ura));
    }
}
