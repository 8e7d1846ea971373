package nl.duoviewer.app.viewer;

import nl.duoviewer.app.imaging.ColorPixels;
import nl.duoviewer.app.imaging.FramePixels;
import nl.duoviewer.app.imaging.GrayscalePixels;
import nl.duoviewer.app.imaging.WindowLevel;

/**
 * Turns decoded pixels into opaque ARGB for display. Grayscale goes through a lookup table over all 65536 stored
 * values, built for the current rescale + window (the DICOM linear VOI function, PS3.3 C.11.2.1.2), so rendering a
 * frame is one table lookup per pixel and a window drag costs one table rebuild. Not thread-safe: one per viewport.
 */
final class FrameRenderer {

    private final int[] lut = new int[65536];
    private LutKey lutKey;

    private record LutKey(boolean signed, double slope, double intercept, boolean inverted, WindowLevel window) {
    }

    /** Renders the frame into {@code target}, which holds at least width x height pixels. */
    void render(FramePixels pixels, WindowLevel window, int[] target) {
        switch (pixels) {
            case GrayscalePixels g -> renderGray(g, window, target);
            case ColorPixels c -> System.arraycopy(c.argb(), 0, target, 0, c.argb().length);
        }
    }

    private void renderGray(GrayscalePixels g, WindowLevel window, int[] target) {
        prepareLut(g, window);
        short[] stored = g.stored();
        int offset = g.signed() ? 32768 : 0;
        for (int i = 0; i < stored.length; i++) {
            // signed: (short) + 32768 maps -32768..32767 to 0..65535; unsigned: & 0xFFFF does the same for 0..65535
            target[i] = lut[g.signed() ? stored[i] + offset : stored[i] & 0xFFFF];
        }
    }

    private void prepareLut(GrayscalePixels g, WindowLevel window) {
        LutKey key = new LutKey(g.signed(), g.slope(), g.intercept(), g.inverted(), window);
        if (key.equals(lutKey)) {
            return;
        }
        int base = g.signed() ? -32768 : 0;
        for (int i = 0; i < lut.length; i++) {
            double modality = (base + i) * g.slope() + g.intercept();
            int gray = voiLinear(modality, window);
            if (g.inverted()) {
                gray = 255 - gray;
            }
            lut[i] = 0xFF000000 | gray << 16 | gray << 8 | gray;
        }
        lutKey = key;
    }

    /** The DICOM LINEAR VOI LUT function to an 8-bit output. */
    static int voiLinear(double x, WindowLevel w) {
        double c = w.center();
        double width = w.width();
        if (width <= 1) {
            return x < c - 0.5 ? 0 : 255;
        }
        double lower = c - 0.5 - (width - 1) / 2;
        double upper = c - 0.5 + (width - 1) / 2;
        if (x <= lower) {
            return 0;
        }
        if (x > upper) {
            return 255;
        }
        double y = ((x - (c - 0.5)) / (width - 1) + 0.5) * 255;
        return (int) Math.max(0, Math.min(255, Math.round(y)));
    }
}
