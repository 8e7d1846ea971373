package nl.duoviewer.app.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.GrayscalePixels;

/**
 * The frames of the open study, grouped by series, held within a memory budget. Frames beyond the budget are counted
 * and dropped rather than risking the heap; the viewer tells the user.
 */
public final class StudyFrames {

    private final Map<String, SeriesStack> series = new LinkedHashMap<>();
    private final long budgetBytes;
    private long heldBytes;
    private int dropped;

    /** @param budgetBytes pixel memory the open study may hold */
    public StudyFrames(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The default budget: a third of the maximum heap, so decoding and rendering keep their room. */
    public static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 3;
    }

    /** Result of adding a frame. */
    public record Added(SeriesStack stack, int index) {
    }

    /** Adds a frame; returns where it went, or null when it was a duplicate or over the memory budget. */
    public Added add(DecodedFrame frame) {
        long size = bytes(frame.pixels());
        if (heldBytes + size > budgetBytes) {
            dropped++;
            return null;
        }
        SeriesStack stack = series.computeIfAbsent(frame.seriesInstanceUid(), SeriesStack::new);
        int index = stack.add(frame);
        if (index < 0) {
            return null;
        }
        heldBytes += size;
        return new Added(stack, index);
    }

    public SeriesStack series(String seriesInstanceUid) {
        return series.get(seriesInstanceUid);
    }

    /** Series in series-number order (unnumbered last), then in arrival order. */
    public List<SeriesStack> allSeries() {
        List<SeriesStack> all = new ArrayList<>(series.values());
        all.sort(Comparator.comparingInt(s -> s.first().seriesNumber() <= 0 ? Integer.MAX_VALUE
                : s.first().seriesNumber()));
        return all;
    }

    public int frameCount() {
        return series.values().stream().mapToInt(SeriesStack::size).sum();
    }

    /** Frames not kept because the memory budget was reached. */
    public int dropped() {
        return dropped;
    }

    private static long bytes(FramePixels pixels) {
        return switch (pixels) {
            case GrayscalePixels g -> 2L * g.stored().length;
            case ColorPixels c -> 4L * c.argb().length;
        };
    }
}
