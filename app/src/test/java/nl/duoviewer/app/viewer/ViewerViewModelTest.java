package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.app.testing.Phantom;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The viewer's view models on their own: plain JUnit, no JavaFX toolkit, no controls. The "UI thread" is a queue the
 * test drains, so the order of events is the test's.
 */
class ViewerViewModelTest {

    static final Bsn PATIENT = Records.PATIENT_A;
    static final String STUDY = "1.2.9";
    static final String SERIES = STUDY + ".1";

    final Queue<Runnable> uiQueue = new ArrayDeque<>();
    final Executor ui = uiQueue::add;
    final SimpleObjectProperty<String> name = new SimpleObjectProperty<>("J. de Vries");
    final ViewerLayoutViewModel layout = new ViewerLayoutViewModel();

    static TimelineEntry entry(String uid, String modality) {
        Timeline t = new Timeline(PATIENT);
        t.addAll(List.of(Records.study(PATIENT, uid, "2024-03-01T09:30", modality, "CHEST", "CT thorax",
                Records.ERASMUS)), List.of());
        return t.snapshot().entries().getFirst();
    }

    StudyViewModel open(String uid, String modality) {
        StudyViewModel study = new StudyViewModel(PATIENT, entry(uid, modality), name, ui, Long.MAX_VALUE);
        layout.open(study);
        return study;
    }

    void drain() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    static DecodedFrame slice(int instance) {
        return Phantom.frame(STUDY, SERIES, 1, instance, 12, 16);
    }

    /** A load that records where the viewer focuses. */
    static final class RecordingLoad implements StudyLoad {
        final List<String> focus = new ArrayList<>();

        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
            focus.add(seriesInstanceUid + "#" + instanceNumber);
        }
    }

    @Test
    void theFirstFrameThatArrivesIsShownAndStaysInViewWhileEarlierSlicesArrive() {
        StudyViewModel study = open(STUDY, "CT");
        ViewportViewModel v = layout.activeViewport();
        assertSame(study, v.study());
        assertNull(v.displayedProperty().get());
        StudyLoadListener feed = study.listener();
        feed.frameDecoded(slice(7));
        feed.progress(1, 12);
        assertNull(v.currentFrame(), "nothing is applied before the UI thread runs");
        drain();
        assertEquals(7, v.currentFrame().instanceNumber());
        assertEquals(new ViewportViewModel.Displayed(v.currentFrame(), new WindowLevel(40, 400)),
                v.displayedProperty().get());
        assertEquals(new StudyViewModel.LoadStatus(StudyViewModel.LoadState.LOADING, 1, 12, 1, 0, null),
                study.statusProperty().get());

        for (int i = 1; i <= 12; i++) {
            if (i != 7) {
                feed.frameDecoded(slice(i));
            }
        }
        feed.progress(12, 12);
        feed.completed();
        drain();
        assertEquals(7, v.currentFrame().instanceNumber(), "still the slice that came first");
        assertEquals(6, v.frameIndex(), "its index moved with the slices before it");
        assertEquals(12, v.framesInSeries());
        assertEquals(StudyViewModel.LoadState.COMPLETE, study.loadState());
        ViewportViewModel.Overlay o = v.overlayProperty().get();
        assertEquals(List.of("J. de Vries", "9999.99.011", "CT thorax", List.of("Erasmus MC"), 7, 12, 100L),
                List.of(o.patientName(), o.bsnFormatted(), o.studyDescription(), o.sources(), o.position(),
                        o.expected(), o.zoomPercent()));
    }

    @Test
    void scrollingStopsAtTheEndsAndTellsTheLoadWhereTheUserIs() {
        StudyViewModel study = open(STUDY, "CT");
        RecordingLoad load = new RecordingLoad();
        study.attach(load);
        for (int i = 1; i <= 5; i++) {
            study.listener().frameDecoded(slice(i));
        }
        drain();
        ViewportViewModel v = layout.activeViewport();
        v.scrollBy(2);
        assertEquals(3, v.currentFrame().instanceNumber());
        v.scrollBy(100);
        assertEquals(4, v.frameIndex());
        v.scrollBy(-1);
        v.scrollToFirst();
        assertEquals(0, v.frameIndex());
        v.scrollBy(-1);
        assertEquals(0, v.frameIndex(), "no move before the first");
        assertEquals(List.of(SERIES + "#1", SERIES + "#3", SERIES + "#5", SERIES + "#4", SERIES + "#1"), load.focus);
    }

    @Test
    void windowDragsPresetsAndResetAreKeptPerSeries() {
        open(STUDY, "CT").listener().frameDecoded(slice(1));
        drain();
        ViewportViewModel v = layout.activeViewport();
        assertTrue(v.presetsAvailableProperty().get(), "CT: Hounsfield presets apply");
        WindowLevel start = v.currentWindow();
        v.dragWindow(40, 20); // right widens, down lowers the level
        WindowLevel dragged = v.currentWindow();
        assertTrue(dragged.width() > start.width() && dragged.center() < start.center(), dragged::toString);
        assertEquals(dragged, v.displayedProperty().get().window(), "the view renders the new window");
        v.applyPreset(WindowLevelPreset.LUNG);
        assertEquals(WindowLevelPreset.LUNG.window(), v.currentWindow());
        v.zoomBy(2);
        v.panBy(10, -5);
        v.resetView();
        assertEquals(start, v.currentWindow());
        assertEquals(List.of(1.0, 0.0, 0.0), List.of(v.zoomProperty().get(), v.panXProperty().get(),
                v.panYProperty().get()));
    }

    @Test
    void presetsAreOnlyForCtAndColourHasNoWindow() {
        StudyViewModel us = open("1.2.10", "US");
        us.listener().frameDecoded(new DecodedFrame("1.2.10", "1.2.10.1", 1, "", "US", 1, 1, 1,
                new ColorPixels(2, 2, new int[] {0xFF102030, 0xFF102030, 0xFF102030, 0xFF102030}), null));
        drain();
        ViewportViewModel v = layout.activeViewport();
        assertFalse(v.presetsAvailableProperty().get());
        v.applyPreset(WindowLevelPreset.BONE);
        v.dragWindow(10, 10);
        assertNull(v.currentWindow(), "a colour frame is never windowed");
        assertNull(v.displayedProperty().get().window());
    }

    @Test
    void zoomStaysWithinItsLimits() {
        open(STUDY, "CT").listener().frameDecoded(slice(1));
        drain();
        ViewportViewModel v = layout.activeViewport();
        for (int i = 0; i < 40; i++) {
            v.zoomBy(1.15);
        }
        assertEquals(ViewportViewModel.MAX_ZOOM, v.zoomProperty().get());
        assertEquals(1600, v.overlayProperty().get().zoomPercent());
        for (int i = 0; i < 80; i++) {
            v.zoomBy(1 / 1.15);
        }
        assertEquals(ViewportViewModel.MIN_ZOOM, v.zoomProperty().get());
    }

    @Test
    void framesOfAnotherStudyAndEventsAfterTheUserMovedOnAreDropped() {
        StudyViewModel first = open(STUDY, "CT");
        StudyLoadListener feed = first.listener();
        feed.frameDecoded(Phantom.frame("1.2.other", "1.2.other.1", 1, 1, 1, 16));
        drain();
        assertNull(layout.activeViewport().currentFrame(), "another study's pixels never show");
        assertEquals(0, first.frameCount());

        StudyViewModel second = open("1.2.10", "CT");
        assertTrue(first.isClosed(), "opening another study closes the first");
        feed.frameDecoded(slice(1));
        feed.failed(new LoadFailure.TimedOut("Erasmus MC"));
        drain();
        assertEquals(0, first.frameCount());
        assertEquals(StudyViewModel.LoadState.LOADING, first.loadState());
        assertNull(layout.activeViewport().currentFrame());
        assertSame(second, layout.study());

        layout.clear();
        assertTrue(second.isClosed());
        assertNull(layout.activeViewport().study());
        assertNull(layout.activeViewport().overlayProperty().get());
    }

    @Test
    void aFailureIsKeptAsItsReasonWithWhatArrivedBefore() {
        StudyViewModel study = open(STUDY, "CT");
        study.listener().frameDecoded(slice(1));
        study.listener().failed(new LoadFailure.Incomplete("Erasmus MC", 3, 12));
        drain();
        StudyViewModel.LoadStatus s = study.statusProperty().get();
        assertEquals(StudyViewModel.LoadState.FAILED, s.state());
        assertEquals(new LoadFailure.Incomplete("Erasmus MC", 3, 12), s.failure());
        assertNotNull(layout.activeViewport().currentFrame(), "what came stays on screen");
    }

    @Test
    void framesBeyondTheMemoryBudgetAreCountedNotKept() {
        long oneSlice = 2L * 16 * 16;
        StudyViewModel study = new StudyViewModel(PATIENT, entry(STUDY, "CT"), name, ui, 2 * oneSlice);
        layout.open(study);
        for (int i = 1; i <= 4; i++) {
            study.listener().frameDecoded(slice(i));
        }
        drain();
        assertEquals(2, study.statusProperty().get().frames());
        assertEquals(2, study.statusProperty().get().dropped());
    }

    @Test
    void theOverlayFollowsTheNameTheBannerShowsAndAStudyNeverOpensUnderAnotherPatient() {
        open(STUDY, "CT").listener().frameDecoded(slice(1));
        drain();
        name.set("Jan de Vries");
        assertEquals("Jan de Vries", layout.activeViewport().overlayProperty().get().patientName());
        Timeline other = new Timeline(Records.PATIENT_B);
        other.addAll(List.of(Records.study(Records.PATIENT_B, "1.2.b", "2024-01-01T09:00", "CT", "CHEST", "B",
                Records.ISALA)), List.of());
        assertThrows(IllegalArgumentException.class, () -> new StudyViewModel(PATIENT,
                other.snapshot().entries().getFirst(), name, ui, Long.MAX_VALUE));
    }

    @Test
    void choosingAnotherSeriesShowsItsFirstFrame() {
        StudyViewModel study = open(STUDY, "CT");
        study.listener().frameDecoded(slice(3));
        study.listener().frameDecoded(Phantom.frame(STUDY, STUDY + ".2", 2, 5, 9, 16));
        study.listener().frameDecoded(Phantom.frame(STUDY, STUDY + ".2", 2, 2, 9, 16));
        drain();
        ViewportViewModel v = layout.activeViewport();
        assertEquals(2, study.series().size());
        v.showSeries(study.series().get(1));
        assertEquals(STUDY + ".2", v.currentFrame().seriesInstanceUid());
        assertEquals(2, v.currentFrame().instanceNumber());
        assertNotEquals(null, v.seriesProperty().get());
        assertEquals(9, v.overlayProperty().get().expected());
    }
}
