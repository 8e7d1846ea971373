package nl.duoviewer.app.viewer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * The frames of one series received so far, kept in stack order (instance number, then frame number) whatever order
 * they arrived in.
 */
public final class SeriesStack {

    static final Comparator<DecodedFrame> STACK_ORDER = Comparator.comparingInt(DecodedFrame::instanceNumber)
            .thenComparingInt(DecodedFrame::frameNumber);

    private final String seriesInstanceUid;
    private final List<DecodedFrame> frames = new ArrayList<>();
    private int expected;

    SeriesStack(String seriesInstanceUid) {
        this.seriesInstanceUid = seriesInstanceUid;
    }

    /**
     * Adds a frame in stack order.
     *
     * @return the index it was inserted at, or -1 when a frame with the same position was already there
     */
    int add(DecodedFrame frame) {
        int at = Collections.binarySearch(frames, frame, STACK_ORDER);
        expected = Math.max(expected, frame.expectedInSeries());
        if (at >= 0) {
            return -1; // the same instance delivered twice (e.g. after a retry)
        }
        int index = -at - 1;
        frames.add(index, frame);
        return index;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    public int size() {
        return frames.size();
    }

    public DecodedFrame get(int index) {
        return frames.get(index);
    }

    /** Where a frame of this series sits in the stack, or -1 when it is not (or no longer) here. */
    public int indexOf(DecodedFrame frame) {
        int at = Collections.binarySearch(frames, frame, STACK_ORDER);
        return at >= 0 && frames.get(at) == frame ? at : -1;
    }

    /** Frames the series will have when complete, as far as the source said; at least the frames received. */
    public int expected() {
        return Math.max(expected, frames.size());
    }

    /** The first frame's description for the series chooser, e.g. "3 · CT · Thorax 1 mm". */
    public DecodedFrame first() {
        return frames.getFirst();
    }
}
