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
import javafx.scene.control.ComboBox;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
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
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.app.viewer.WindowLevelPreset;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoStudy;

/**
 * The main window on real data, rendered to a PNG (headless, via snapshot): the application started without
 * arguments on the embedded network (so on its demo patient), a chest CT clicked on the timeline and shown at a lung
 * window half-way through its thin-slice series while the rest still streams in. Runs only when
 * {@code duoviewer.screenshot.copyTo} is set; written to {@code duoviewer.screenshotDir} and copied there. That is how
 * docs/images/screenshot.png is made:
 * <pre>
 * ./mvnw -pl app -am verify -DskipInstaller -Dtest=MainWindowScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dduoviewer.screenshot.copyTo=$PWD/docs/images/screenshot.png
 * </pre>
 */
class MainWindowScreenshotTest {

    /** The 2024 chest CT of the demo patient, and how far into its 1 mm series to show. */
    private static final String STUDY = "CT thorax met contrast";
    private static final int SERIES = 2;
    private static final int SLICE = 38;

    private Application app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void mainWindowWithTimelineAndACtImage() throws Exception {
        // rendering forty CT slices on first request costs half a minute: only when the picture is wanted
        assumeTrue(!System.getProperty("duoviewer.screenshot.copyTo", "").isBlank(),
                "skipped: regenerates docs/images/screenshot.png only when -Dduoviewer.screenshot.copyTo is given");
        EmbeddedDuoNetwork net = TestNetwork.fresh();
        DemoStudy ct = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow().studies().stream()
                .filter(s -> s.description().equals(STUDY) && s.dateTime().getYear() == 2024).findFirst()
                .orElseThrow();
        Stage stage = FxToolkit.registerPrimaryStage();
        app = DuoViewerLauncher.onNetwork(net);
        FxRobot robot = new FxRobot();
        OnScreen screen = new OnScreen(robot);
        Fx.await("the timeline", 90, () -> screen.studiesListed() > 0 && screen.texts("source-row", "source-state")
                .stream().allMatch("Complete"::equals));

        robot.clickOn(screen.studyRow(ct.studyInstanceUid()));
        StudyViewerView view = screen.viewer();
        ViewportViewModel viewer = view.viewModel().activeViewport();
        @SuppressWarnings("unchecked")
        ComboBox<SeriesStack> chooser = Fx.call(() -> robot.lookup(".series-chooser").queryAs(ComboBox.class));
        Fx.await("the thin-slice series past slice " + SLICE, 180, () -> chooser.getItems().stream()
                .anyMatch(s -> s.first().seriesNumber() == SERIES && s.size() > SLICE));
        Fx.run(() -> {
            chooser.setValue(chooser.getItems().stream().filter(s -> s.first().seriesNumber() == SERIES)
                    .findFirst().orElseThrow());
            viewer.scrollBy(SLICE - viewer.frameIndex());
            viewer.applyPreset(WindowLevelPreset.LUNG);
        });
        assertEquals(SLICE, Fx.call(viewer::frameIndex));
        assertTrue(OnScreen.distinctLevels(Fx.call(() -> view.imageViewport().imageProperty().get())) > 30,
                "a real CT slice on screen");

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
