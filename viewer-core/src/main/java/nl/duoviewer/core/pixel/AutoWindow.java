package nl.duoviewer.core.pixel;

import nl.duoviewer.core.image.FrameBuffer;

/** A window covering the frame's modality value range, for images whose dataset gives none. */
public final class AutoWindow {
    private AutoWindow() {
    }

    /**
     * LINEAR window from the minimum to the maximum modality value of the frame's samples (first sample only for
     * colour, which is not windowed anyway). A constant image gets width 1.
     */
    public static VoiLut.Window of(FrameBuffer frame, ModalityLut modality) {
        int n = frame.sampleCount();
        int step = frame.samplesPerPixel();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i += step) {
            long v = frame.sampleLong(i);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        double a = modality.apply((int) min);
        double b = modality.apply((int) max);
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (modality instanceof ModalityLut.Table) {
            // a table need not be monotonic: scan its outputs over the stored range
            lo = Double.MAX_VALUE;
            hi = -Double.MAX_VALUE;
            for (long v = min; v <= max; v++) {
                double m = modality.apply((int) v);
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        double width = Math.max(1, hi - lo + 1);
        // LINEAR maps c - 0.5 - (w-1)/2 to black and c - 0.5 + (w-1)/2 to white: solve for lo and hi
        return new VoiLut.Window((lo + hi) / 2 + 0.5, width, VoiFunction.LINEAR);
    }
}
