package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.testing.Phantom;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.SliceGeometry;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * Layouts, the comparison with a prior, synchronised viewports and moving between series, on the view models alone:
 * plain JUnit, no JavaFX toolkit.
 */
class ReadingViewModelTest {

    final Queue<Runnable> uiQueue = new ArrayDeque<>();
    final Executor ui = uiQueue::add;
    final SimpleObjectProperty<String> name = new SimpleObjectProperty<>("J. de Vries");
    final ViewerLayoutViewModel layout = new ViewerLayoutViewModel();

    void drain() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    static TimelineEntry entry(String uid, String dateTime) {
        Timeline t = new Timeline(Records.PATIENT_A);
        t.addAll(List.of(Records.study(Records.PATIENT_A, uid, dateTime, "CT", "Thorax", "CT thorax",
                Records.ERASMUS)), List.of());
        return t.snapshot().entries().getFirst();
    }

    StudyViewModel study(String uid, String dateTime) {
        return new StudyViewModel(Records.PATIENT_A, entry(uid, dateTime), name, ui, Long.MAX_VALUE);
    }

    /** Feeds an axial series: {@code count} slices from {@code topZ} down by {@code step} mm. */
    void feed(StudyViewModel study, String series, int number, String frameOfReference, int count, double topZ,
              double step) {
        for (int i = 0; i < count; i++) {
            study.listener().frameDecoded(new DecodedFrame(study.entry().studyInstanceUid(), series, number,
                    "Thorax", "CT", i + 1, 1, count, Phantom.slice(8, i, count), new WindowLevel(40, 400),
                    new SliceGeometry(frameOfReference, -175, -175, topZ - i * step, 1, 0, 0, 0, 1, 0)));
        }
        drain();
    }

    @Test
    void layoutsAddAndRemoveViewportsThatShowTheStudy() {
        StudyViewModel s = study("1.1", "2026-10-01T09:00");
        layout.open(s);
        assertEquals(1, layout.viewports().size());
        layout.setLayout(ViewerLayout.TWO_BY_TWO);
        assertEquals(4, layout.viewports().size());
        layout.viewports().forEach(v -> assertSame(s, v.study()));
        layout.activate(layout.viewports().get(3));
        layout.setLayout(ViewerLayout.ONE_BY_TWO);
        assertEquals(2, layout.viewports().size());
        assertSame(layout.viewports().getFirst(), layout.activeViewport(), "the active one was removed");
        layout.activateNext();
        assertSame(layout.viewports().get(1), layout.activeViewport());
        layout.activateNext();
        assertSame(layout.viewports().get(0), layout.activeViewport(), "round again");
    }

    @Test
    void thePriorFillsTheRightColumnAndScrollsWithTheStudyByPositionInASharedFrameOfReference() {
        StudyViewModel current = study("1.1", "2026-10-01T09:00");
        StudyViewModel prior = study("1.2", "2026-04-01T09:00");
        layout.open(current);
        layout.showPrior(prior);
        assertTrue(layout.comparingProperty().get());
        assertEquals(ViewerLayout.ONE_BY_TWO, layout.layoutProperty().get());
        ViewportViewModel left = layout.viewports().get(0);
        ViewportViewModel right = layout.viewports().get(1);
        assertSame(current, left.study());
        assertSame(prior, right.study());
        feed(current, "1.1.1", 1, "FOR", 60, 0, 1);
        feed(prior, "1.2.1", 1, "FOR", 20, -10, 3);
        assertSame(left, layout.activeViewport());
        left.scrollBy(40);
        assertEquals(40, left.frameIndex());
        assertEquals(10, right.frameIndex(), "z=-40 in both");
        assertEquals(new ViewportSync.Status(SliceSync.Mode.POSITION, 0), layout.sync().statusProperty(right).get());

        layout.activate(right); // the user scrolls the prior: the study follows
        right.scrollBy(-5);
        assertEquals(5, right.frameIndex());
        assertEquals(25, left.frameIndex(), "z=-25");

        layout.setLayout(ViewerLayout.TWO_BY_TWO);
        assertSame(prior, layout.viewports().get(3).study(), "right column: the prior");
        assertSame(current, layout.viewports().get(2).study(), "left column: the study");
    }

    @Test
    void withoutASharedFrameOfReferenceTheRelativePositionAndTheUsersOffsetCount() {
        StudyViewModel current = study("1.1", "2026-10-01T09:00");
        StudyViewModel prior = study("1.2", "2026-04-01T09:00");
        layout.open(current);
        layout.showPrior(prior);
        feed(current, "1.1.1", 1, "FOR-A", 60, 0, 1);
        feed(prior, "1.2.1", 1, "FOR-B", 20, -10, 3);
        ViewportViewModel left = layout.viewports().get(0);
        ViewportViewModel right = layout.viewports().get(1);
        left.scrollBy(40);
        assertEquals(13, right.frameIndex(), "40/59 of the way");
        assertEquals(new ViewportSync.Status(SliceSync.Mode.RELATIVE, 0), layout.sync().statusProperty(right).get());

        layout.activate(right);
        layout.sync().scrollAlone(2); // lines the prior up by hand
        assertEquals(15, right.frameIndex());
        assertEquals(40, left.frameIndex(), "the study stays");
        assertEquals(new ViewportSync.Status(SliceSync.Mode.RELATIVE, 2), layout.sync().statusProperty(right).get());
        layout.activate(left);
        left.scrollBy(-10);
        assertEquals(30, left.frameIndex());
        assertEquals(10 + 2, right.frameIndex(), "30/59 of 19 is 9.66, plus the offset");

        layout.sync().scrollingProperty().set(false);
        left.scrollBy(10);
        assertEquals(12, right.frameIndex(), "not synchronised");
        assertNull(layout.sync().statusProperty(right).get());
    }

    @Test
    void windowZoomAndPanFollowOnlyWhenTheirToggleIsOn() {
        StudyViewModel current = study("1.1", "2026-10-01T09:00");
        StudyViewModel prior = study("1.2", "2026-04-01T09:00");
        layout.open(current);
        layout.showPrior(prior);
        feed(current, "1.1.1", 1, "FOR", 10, 0, 1);
        feed(prior, "1.2.1", 1, "FOR", 10, 0, 1);
        ViewportViewModel left = layout.viewports().get(0);
        ViewportViewModel right = layout.viewports().get(1);
        left.setWindow(new WindowLevel(-600, 1500));
        left.zoomBy(2);
        assertEquals(new WindowLevel(40, 400), right.currentWindow());
        assertEquals(1, right.zoomProperty().get());
        layout.sync().viewProperty().set(true);
        assertEquals(new WindowLevel(-600, 1500), right.currentWindow(), "caught up when switched on");
        assertEquals(2, right.zoomProperty().get());
        left.panBy(30, -12);
        assertEquals(30, right.panXProperty().get());
        assertEquals(-12, right.panYProperty().get());
    }

    @Test
    void endingTheComparisonClosesThePriorAndThePickListWaitsForTheUser() {
        StudyViewModel current = study("1.1", "2026-10-01T09:00");
        layout.open(current);
        TimelineEntry other = entry("1.3", "2020-01-01T09:00");
        List<TimelineEntry> picked = new ArrayList<>();
        layout.setOnPriorChosen(picked::add);
        layout.startComparison(List.of(other));
        assertEquals(List.of(other), layout.priorChoices());
        assertNull(layout.viewports().get(1).study(), "the right column waits for the pick");
        layout.choosePrior(entry("9.9", "2020-01-01T09:00"));
        assertEquals(List.of(), picked, "only a listed study can be picked");
        layout.choosePrior(other);
        assertEquals(List.of(other), picked);

        StudyViewModel prior = study("1.3", "2020-01-01T09:00");
        layout.showPrior(prior);
        assertEquals(List.of(), layout.priorChoices());
        layout.endComparison();
        assertTrue(prior.isClosed(), "its late frames are dropped");
        assertNull(layout.prior());
        layout.viewports().forEach(v -> assertSame(current, v.study()));
    }

    @Test
    void bracketKeysAndDroppedThumbnailsMoveBetweenSeries() {
        StudyViewModel current = study("1.1", "2026-10-01T09:00");
        layout.open(current);
        feed(current, "1.1.1", 1, "FOR", 3, 0, 1);
        feed(current, "1.1.2", 2, "FOR", 4, 0, 1);
        feed(current, "1.1.3", 3, "FOR", 5, 0, 1);
        ViewportViewModel v = layout.activeViewport();
        assertEquals("1.1.1", v.seriesProperty().get().seriesInstanceUid());
        layout.stepSeries(1);
        assertEquals("1.1.2", v.seriesProperty().get().seriesInstanceUid());
        layout.stepSeries(1);
        layout.stepSeries(1);
        assertEquals("1.1.3", v.seriesProperty().get().seriesInstanceUid(), "stops at the last");
        layout.stepSeries(-1);
        assertEquals("1.1.2", v.seriesProperty().get().seriesInstanceUid());

        layout.setLayout(ViewerLayout.ONE_BY_TWO);
        ViewportViewModel right = layout.viewports().get(1);
        layout.showSeriesIn(right, "1.1", "1.1.3");
        assertEquals("1.1.3", right.seriesProperty().get().seriesInstanceUid());
        assertSame(right, layout.activeViewport(), "the drop target becomes active");
        layout.showSeriesIn(right, "7.7", "1.1.1");
        assertEquals("1.1.3", right.seriesProperty().get().seriesInstanceUid(), "another study's series: ignored");
    }
}
