package nl.duoviewer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.scene.control.SplitPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.DuoViewerLauncher;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.SeriesStack;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.ViewerLayoutViewModel;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.app.viewer.WindowLevelPreset;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;

/**
 * Comparison mode on real data, rendered to a PNG (headless, via snapshot): the application started without arguments
 * on the embedded network (its demo patient), the CT thorax follow-up compared with its prior through the toolbar
 * button, both on their 1 mm and 3 mm series at the same position (scrolling synchronised by slice position), a lung
 * window on both (window synchronised), and the follow-up's report opened with F2. Runs only when
 * {@code duoviewer.readingScreenshot.copyTo} is set; that is how docs/images/reading.png is made:
 * <pre>
 * ./mvnw -pl app -am verify -DskipInstaller -Dtest=ReadingScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dduoviewer.readingScreenshot.copyTo=$PWD/docs/images/reading.png
 * </pre>
 */
class ReadingScreenshotTest {

    private static final int SLICE = 34;

    private Application app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void comparisonWithThePriorAndTheReportOpen() throws Exception {
        String copyTo = System.getProperty("duoviewer.readingScreenshot.copyTo", "");
        assumeTrue(!copyTo.isBlank(),
                "skipped: regenerates docs/images/reading.png only when -Dduoviewer.readingScreenshot.copyTo is given");
        EmbeddedDuoNetwork net = TestNetwork.fresh();
        String followUp = CatalogueGenerator.followUpStudyUid(CatalogueGenerator.DEFAULT_SEED);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = DuoViewerLauncher.onNetwork(net);
        FxRobot robot = new FxRobot();
        OnScreen screen = new OnScreen(robot);
        Fx.run(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        Fx.await("the timeline", 90, () -> screen.studiesListed() > 0 && screen.texts("source-row", "source-state")
                .stream().allMatch("Complete"::equals));

        robot.clickOn(screen.studyRow(followUp));
        ViewerLayoutViewModel layout = screen.viewer().viewModel();
        Fx.await("the follow-up open", 30, () -> layout.study() != null);
        robot.clickOn(".compare-button");
        Fx.await("both studies' first series complete", 180, () -> layout.prior() != null
                && complete(layout.study(), 1, 60) && complete(layout.prior(), 1, 20));
        Fx.run(() -> {
            layout.sync().viewProperty().set(true);
            layout.showSeriesIn(layout.viewports().get(1), layout.prior().entry().studyInstanceUid(),
                    series(layout.prior(), 1).seriesInstanceUid());
            layout.showSeriesIn(layout.viewports().get(0), followUp, series(layout.study(), 1).seriesInstanceUid());
            ViewportViewModel left = layout.viewports().get(0);
            left.scrollBy(SLICE - left.frameIndex());
            left.applyPreset(WindowLevelPreset.LUNG);
        });
        assertEquals(SLICE, Fx.call(() -> layout.viewports().get(0).frameIndex()));
        robot.clickOn(".viewport-tile");
        robot.press(KeyCode.F2).release(KeyCode.F2);
        Fx.await("the report", 60, () -> !robot.lookup(".report-heading").queryAll().isEmpty());
        Fx.run(() -> robot.lookup(".split-pane").queryAs(SplitPane.class)
                .setDividerPositions(0.21, 0.73)); // more room for the two viewports than the default split
        Fx.await("both viewports drawn", 30, () -> OnScreen.distinctLevels(screen.viewer().imageViewport()
                .imageProperty().get()) > 30);
        Thread.sleep(500); // let the last layout pass paint

        WritableImage shot = Fx.call(() -> stage.getScene().snapshot(null));
        Path dir = Path.of(System.getProperty("duoviewer.screenshotDir", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve("reading.png");
        write(shot, png);
        assertTrue(Files.size(png) > 20_000, "a real picture, not an empty frame");
        Path target = Path.of(copyTo);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static SeriesStack series(StudyViewModel study, int number) {
        return study.series().stream().filter(s -> s.first().seriesNumber() == number).findFirst().orElse(null);
    }

    private static boolean complete(StudyViewModel study, int number, int frames) {
        SeriesStack s = series(study, number);
        return s != null && s.size() == frames;
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
