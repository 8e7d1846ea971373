package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;

import javax.imageio.ImageIO;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.testing.Phantom;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.PixelSpacing;
import nl.duoviewer.core.measure.ImagePoint;
import nl.duoviewer.core.measure.Result;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.InstanceHeader;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/** The reading tools' view model on its own: plain JUnit, no JavaFX toolkit; the UI thread is a queue. */
class ToolsViewModelTest {

    static final String STUDY = "1.2.77";
    static final String SERIES = STUDY + ".1";

    final Queue<Runnable> uiQueue = new ArrayDeque<>();
    final Executor ui = uiQueue::add;
    final List<ExportRecorder.ViewExport> exports = new ArrayList<>();
    final ViewerLayoutViewModel layout = new ViewerLayoutViewModel();
    final ToolsViewModel tools = new ToolsViewModel(layout, exports::add, Runnable::run, ui);

    static TimelineEntry entry(Bsn patient, String uid) {
        Timeline t = new Timeline(patient);
        t.addAll(List.of(Records.study(patient, uid, "2024-03-01T09:30", "CT", "CHEST", "CT thorax",
                Records.ERASMUS)), List.of());
        return t.snapshot().entries().getFirst();
    }

    /** A 256 x 256 slice of the CT phantom with 0.5 mm pixels, as the object's header says. */
    static DecodedFrame slice(String study, int instance, int count) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPInstanceUID, VR.UI, study + ".1." + instance);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
        ds.setString(Tag.PatientName, VR.PN, "Vries^Jan");
        ds.setDouble(Tag.FrameTime, VR.DS, 50);
        return new DecodedFrame(study, study + ".1", 1, "Thorax", "CT", instance, 1, count,
                Phantom.slice(256, instance - 1, count), new WindowLevel(40, 400), InstanceHeader.of(ds));
    }

    StudyViewModel open(Bsn patient, String uid, int frames) {
        StudyViewModel study = new StudyViewModel(patient, entry(patient, uid), new SimpleObjectProperty<>("J"), ui,
                Long.MAX_VALUE);
        layout.open(study);
        for (int i = 1; i <= frames; i++) {
            study.listener().frameDecoded(slice(uid, i, frames));
        }
        drain();
        return study;
    }

    void drain() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    ViewportViewModel viewport() {
        return layout.activeViewport();
    }

    static ImagePoint p(double x, double y) {
        return new ImagePoint(x, y);
    }

    void drag(ImagePoint from, ImagePoint to) {
        tools.press(from);
        tools.move(new ImagePoint((from.x() + to.x()) / 2, (from.y() + to.y()) / 2));
        tools.release(to, true);
    }

    @Test
    void aHundredMillimetreLineDrawnOnThePhantomReadsOneHundredPointZeroMillimetres() {
        open(Records.PATIENT_A, STUDY, 3);
        tools.selectTool(ToolsViewModel.Tool.LENGTH);
        drag(p(28, 100), p(228, 100)); // 200 pixels of 0.5 mm
        List<ToolsViewModel.Placed> on = tools.measurementsOn(viewport().currentFrame());
        assertEquals(1, on.size());
        Result.Length length = assertInstanceOf(Result.Length.class, on.getFirst().result());
        assertEquals(PixelSpacing.Kind.PATIENT, length.unit());
        assertEquals(100.0, length.value(), 1e-9);
        assertEquals("100.0 mm", MeasurementText.of(Texts.forLocale(Locale.ENGLISH), length));
        assertEquals("100,0 mm", MeasurementText.of(Texts.forLocale(Locale.forLanguageTag("nl")), length));
        assertNull(tools.draftProperty().get(), "placed, nothing left being drawn");
    }

    @Test
    void measurementsBelongToTheirFrame() {
        open(Records.PATIENT_A, STUDY, 3);
        tools.selectTool(ToolsViewModel.Tool.LENGTH);
        drag(p(10, 10), p(50, 10));
        DecodedFrame first = viewport().currentFrame();
        viewport().scrollBy(1);
        assertEquals(List.of(), tools.measurementsOn(viewport().currentFrame()), "not on the next slice");
        viewport().scrollBy(-1);
        assertEquals(1, tools.measurementsOn(viewport().currentFrame()).size());
        assertEquals(first, viewport().currentFrame());

        tools.removeLast();
        assertEquals(List.of(), tools.measurementsOn(first));
    }

    @Test
    void clicksPlacePointsTooAndAnAngleTakesThree() {
        open(Records.PATIENT_A, STUDY, 1);
        tools.selectTool(ToolsViewModel.Tool.ANGLE);
        tools.press(p(110, 100));
        tools.release(p(110, 100), false);
        tools.move(p(100, 100));
        assertEquals(2, tools.draftProperty().get().points().size(), "first point and the one following the mouse");
        tools.press(p(100, 100));
        tools.release(p(100, 100), false);
        tools.move(p(100, 80));
        assertNotNull(tools.draftProperty().get().preview(), "three points: a preview with its value");
        tools.press(p(100, 80));
        List<ToolsViewModel.Placed> on = tools.measurementsOn(viewport().currentFrame());
        assertEquals(90.0, ((Result.Angle) on.getFirst().result()).degrees(), 1e-9);
        assertEquals("90.0°", MeasurementText.of(Texts.forLocale(Locale.ENGLISH), on.getFirst().result()));
    }

    @Test
    void anEllipseOnAUniformRegionReadsItsValueWithNoSpread() {
        open(Records.PATIENT_A, STUDY, 1);
        tools.selectTool(ToolsViewModel.Tool.ELLIPSE);
        // the phantom's soft tissue (40 HU) below the centre, between the lungs, clear of heart and vertebra
        drag(p(120, 156), p(136, 166));
        Result.Region r = (Result.Region) tools.measurementsOn(viewport().currentFrame()).getFirst().result();
        assertEquals(40.0, r.statistics().mean(), 1e-9);
        assertEquals(0.0, r.statistics().standardDeviation(), 1e-9);
        assertEquals(40.0, r.statistics().min());
        assertEquals(40.0, r.statistics().max());
        assertEquals("HU", r.modalityUnit());
        assertEquals(Math.PI * 8 * 5 * 0.25, r.area(), 1e-9);
        assertEquals("Mean 40.0 HU  SD 0.0\nMin 40.0  Max 40.0\nArea 31.4 mm²",
                MeasurementText.of(Texts.forLocale(Locale.ENGLISH), r));

        tools.selectTool(ToolsViewModel.Tool.RECTANGLE);
        drag(p(120, 156), p(120, 166));
        assertEquals(1, tools.measurementsOn(viewport().currentFrame()).size(), "a flat rectangle is no region");
    }

    @Test
    void aPatientSwitchClearsEveryMeasurementAnotherStudyOfTheSamePatientKeepsThem() {
        open(Records.PATIENT_A, STUDY, 1);
        tools.selectTool(ToolsViewModel.Tool.LENGTH);
        drag(p(10, 10), p(50, 10));
        DecodedFrame measured = viewport().currentFrame();
        open(Records.PATIENT_A, "1.2.78", 1);
        assertEquals(1, tools.measurementsOn(measured).size(), "the same patient's prior does not erase them");

        layout.clear(); // what the workspace does first on a patient switch
        assertEquals(List.of(), tools.measurementsOn(measured));

        open(Records.PATIENT_A, STUDY, 1);
        drag(p(10, 10), p(50, 10));
        open(Records.PATIENT_B, "1.2.79", 1);
        assertEquals(List.of(), tools.measurementsOn(measured), "another patient's study never shows them");
    }

    @Test
    void scrollingAwayDropsTheMeasurementBeingDrawn() {
        open(Records.PATIENT_A, STUDY, 3);
        tools.selectTool(ToolsViewModel.Tool.LENGTH);
        tools.press(p(10, 10));
        assertNotNull(tools.draftProperty().get());
        viewport().scrollBy(1);
        assertNull(tools.draftProperty().get());
        tools.release(p(60, 10), true);
        assertEquals(List.of(), tools.measurementsOn(viewport().currentFrame()));
    }

    @Test
    void cinePlaysAtTheChosenRateInALoopAndStopsWithTheStudy() {
        open(Records.PATIENT_A, STUDY, 3);
        tools.togglePlay();
        assertTrue(tools.playingProperty().get());
        assertEquals(20, tools.fpsProperty().get(), "the source's Frame Time of 50 ms");
        tools.setFps(10);
        long t = 1_000_000_000L;
        tools.tick(t); // starts the clock
        tools.tick(t + 50_000_000L);
        assertEquals(0, viewport().frameIndex(), "half a frame time: not yet");
        tools.tick(t + 100_000_000L);
        assertEquals(1, viewport().frameIndex());
        tools.tick(t + 200_000_000L);
        assertEquals(2, viewport().frameIndex());
        tools.tick(t + 300_000_000L);
        assertEquals(0, viewport().frameIndex(), "from the last frame back to the first");

        tools.setFps(1000);
        assertEquals(ToolsViewModel.MAX_FPS, tools.fpsProperty().get());
        tools.setFps(0);
        assertEquals(ToolsViewModel.MIN_FPS, tools.fpsProperty().get());

        layout.clear();
        assertFalse(tools.playingProperty().get());
    }

    @Test
    void aSingleImageDoesNotPlay() {
        open(Records.PATIENT_A, STUDY, 1);
        tools.togglePlay();
        assertFalse(tools.playingProperty().get());
    }

    @Test
    void exportWritesThePictureAndRecordsWhatLeftTheViewer(@TempDir Path dir) throws Exception {
        open(Records.PATIENT_A, STUDY, 2);
        viewport().scrollBy(1);
        int[] argb = new int[4 * 3];
        argb[5] = 0xFF336699;
        String name = tools.suggestedFileName();
        assertEquals("duoviewer-CT-se1-im2.png", name);
        assertFalse(name.contains(Records.PATIENT_A.value()), "the suggested name does not name the patient");
        Path file = dir.resolve(name);
        tools.export(4, 3, argb, file, true);
        drain();

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(4, png.getWidth());
        assertEquals(0xFF336699, png.getRGB(1, 1));
        assertEquals(List.of(new ExportRecorder.ViewExport(Records.PATIENT_A, STUDY, STUDY + ".1.2", true, file,
                true)), exports);
        assertEquals(new ToolsViewModel.ExportStatus.Saved(file, true), tools.exportStatusProperty().get());
        String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("tEXt") || bytes.contains("iTXt") || bytes.contains("zTXt"),
                "no text chunks: nothing of the patient in metadata");

        Path notWritable = dir.resolve("missing-folder").resolve("x.png");
        tools.export(4, 3, argb, notWritable, false);
        drain();
        assertEquals(new ExportRecorder.ViewExport(Records.PATIENT_A, STUDY, STUDY + ".1.2", false, notWritable,
                false), exports.getLast(), "a failed export is recorded too");
        assertEquals(new ToolsViewModel.ExportStatus.Failed(notWritable), tools.exportStatusProperty().get());
    }

    @Test
    void nothingToExportWithoutAnImage() {
        assertFalse(tools.canExport());
        tools.export(1, 1, new int[1], Path.of("never.png"), true);
        assertEquals(List.of(), exports);
    }

    @Test
    void theTagBrowserFollowsTheImageOnScreenWhileOpen() {
        open(Records.PATIENT_A, STUDY, 2);
        assertEquals(List.of(), tools.tagBrowser().rowsProperty().get(), "closed: nothing built");
        tools.openTagBrowser();
        assertTrue(tools.tagBrowser().rowsProperty().get().stream()
                .anyMatch(r -> r.tag() == Tag.SOPInstanceUID && r.value().equals(STUDY + ".1.1")));
        viewport().scrollBy(1);
        assertTrue(tools.tagBrowser().rowsProperty().get().stream()
                .anyMatch(r -> r.tag() == Tag.SOPInstanceUID && r.value().equals(STUDY + ".1.2")));
        tools.closeTagBrowser();
        assertEquals(List.of(), tools.tagBrowser().rowsProperty().get());

        tools.openTagBrowser();
        layout.clear(); // a patient switch: the header of the previous patient leaves the open browser
        assertEquals(List.of(), tools.tagBrowser().rowsProperty().get());
    }
}
