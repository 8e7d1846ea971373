package nl.duoviewer.app.viewer;

import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.SliceGeometry;

/**
 * Which slice of one series matches a slice of another, for synchronised scrolling of a study and its prior (or two
 * series). When every slice of both series says where it lies in one shared Frame of Reference, with parallel
 * planes, the match is the slice nearest in position along the normal ({@link Mode#POSITION}): the same anatomy
 * whatever the slice spacing or the number of slices. Otherwise positions in two frames of reference mean nothing
 * to each other, and the match is the same relative position in the stack ({@link Mode#RELATIVE}), which the user
 * corrects with an offset in slices. Plain Java: no JavaFX, tested on its own.
 */
public final class SliceSync {

    /** How two series are matched. */
    public enum Mode {
        /** By Image Position (Patient) along the slice normal, in their shared Frame of Reference. */
        POSITION,
        /** By relative position in the stack (first to first, last to last), plus the user's offset. */
        RELATIVE
    }

    private SliceSync() {
    }

    /** How {@code from} and {@code to} are matched, as far as their frames received so far say. */
    public static Mode mode(SeriesStack from, SeriesStack to) {
        if (from == null || to == null || from.size() == 0 || to.size() == 0) {
            return Mode.RELATIVE;
        }
        SliceGeometry reference = from.get(0).geometry();
        if (reference == null) {
            return Mode.RELATIVE;
        }
        return placed(from, reference) && placed(to, reference) ? Mode.POSITION : Mode.RELATIVE;
    }

    /** Every frame has geometry in the reference's Frame of Reference, parallel to it. */
    private static boolean placed(SeriesStack stack, SliceGeometry reference) {
        for (int i = 0; i < stack.size(); i++) {
            SliceGeometry g = stack.get(i).geometry();
            if (g == null || !g.frameOfReferenceUid().equals(reference.frameOfReferenceUid())
                    || !g.parallelTo(reference)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index in {@code to} that matches index {@code fromIndex} of {@code from}, moved by {@code offset} slices
     * and kept within {@code to}; -1 when either series has no frames.
     */
    public static int map(SeriesStack from, int fromIndex, SeriesStack to, int offset) {
        if (from == null || to == null || from.size() == 0 || to.size() == 0) {
            return -1;
        }
        int at = Math.max(0, Math.min(from.size() - 1, fromIndex));
        int matched = mode(from, to) == Mode.POSITION ? nearestByPosition(from.get(at), to)
                : byRelativePosition(at, from.size(), to.size());
        long moved = (long) matched + offset;
        return (int) Math.max(0, Math.min(to.size() - 1L, moved));
    }

    private static int nearestByPosition(DecodedFrame frame, SeriesStack to) {
        double[] normal = frame.geometry().normal();
        double target = frame.geometry().distanceAlong(normal);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < to.size(); i++) {
            double d = Math.abs(to.get(i).geometry().distanceAlong(normal) - target);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int byRelativePosition(int index, int fromSize, int toSize) {
        if (fromSize <= 1 || toSize <= 1) {
            return 0;
        }
        return (int) Math.round(index * (toSize - 1) / (double) (fromSize - 1));
    }
}
