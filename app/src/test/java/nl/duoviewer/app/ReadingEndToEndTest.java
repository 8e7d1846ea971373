package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.SeriesStack;
import nl.duoviewer.app.viewer.ViewerLayout;
import nl.duoviewer.app.viewer.ViewerLayoutViewModel;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;

/**
 * Reading on the embedded DUO network (real SOAP/HTTP on 127.0.0.1, real DICOM): the demo patient's CT thorax
 * follow-up compared with its prior (chosen by the viewer), the two scrolling together by slice position in their
 * shared Frame of Reference; series thumbnails dragged onto viewports and stepped through with the bracket keys;
 * layouts by key; and a study without a prior, compared with one the user picks, scrolling by relative position with
 * an offset. Headless (Monocle), every wait bounded.
 */
class ReadingEndToEndTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private DemoPatient patient;
    private Application app;

    @BeforeEach
    void startTheViewer() throws Exception {
        EmbeddedDuoNetwork net = TestNetwork.fresh();
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--bsn", "999999011")));
        Fx.await("the timeline from every community", 90, () -> screen.studiesListed() == patient.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private DemoStudy study(String uid) {
        return patient.studies().stream().filter(s -> s.studyInstanceUid().equals(uid)).findFirst().orElseThrow();
    }

    private ViewerLayoutViewModel layout() {
        return screen.viewer().viewModel();
    }

    private ViewportViewModel viewport(int index) {
        return Fx.call(() -> layout().viewports().get(index));
    }

    private Node tile(int index) {
        return Fx.call(() -> robot.lookup(".viewport-tile").queryAll().stream().toList().get(index));
    }

    private String textIn(Node parent, String styleClass) {
        return Fx.call(() -> parent.lookupAll("." + styleClass).stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && !t.isEmpty()).findFirst().orElse(""));
    }

    /** The thumbnail of a series, once its first image is decoded. */
    private Node thumbnail(String strip, int seriesNumber, int minFrames) {
        Fx.await("the thumbnail of series " + seriesNumber + " with " + minFrames + " images", 180, () -> robot
                .lookup("." + strip + " .series-thumbnail").queryAll().stream()
                .anyMatch(n -> thumbnailLabel(n).startsWith("Se " + seriesNumber + " ")
                        && thumbnailLabel(n).endsWith("(" + minFrames + ")")));
        return Fx.call(() -> robot.lookup("." + strip + " .series-thumbnail").queryAll().stream()
                .filter(n -> thumbnailLabel(n).startsWith("Se " + seriesNumber + " ")).findFirst().orElseThrow());
    }

    private static String thumbnailLabel(Node thumbnail) {
        return ((Label) thumbnail.lookup(".series-thumbnail-label")).getText();
    }

    @Test
    void theFollowUpIsComparedWithItsPriorScrollingByPositionWithThumbnailsAndLayouts() {
        DemoStudy followUp = study(CatalogueGenerator.followUpStudyUid(CatalogueGenerator.DEFAULT_SEED));
        DemoStudy prior = study(CatalogueGenerator.followUpPriorUid(CatalogueGenerator.DEFAULT_SEED));
        robot.clickOn(screen.studyRow(followUp.studyInstanceUid()));
        Fx.await("the follow-up open", 30, () -> layout().study() != null);
        robot.clickOn(".compare-button");
        Fx.await("the prior beside it", 30, () -> layout().prior() != null);
        assertEquals(prior.studyInstanceUid(), Fx.call(() -> layout().prior().entry().studyInstanceUid()),
                "the newest CT thorax before the follow-up");
        assertEquals(ViewerLayout.ONE_BY_TWO, Fx.call(() -> layout().layoutProperty().get()));
        String institution = followUp.institution().name();
        assertEquals("Current  " + DATE.format(followUp.dateTime()) + "  " + institution,
                textIn(tile(0), "viewport-caption"));
        assertEquals("Prior  " + DATE.format(prior.dateTime()) + "  " + institution,
                textIn(tile(1), "viewport-caption"));

        // thumbnails: series 1 of each study, fully retrieved, dragged onto its viewport
        Node current1mm = thumbnail("thumbnails-current", 1, 60);
        thumbnail("thumbnails-current", 2, 24);
        Node prior3mm = thumbnail("thumbnails-prior", 1, 20);
        robot.drag(current1mm).dropTo(tile(0));
        robot.drag(prior3mm).dropTo(tile(1));
        Fx.await("series 1 in both viewports", 10, () -> viewport(0).seriesProperty().get() != null
                && viewport(0).currentFrame().seriesNumber() == 1 && viewport(1).currentFrame() != null
                && viewport(1).currentFrame().seriesNumber() == 1
                && viewport(1).study() == layout().prior());

        robot.clickOn(tile(0));
        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        }
        assertEquals(40, Fx.call(() -> viewport(0).frameIndex()));
        DecodedFrame left = Fx.call(() -> viewport(0).currentFrame());
        DecodedFrame right = Fx.call(() -> viewport(1).currentFrame());
        assertEquals(nearestByZ(Fx.call(() -> viewport(1).seriesProperty().get()), z(left)), Fx.call(
                () -> viewport(1).frameIndex()), "the prior's slice nearest in position");
        assertTrue(Math.abs(z(right) - z(left)) <= 3.0 / 2 + 0.01, z(right) + " against " + z(left));
        assertEquals("Sync: position", textIn(tile(1), "viewport-sync"));

        // ] and [ move between the series of the active viewport's study
        robot.press(KeyCode.CLOSE_BRACKET).release(KeyCode.CLOSE_BRACKET);
        Fx.await("series 2", 10, () -> viewport(0).currentFrame().seriesNumber() == 2);
        robot.press(KeyCode.OPEN_BRACKET).release(KeyCode.OPEN_BRACKET);
        Fx.await("series 1 again", 10, () -> viewport(0).currentFrame().seriesNumber() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        Fx.await("four viewports", 10, () -> robot.lookup(".viewport-tile").queryAll().size() == 4);
        assertEquals(prior.studyInstanceUid(), Fx.call(() -> layout().viewports().get(3).study().entry()
                .studyInstanceUid()), "the prior keeps the right column");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        Fx.await("one viewport, comparison over", 10, () -> robot.lookup(".viewport-tile").queryAll().size() == 1
                && !layout().comparingProperty().get() && layout().prior() == null);
    }

    @Test
    void aStudyWithoutAPriorIsComparedWithOneTheUserPicksByRelativePositionAndOffset() {
        DemoStudy oldest = patient.studies().stream().filter(s -> s.instanceCount() > 1).findFirst().orElseThrow();
        DemoStudy followUp = study(CatalogueGenerator.followUpStudyUid(CatalogueGenerator.DEFAULT_SEED));
        robot.clickOn(screen.studyRow(oldest.studyInstanceUid()));
        Fx.await("the study open with an image", 120, () -> viewport(0).currentFrame() != null);
        robot.clickOn(tile(0));
        robot.press(KeyCode.C).release(KeyCode.C);
        Fx.await("the list to pick from", 10, () -> !layout().priorChoices().isEmpty());
        assertEquals(patient.studies().size() - 1, Fx.call(() -> layout().priorChoices().size()),
                "every other study with images");
        assertTrue(textIn(tile(1), "prior-choices-title").startsWith("No earlier study of the same modality"));
        Node followUpCell = Fx.call(() -> robot.lookup(".prior-choices .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getText() != null
                        && ((ListCell<?>) n).getText().contains("CT thorax follow-up")).findFirst().orElse(null));
        assertNotNull(followUpCell, "the follow-up is in view: the list is newest first");
        robot.clickOn(followUpCell);
        Fx.await("the picked study beside it", 120, () -> layout().prior() != null
                && viewport(1).currentFrame() != null && viewport(1).framesInSeries() > 3);
        assertEquals(followUp.studyInstanceUid(), Fx.call(() -> layout().prior().entry().studyInstanceUid()));
        Fx.await("relative sync", 10, () -> textIn(tile(1), "viewport-sync")
                .equals("Sync: relative, offset 0"));

        robot.clickOn(tile(1));
        int before = Fx.call(() -> viewport(1).frameIndex());
        int leftBefore = Fx.call(() -> viewport(0).frameIndex());
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        assertEquals(before + 1, Fx.call(() -> viewport(1).frameIndex()));
        assertEquals(leftBefore, Fx.call(() -> viewport(0).frameIndex()), "the other viewport stays");
        Fx.await("the offset shown", 10, () -> textIn(tile(1), "viewport-sync")
                .equals("Sync: relative, offset +1"));
    }

    private static double z(DecodedFrame f) {
        return f.geometry().distanceAlong(f.geometry().normal());
    }

    private static int nearestByZ(SeriesStack stack, double z) {
        int best = -1;
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < stack.size(); i++) {
            double d = Math.abs(z(stack.get(i)) - z);
            if (d < distance) {
                best = i;
                distance = d;
            }
        }
        return best;
    }
}
