package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.testing.Phantom;
import nl.duoviewer.core.pixel.DecodedFrame;

class StudyFramesTest {

    @Test
    void framesAreKeptInStackOrderWhateverOrderTheyArriveIn() {
        StudyFrames frames = new StudyFrames(Long.MAX_VALUE);
        for (int i : new int[] {5, 1, 9, 3, 2}) {
            assertNotNull(frames.add(Phantom.frame("s", "se", 1, i, 9, 16)));
        }
        SeriesStack stack = frames.series("se");
        assertEquals(List.of(1, 2, 3, 5, 9), java.util.stream.IntStream.range(0, stack.size())
                .mapToObj(i -> stack.get(i).instanceNumber()).toList());
        assertEquals(9, stack.expected());
    }

    @Test
    void aDuplicateFrameIsNotAddedTwice() {
        StudyFrames frames = new StudyFrames(Long.MAX_VALUE);
        frames.add(Phantom.frame("s", "se", 1, 1, 2, 16));
        assertNull(frames.add(Phantom.frame("s", "se", 1, 1, 2, 16)));
        assertEquals(1, frames.frameCount());
    }

    @Test
    void seriesAreOrderedBySeriesNumber() {
        StudyFrames frames = new StudyFrames(Long.MAX_VALUE);
        frames.add(Phantom.frame("s", "b", 3, 1, 1, 16));
        frames.add(Phantom.frame("s", "a", 1, 1, 1, 16));
        frames.add(new DecodedFrame("s", "c", 0, "", "CT", 1, 1, 1, Phantom.slice(16, 0, 1), null));
        assertEquals(List.of("a", "b", "c"), frames.allSeries().stream().map(SeriesStack::seriesInstanceUid).toList());
    }

    @Test
    void framesBeyondTheMemoryBudgetAreDroppedAndCounted() {
        long oneFrame = 2L * 16 * 16;
        StudyFrames frames = new StudyFrames(3 * oneFrame);
        for (int i = 1; i <= 5; i++) {
            frames.add(Phantom.frame("s", "se", 1, i, 5, 16));
        }
        assertEquals(3, frames.frameCount());
        assertEquals(2, frames.dropped());
    }
}
