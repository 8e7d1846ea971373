package nl.duoviewer.app.viewer;

import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.ModalityLut;
import nl.duoviewer.core.pixel.VoiFunction;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Turns decoded pixels into opaque ARGB for display. Grayscale goes through a lookup table over all 65536 stored
 * values, built for the frame's modality transformation (rescale or Modality LUT table), the current window with the
 * frame's VOI LUT Function (LINEAR, LINEAR_EXACT or SIGMOID, PS3.3 C.11.2.1) and the presentation inversion, so
 * rendering a frame is one table lookup per pixel and a window drag costs one table rebuild. Not thread-safe: one per
 * viewport.
 */
final class FrameRenderer {

    private final int[] lut = new int[65536];
    private LutKey lutKey;

    private record LutKey(boolean signed, ModalityLut modality, VoiFunction function, boolean inverted,
                          WindowLevel window) {
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
        LutKey key = new LutKey(g.signed(), g.modality(), g.voiFunction(), g.inverted(), window);
        if (key.equals(lutKey)) {
            return;
        }
        int base = g.signed() ? -32768 : 0;
        for (int i = 0; i < lut.length; i++) {
            int gray = grey(g.voiFunction(), g.modality().apply(base + i), window);
            if (g.inverted()) {
                gray = 255 - gray;
            }
            lut[i] = 0xFF000000 | gray << 16 | gray << 8 | gray;
        }
        lutKey = key;
    }

    /** A modality value through the VOI function with the window, to an 8-bit grey level. */
    static int grey(VoiFunction function, double modality, WindowLevel window) {
        double y = function.apply(modality, window.center(), window.width(), 0, 255);
        return (int) Math.max(0, Math.min(255, Math.round(y)));
    }
}
