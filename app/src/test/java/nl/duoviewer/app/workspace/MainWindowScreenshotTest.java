package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.ISALA;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.RIJNSTATE;
import static nl.duoviewer.app.testing.Records.report;
import static nl.duoviewer.app.testing.Records.status;
import static nl.duoviewer.app.testing.Records.study;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRow;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRowsOnScreen;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.launch.PatientDemographics;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.viewer.StudyViewer;
import nl.duoviewer.core.timeline.SourceStatus.State;
import nl.duoviewer.core.timeline.Timeline;

/**
 * Renders the main window with a populated timeline and an open CT study to a PNG (headless, via snapshot), written
 * to {@code duoviewer.screenshotDir} and, when {@code duoviewer.screenshot.copyTo} is set, copied there (that is how
 * docs/images/screenshot.png is made).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowScreenshotTest {

    private WorkspaceFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WorkspaceFixture(stage);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void mainWindowWithTimelineAndImage(FxRobot robot) throws Exception {
        fx.service.slices(40, 512);
        fx.service.releaseRemainingFrames();
        Fx.run(() -> fx.workspace.open(new LaunchContext(PATIENT_A,
                new PatientDemographics("J. de Vries", LocalDate.of(1961, 3, 14)), LaunchSource.URL_SCHEME, null)));
        Timeline t = fx.service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(
                study(PATIENT_A, "1.2.1", "2025-10-02T09:41", "CT", "CHEST", "CT thorax met contrast", ERASMUS),
                study(PATIENT_A, "1.2.2", "2024-03-18T14:05", "CT", "CHEST", "CT thorax", ERASMUS),
                study(PATIENT_A, "1.2.3", "2021-06-07T10:30", "CR", "CHEST", "X-thorax PA/lat", ERASMUS)),
                List.of(report(PATIENT_A, "1.2.1", "2025-10-02T15:00", "Verslag CT thorax", ERASMUS)));
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        t.addAll(List.of(
                study(PATIENT_A, "1.2.2", "2024-03-18T14:05", "CT", "CHEST", "CT thorax", ISALA),
                study(PATIENT_A, "1.2.4", "2023-11-20T08:15", "MR", "KNEE", "MRI knie rechts", ISALA),
                study(PATIENT_A, "1.2.5", "2019-01-09T16:50", "US", "ABDOMEN", "Echo abdomen", ISALA)),
                List.of(report(PATIENT_A, "1.2.4", "2023-11-21T10:00", "Verslag MRI knie", ISALA)));
        t.updateSource(status(ISALA, State.COMPLETE, ""));
        t.updateSource(status(RIJNSTATE, State.TIMED_OUT, "No answer within 30 s"));
        Fx.await("timeline", () -> studyRowsOnScreen(robot).size() == 5);

        robot.clickOn(studyRow(robot, "1.2.1"));
        StudyViewer viewer = fx.workspace.viewer();
        Fx.await("study loaded", () -> viewer.loadStateProperty().get() == StudyViewer.LoadState.COMPLETE);

        WritableImage shot = Fx.call(() -> stage.getScene().snapshot(null));
        Path dir = Path.of(System.getProperty("duoviewer.screenshotDir", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve("main-window.png");
        write(shot, png);
        assertTrue(Files.size(png) > 20_000, "a real picture, not an empty frame");
        String copyTo = System.getProperty("duoviewer.screenshot.copyTo");
        if (copyTo != null && !copyTo.isBlank()) {
            Path target = Path.of(copyTo);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
    }
}
