package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.Orientation;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.app.viewer.TagBrowserView;
import nl.duoviewer.app.viewer.TagRow;
import nl.duoviewer.app.viewer.ToolsViewModel;
import nl.duoviewer.core.image.PixelSpacing;
import nl.duoviewer.core.measure.Result;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * The reading tools in the real application on the embedded DUO network (real DICOM from the demo archives): measured
 * with the mouse and the keys, in the units the images' headers allow; cine, turns, flips, inversion and the source's
 * VOI LUT table; the tag browser; export with and without the patient overlay. Headless (Monocle), every wait bounded.
 */
class ReadingToolsEndToEndTest {

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private EmbeddedDuoNetwork net;
    private Application app;
    private StudyViewerView viewer;

    @BeforeEach
    void startTheViewer() throws Exception {
        net = TestNetwork.fresh();
        int studies = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow().studies().size();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--bsn", "999999011")));
        Fx.await("the timeline", 90, () -> screen.studiesListed() == studies);
        viewer = screen.viewer();
    }

    @AfterEach
    void stop() throws Exception {
        TestNetwork.content().reset();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** The smallest study of the showcase patient with this modality, from whichever network holds one. */
    private static DemoStudy study(String modality, int minInstances) {
        List<AssertionError> none = new ArrayList<>();
        for (Network n : Network.values()) {
            try {
                return TestNetwork.smallStudy(n, modality, minInstances);
            } catch (AssertionError e) {
                none.add(e);
            }
        }
        throw new AssertionError("the demo patient has no " + modality + " study: " + none);
    }

    private ViewportViewModel viewport() {
        return Fx.call(() -> viewer.viewModel().activeViewport());
    }

    private ToolsViewModel workspaceTools() {
        return viewer.toolsBar().viewModel();
    }

    private void openStudy(DemoStudy study) {
        robot.clickOn(screen.studyRow(study.studyInstanceUid()));
        Fx.await("the study complete", 90, () -> viewer.viewModel().study() != null
                && viewer.viewModel().study().entry().studyInstanceUid().equals(study.studyInstanceUid())
                && viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE
                && viewer.imageViewport().imageProperty().get() != null);
        robot.clickOn(viewer.imageViewport()); // the image takes the keyboard (a click pans nothing)
    }

    /** Shows the study's longest series, as the user picks it in the series chooser. */
    private void showTheLongestSeries() {
        Fx.run(() -> {
            var longest = viewer.viewModel().study().series().stream()
                    .max(java.util.Comparator.comparingInt(nl.duoviewer.app.viewer.SeriesStack::size)).orElseThrow();
            viewport().showSeries(longest);
        });
        assertTrue(Fx.call(() -> viewport().framesInSeries()) >= 3);
    }

    /** Drags across the image's centre with the left button, {@code dx} screen pixels to the right. */
    private void dragAcrossTheCentre(double dx, double dy) {
        Point2D centre = Fx.call(() -> {
            Rectangle2D b = viewer.imageViewport().frameBoundsProperty().get();
            return viewer.imageViewport().localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY()
                    + b.getHeight() / 2);
        });
        robot.drag(centre.subtract(dx / 2, dy / 2), MouseButton.PRIMARY).moveBy(dx / 2, dy / 2)
                .moveBy(dx / 2, dy / 2).drop();
    }

    /** Screen pixels per image pixel, horizontally, as the image is shown now. */
    private double scale() {
        return Fx.call(() -> viewer.imageViewport().frameBoundsProperty().get().getWidth()
                / viewport().currentFrame().pixels().width());
    }

    private List<String> measurementLabels() {
        return Fx.call(() -> robot.lookup(".measurement-label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
    }

    @Test
    void aLengthDrawnOnACtReadsMillimetresFromItsPixelSpacingAndFollowsZoomAndPan() {
        DemoStudy ct = study("CT", 3);
        openStudy(ct);
        showTheLongestSeries();
        DecodedFrame frame = Fx.call(() -> viewport().currentFrame());
        PixelSpacing spacing = frame.header().spacing();
        assertEquals(PixelSpacing.Kind.PATIENT, spacing.kind(), "the demo CT states Pixel Spacing");

        robot.type(KeyCode.L);
        assertEquals(ToolsViewModel.Tool.LENGTH, Fx.call(() -> workspaceTools().tool()));
        double scale = scale();
        dragAcrossTheCentre(240, 0);
        Fx.await("the length placed", () -> workspaceTools().measurementsOn(viewport().currentFrame()).size() == 1);
        Result.Length length = (Result.Length) Fx.call(() -> workspaceTools().measurementsOn(
                viewport().currentFrame()).getFirst().result());
        double expected = 240 / scale * spacing.columnMm();
        assertEquals(expected, length.value(), 2 / scale * spacing.columnMm() + 1e-9, "within a screen pixel per end");
        List<String> labels = measurementLabels();
        assertEquals(1, labels.size());
        assertTrue(labels.getFirst().matches("\\d+\\.\\d mm"), labels.getFirst());
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f mm", length.value()), labels.getFirst());
        assertFalse(Fx.call(() -> viewport().panXProperty().get() != 0), "drawing did not pan the image");

        // zoom and pan: the line stays on the same anatomy
        Point2D before = firstPointOfTheLine();
        Fx.run(() -> {
            viewport().zoomBy(2);
            viewport().panBy(30, -20);
        });
        Point2D after = firstPointOfTheLine();
        Rectangle2D b = Fx.call(() -> viewer.imageViewport().frameBoundsProperty().get());
        nl.duoviewer.core.measure.Shape.Line line = (nl.duoviewer.core.measure.Shape.Line) Fx.call(
                () -> workspaceTools().measurementsOn(viewport().currentFrame()).getFirst().shape());
        double s = b.getWidth() / frame.pixels().width();
        assertEquals(b.getMinX() + line.start().x() * s, after.getX(), 0.01);
        assertEquals(b.getMinY() + line.start().y() * s, after.getY(), 0.01);
        assertNotEquals(before, after);

        // it belongs to its frame
        robot.type(KeyCode.DOWN);
        Fx.await("the next slice", () -> viewport().frameIndex() == 1);
        assertEquals(List.of(), measurementLabels());
        robot.type(KeyCode.UP);
        Fx.await("back", () -> measurementLabels().size() == 1);

        // an ellipse gives statistics in Hounsfield units and an area in mm²
        robot.type(KeyCode.E);
        Fx.run(viewport()::resetZoomAndPan);
        dragAcrossTheCentre(60, 40);
        Fx.await("the region placed", () -> measurementLabels().size() == 2);
        assertTrue(measurementLabels().stream().anyMatch(t -> t.contains(" HU  SD ") && t.contains(" mm²")),
                measurementLabels()::toString);

        // the patient is switched: nothing measured stays
        robot.clickOn("#close-patient");
        assertEquals(List.of(), Fx.call(() -> workspaceTools().measurementsOn(frame)));
    }

    private Point2D firstPointOfTheLine() {
        return Fx.call(() -> {
            Polyline p = robot.lookup(".measurement-placed").queryAllAs(Polyline.class).iterator().next();
            return new Point2D(p.getPoints().get(0), p.getPoints().get(1));
        });
    }

    @Test
    void detectorSpacingIsLabelledAndAnImageWithoutSpacingMeasuresInPixels() {
        openStudy(study("DX", 1));
        robot.type(KeyCode.L);
        dragAcrossTheCentre(200, 0);
        Fx.await("a length", () -> measurementLabels().size() == 1);
        assertTrue(measurementLabels().getFirst().endsWith(" mm (detector)"), measurementLabels()::toString);

        openStudy(study("US", 1));
        robot.type(KeyCode.L);
        dragAcrossTheCentre(200, 0);
        Fx.await("a length", () -> measurementLabels().size() == 1);
        assertTrue(measurementLabels().getFirst().endsWith(" px"), measurementLabels()::toString);
    }

    @Test
    void theSourcesVoiLutTableIsAWindowChoiceAndTurnsFlipsAndInversionReachTheScreen() {
        openStudy(study("CR", 1));
        WritableImage windowed = copy();
        robot.clickOn("#tool-source-windows");
        robot.clickOn("VOI LUT 3 SIGMOID CONTRAST");
        Fx.await("the table in use", () -> viewport().displayedProperty().get().voiTable() != null);
        assertTrue(screen.text("overlay-bottom-right").startsWith("VOI LUT SIGMOID CONTRAST"),
                screen.text("overlay-bottom-right"));
        assertNotEquals(0, differingPixels(windowed, copy()), "the table changes the picture");

        robot.type(KeyCode.O); // from the table back to the first window
        Fx.await("a window again", () -> viewport().displayedProperty().get().voiTable() == null);

        robot.type(KeyCode.T);
        robot.type(KeyCode.H);
        robot.type(KeyCode.I);
        ViewportViewModel.Displayed d = Fx.call(() -> viewport().displayedProperty().get());
        assertEquals(new Orientation(1, true, false), d.orientation(), "turned, then mirrored left to right");
        assertTrue(d.inverted());
        robot.clickOn("#tool-flipVertical");
        assertEquals(new Orientation(1, true, true), Fx.call(() -> viewport().orientationProperty().get()));
        robot.type(KeyCode.R);
        assertEquals(Orientation.NONE, Fx.call(() -> viewport().orientationProperty().get()));
    }

    @Test
    void cinePlaysTheSeriesAndStops() {
        openStudy(study("CT", 3));
        showTheLongestSeries();
        robot.type(KeyCode.SPACE);
        assertTrue(Fx.call(() -> workspaceTools().playingProperty().get()));
        Fx.await("cine moves on", 10, () -> viewport().frameIndex() > 0);
        robot.type(KeyCode.CLOSE_BRACKET);
        robot.type(KeyCode.SPACE);
        assertFalse(Fx.call(() -> workspaceTools().playingProperty().get()));
    }

    @Test
    void theTagBrowserListsTheImagesHeaderAndFindsWhatIsTyped() {
        openStudy(study("CT", 1));
        robot.type(KeyCode.D);
        Fx.await("the tag window", () -> viewer.toolsBar().tagWindow() != null
                && viewer.toolsBar().tagWindow().isShowing());
        Stage window = Fx.call(() -> viewer.toolsBar().tagWindow());
        TagBrowserView tags = (TagBrowserView) window.getScene().getRoot();
        String sop = Fx.call(() -> viewport().currentFrame().header().sopInstanceUid());
        Fx.await("the SOP Instance UID listed", () -> rows(tags).stream()
                .anyMatch(r -> r.tagText().equals("(0008,0018)") && r.value().equals(sop)));
        assertTrue(rows(tags).stream().anyMatch(r -> r.tagText().equals("(0010,0020)")
                && r.value().equals(CatalogueGenerator.SHOWCASE_PATIENT.value())));
        assertFalse(rows(tags).stream().anyMatch(r -> r.tagText().equals("(7FE0,0010)") && !r.value().isEmpty()),
                "no pixel data dumped");

        TextField search = Fx.call(() -> (TextField) window.getScene().lookup("#tag-search"));
        robot.clickOn(search).write("Modality");
        Fx.await("filtered", () -> rows(tags).stream().allMatch(r -> r.keyword().contains("Modality")));
        assertTrue(rows(tags).stream().anyMatch(r -> r.value().equals("CT")));
        Fx.run(window::close);
        assertFalse(Fx.call(() -> workspaceTools().tagBrowserOpenProperty().get()));
    }

    private static List<TagRow> rows(TagBrowserView view) {
        return Fx.call(() -> view.table().getRoot().getChildren().stream().map(TreeItem::getValue).toList());
    }

    @Test
    void exportWritesThePictureTheUserAskedForWithoutThePatientOverlayWhenDeIdentified(@TempDir Path dir)
            throws Exception {
        openStudy(study("CT", 1));
        Fx.run(() -> viewer.toolsBar().setSaveTarget((owner, name) -> dir.resolve(
                (Files.exists(dir.resolve(name)) ? "overlay-" : "") + name)));
        robot.push(KeyCode.CONTROL, KeyCode.E); // de-identified
        Path plain = dir.resolve(Fx.call(() -> workspaceTools().suggestedFileName()));
        Fx.await("the de-identified export", () -> workspaceTools().exportStatusProperty().get()
                instanceof ToolsViewModel.ExportStatus.Saved);
        robot.clickOn("#tool-export");
        robot.clickOn("#export-with-overlay");
        Path withOverlay = dir.resolve("overlay-" + plain.getFileName());
        Fx.await("the export with overlay", () -> Files.exists(withOverlay)
                && workspaceTools().exportStatusProperty().get() instanceof ToolsViewModel.ExportStatus.Saved s
                && !s.deIdentified());
        assertTrue(screen.text("export-status").startsWith("Saved " + withOverlay.getFileName()),
                screen.text("export-status"));

        BufferedImage clean = ImageIO.read(plain.toFile());
        BufferedImage identified = ImageIO.read(withOverlay.toFile());
        // the overlay's top-left corner (patient name and BSN) lies left of the image, on black
        Rectangle2D b = Fx.call(() -> viewer.imageViewport().frameBoundsProperty().get());
        int right = (int) Math.min(160, b.getMinX() - 2);
        assertTrue(right > 40, "the test needs black beside the image: " + b);
        assertEquals(0, lit(clean, right, 60), "no patient overlay in the de-identified picture");
        assertTrue(lit(identified, right, 60) > 20, "the overlay is in the other one");
        assertTrue(lit(clean, clean.getWidth(), clean.getHeight()) > 1000, "the image itself is in it");
    }

    private static int lit(BufferedImage img, int width, int height) {
        int n = 0;
        for (int y = 0; y < Math.min(height, img.getHeight()); y++) {
            for (int x = 0; x < Math.min(width, img.getWidth()); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private WritableImage copy() {
        return Fx.call(() -> {
            WritableImage shown = viewer.imageViewport().imageProperty().get();
            return new WritableImage(shown.getPixelReader(), (int) shown.getWidth(), (int) shown.getHeight());
        });
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        return Fx.call(() -> {
            int n = 0;
            for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y += 2) {
                for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x += 2) {
                    if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                        n++;
                    }
                }
            }
            return n;
        });
    }
}
