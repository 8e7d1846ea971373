package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.testing.Phantom;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.SliceGeometry;
import nl.duoviewer.core.pixel.WindowLevel;

/** Known answers: which slice of one series matches a slice of another. Plain JUnit. */
class SliceSyncTest {

    /** A series of axial slices, the first at {@code topZ}, then {@code step} mm lower each (feet-ward). */
    static SeriesStack axial(String series, String frameOfReference, int count, double topZ, double step) {
        SeriesStack stack = new SeriesStack(series);
        for (int i = 0; i < count; i++) {
            SliceGeometry g = frameOfReference == null ? null
                    : new SliceGeometry(frameOfReference, -175, -175, topZ - i * step, 1, 0, 0, 0, 1, 0);
            stack.add(new DecodedFrame("1.2", series, 1, "", "CT", i + 1, 1, count, Phantom.slice(8, i, count),
                    new WindowLevel(40, 400), g));
        }
        return stack;
    }

    @Test
    void inASharedFrameOfReferenceTheNearestSliceByPositionIsChosen() {
        // current: 1 mm from z=0 down to z=-59; prior: 3 mm from z=-10 down to z=-67, covering a shifted range
        SeriesStack current = axial("c", "FOR-1", 60, 0, 1);
        SeriesStack prior = axial("p", "FOR-1", 20, -10, 3);
        assertEquals(SliceSync.Mode.POSITION, SliceSync.mode(current, prior));
        assertEquals(0, SliceSync.map(current, 0, prior, 0), "z=0 is above the prior: its top slice");
        assertEquals(0, SliceSync.map(current, 11, prior, 0), "z=-11: nearest -10");
        assertEquals(1, SliceSync.map(current, 12, prior, 0), "z=-12: nearest -13");
        assertEquals(10, SliceSync.map(current, 40, prior, 0), "z=-40: slice 10 at -40");
        assertEquals(16, SliceSync.map(current, 59, prior, 0), "z=-59: nearest -58");
        assertEquals(40, SliceSync.map(prior, 10, current, 0), "back: z=-40 is current slice 40");
        assertEquals(12, SliceSync.map(current, 40, prior, 2), "an offset moves the match");
        assertEquals(19, SliceSync.map(current, 59, prior, 9), "within the series");
    }

    @Test
    void positionsWinOverStackOrderEvenWhenTheSeriesRunTheOtherWay() {
        SeriesStack current = axial("c", "FOR-1", 10, -90, -10); // z = -90, -80, ... 0: feet first
        SeriesStack prior = axial("p", "FOR-1", 10, 0, 10);      // z = 0, -10, ... -90: head first
        assertEquals(9, SliceSync.map(current, 0, prior, 0));
        assertEquals(2, SliceSync.map(current, 7, prior, 0));
    }

    @Test
    void withoutASharedFrameOfReferenceTheRelativePositionIsMatched() {
        SeriesStack current = axial("c", "FOR-1", 60, 0, 1);
        SeriesStack prior = axial("p", "FOR-2", 20, -10, 3);
        assertEquals(SliceSync.Mode.RELATIVE, SliceSync.mode(current, prior));
        assertEquals(0, SliceSync.map(current, 0, prior, 0));
        assertEquals(19, SliceSync.map(current, 59, prior, 0), "last to last");
        assertEquals(Math.round(30 * 19 / 59.0), SliceSync.map(current, 30, prior, 0));
        assertEquals(13, SliceSync.map(current, 40, prior, 0), "40/59 of the way: 12.88");
        assertEquals(10, SliceSync.map(current, 40, prior, -3), "with the user's offset");
        assertEquals(0, SliceSync.map(current, 2, prior, -5), "kept within the series");
    }

    @Test
    void aSeriesWithoutPositionsOrWithAnotherOrientationIsMatchedRelatively() {
        SeriesStack current = axial("c", "FOR-1", 10, 0, 1);
        assertEquals(SliceSync.Mode.RELATIVE, SliceSync.mode(current, axial("p", null, 10, 0, 1)));
        SeriesStack coronal = new SeriesStack("k");
        IntStream.range(0, 10).forEach(i -> coronal.add(new DecodedFrame("1.2", "k", 1, "", "CT", i + 1, 1, 10,
                Phantom.slice(8, i, 10), null, new SliceGeometry("FOR-1", -175, -50 + i * 10, 0, 1, 0, 0, 0, 0,
                -1))));
        assertEquals(SliceSync.Mode.RELATIVE, SliceSync.mode(current, coronal), "not parallel");
        assertEquals(-1, SliceSync.map(current, 0, new SeriesStack("empty"), 0));
    }
}
