package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.viewer.ImageViewport;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.core.timeline.Timeline;

/**
 * The series thumbnails on a scripted imaging service: a thumbnail is on screen, drawn, as soon as the series' first
 * image is decoded, while the rest of the series is still held back; its count follows the series. A thumbnail taken
 * off the strip (the patient closed) lets go of its image.
 */
@ExtendWith(ApplicationExtension.class)
class SeriesThumbnailsUiTest {

    private WorkspaceFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WorkspaceFixture(stage);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<Node> thumbnails(FxRobot robot) {
        return Fx.call(() -> robot.lookup(".thumbnails-current .series-thumbnail").queryAll().stream().toList());
    }

    @Test
    void aThumbnailAppearsWithItsSeriesFirstImageAndFollowsItsCount(FxRobot robot) throws Exception {
        Fx.run(() -> fx.workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE)));
        Timeline t = fx.service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> WorkspaceFixture.studyRowsOnScreen(robot).size() == 1);
        assertEquals(List.of(), thumbnails(robot), "no study, no thumbnails");

        robot.clickOn(WorkspaceFixture.studyRow(robot, "1.2.5"));
        Fx.await("the thumbnail of the first image", () -> thumbnails(robot).size() == 1);
        assertEquals(StudyViewModel.LoadState.LOADING, Fx.call(() -> fx.workspace.viewer().study().loadState()),
                "the other eleven images are still held back");
        Node thumbnail = thumbnails(robot).getFirst();
        assertEquals("Se 1 Thorax 5 mm (1)", Fx.call(() -> ((Label) thumbnail.lookup(".series-thumbnail-label"))
                .getText()));
        ImageViewport image = Fx.call(() -> (ImageViewport) thumbnail.lookup(".image-viewport"));
        Fx.await("drawn", () -> image.imageProperty().get() != null);
        assertTrue(WorkspaceFixture.litPixels(Fx.call(() -> image.imageProperty().get())) > 0, "a body, drawn");

        fx.service.releaseRemainingFrames();
        Fx.await("all twelve", () -> "Se 1 Thorax 5 mm (12)".equals(((Label) thumbnails(robot).getFirst()
                .lookup(".series-thumbnail-label")).getText()));
        assertEquals(1, thumbnails(robot).size(), "one series, one thumbnail");
    }

    /**
     * JavaFX (and TestFX's log of fired events) may keep a removed node as an old mouse event's target: a thumbnail
     * of a closed patient must not keep that patient's pixels (the application soak grew by them).
     */
    @Test
    void aThumbnailOffTheStripLetsGoOfItsImage(FxRobot robot) throws Exception {
        Fx.run(() -> fx.workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE)));
        Timeline t = fx.service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> WorkspaceFixture.studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(WorkspaceFixture.studyRow(robot, "1.2.5"));
        Fx.await("the thumbnail of the first image", () -> thumbnails(robot).size() == 1);
        ImageViewport image = Fx.call(() -> (ImageViewport) thumbnails(robot).getFirst().lookup(".image-viewport"));
        Fx.await("drawn", () -> image.imageProperty().get() != null);

        Fx.run(() -> fx.workspace.closePatient());
        Fx.await("off the strip", () -> thumbnails(robot).isEmpty());
        assertNull(Fx.call(() -> image.imageProperty().get()), "the closed patient's image is let go");
        assertNull(Fx.call(() -> image.frameBoundsProperty().get()), "and its frame with it");
    }
}
