package nl.duoviewer.app.viewer;

import java.util.Arrays;

import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.ModalityLut;
import nl.duoviewer.core.pixel.VoiFunction;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Turns decoded pixels into opaque ARGB for display, at the size they are shown. Grayscale goes through a lookup table
 * over all 65536 stored values, built for the frame's modality transformation (rescale or Modality LUT table), the
 * current window with the frame's VOI LUT Function (LINEAR, LINEAR_EXACT or SIGMOID, PS3.3 C.11.2.1) and the
 * presentation inversion, so a window drag costs one table rebuild and rendering is one table lookup per pixel.
 *
 * <p>The frame is resampled here (bilinear, on the stored values before the lookup, as dcm4che and Weasis do) into
 * pixels of the size it has on screen, rather than handed to JavaFX at its own size to be scaled while painting:
 * where there is no GPU (JavaFX's software pipeline, also on a virtual display) painting a scaled image cost the render
 * thread about twice what a 1:1 image costs, and the render thread is what limits the frame rate there
 * (docs/performance.md, "Scrolling"). Not thread-safe: one per viewport.
 */
final class FrameRenderer {

    /** Fixed-point bits of the interpolation weights. */
    private static final int FRACTION_BITS = 8;
    private static final int ONE = 1 << FRACTION_BITS;
    private static final int BACKGROUND = 0xFF000000;

    private final int[] lut = new int[65536];
    private LutKey lutKey;
    private int[] x0 = new int[0];
    private int[] x1 = new int[0];
    private int[] fx = new int[0];

    private record LutKey(boolean signed, ModalityLut modality, VoiFunction function, boolean inverted,
                          WindowLevel window) {
    }

    /**
     * Where the frame lies relative to the target's top-left pixel, in target pixels, and its size on screen. Target
     * pixels whose centre falls outside it are background.
     */
    record Placement(double x, double y, double width, double height) {

        /** The frame 1:1 at the target's origin. */
        static Placement identity(FramePixels frame) {
            return new Placement(0, 0, frame.width(), frame.height());
        }
    }

    /** Renders the frame 1:1 into {@code target}, which holds at least width x height pixels. */
    void render(FramePixels pixels, WindowLevel window, int[] target) {
        render(pixels, window, Placement.identity(pixels), target, pixels.width(), pixels.height());
    }

    /**
     * Renders the frame, placed and scaled as given, into a target of {@code tw} x {@code th} pixels (row by row);
     * what the frame does not cover is opaque black.
     */
    void render(FramePixels pixels, WindowLevel window, Placement at, int[] target, int tw, int th) {
        int w = pixels.width();
        int h = pixels.height();
        double scaleX = at.width() / w;
        double scaleY = at.height() / h;
        // the target columns and rows whose centres fall on the frame
        int left = clamp((int) Math.ceil(at.x() - 0.5), 0, tw);
        int right = clamp((int) Math.ceil(at.x() + at.width() - 0.5), left, tw);
        int top = clamp((int) Math.ceil(at.y() - 0.5), 0, th);
        int bottom = clamp((int) Math.ceil(at.y() + at.height() - 0.5), top, th);
        columns(at.x(), scaleX, w, left, right);
        if (pixels instanceof GrayscalePixels g) {
            prepareLut(g, window);
        }
        for (int ty = 0; ty < th; ty++) {
            int row = ty * tw;
            if (ty < top || ty >= bottom) {
                Arrays.fill(target, row, row + tw, BACKGROUND);
                continue;
            }
            double sy = (ty + 0.5 - at.y()) / scaleY - 0.5;
            double floor = Math.floor(sy);
            int y0 = clamp((int) floor, 0, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            int fy = sy < 0 ? 0 : clamp((int) Math.round((sy - floor) * ONE), 0, ONE);
            Arrays.fill(target, row, row + left, BACKGROUND);
            switch (pixels) {
                case GrayscalePixels g -> grayRow(g, y0 * w, y1 * w, fy, target, row, left, right);
                case ColorPixels c -> colorRow(c, y0 * w, y1 * w, fy, target, row, left, right);
            }
            Arrays.fill(target, row + right, row + tw, BACKGROUND);
        }
    }

    /** Per target column: the two source columns and the weight of the second. */
    private void columns(double originX, double scaleX, int w, int left, int right) {
        if (x0.length < right) {
            x0 = new int[right];
            x1 = new int[right];
            fx = new int[right];
        }
        for (int tx = left; tx < right; tx++) {
            double sx = (tx + 0.5 - originX) / scaleX - 0.5;
            double floor = Math.floor(sx);
            int c = clamp((int) floor, 0, w - 1);
            x0[tx] = c;
            x1[tx] = Math.min(c + 1, w - 1);
            fx[tx] = sx < 0 ? 0 : clamp((int) Math.round((sx - floor) * ONE), 0, ONE);
        }
    }

    private void grayRow(GrayscalePixels g, int r0, int r1, int fy, int[] target, int row, int left, int right) {
        short[] s = g.stored();
        int[] table = lut;
        // signed: values -32768..32767 index the table from 32768 on; unsigned: & 0xFFFF reads 0..65535
        int offset = g.signed() ? 32768 : 0;
        int mask = g.signed() ? -1 : 0xFFFF;
        int gy = ONE - fy;
        for (int tx = left; tx < right; tx++) {
            int a = x0[tx];
            int b = x1[tx];
            int f = fx[tx];
            int upper = (s[r0 + a] & mask) * (ONE - f) + (s[r0 + b] & mask) * f;
            int lower = (s[r1 + a] & mask) * (ONE - f) + (s[r1 + b] & mask) * f;
            // the weights sum to ONE * ONE; rounded to the nearest stored value
            long v = ((long) upper * gy + (long) lower * fy + (1L << (2 * FRACTION_BITS - 1))) >> (2 * FRACTION_BITS);
            target[row + tx] = table[(int) v + offset];
        }
    }

    private void colorRow(ColorPixels c, int r0, int r1, int fy, int[] target, int row, int left, int right) {
        int[] p = c.argb();
        int gy = ONE - fy;
        for (int tx = left; tx < right; tx++) {
            int a = x0[tx];
            int b = x1[tx];
            int f = fx[tx];
            int p00 = p[r0 + a];
            int p01 = p[r0 + b];
            int p10 = p[r1 + a];
            int p11 = p[r1 + b];
            int out = BACKGROUND;
            for (int shift = 0; shift <= 16; shift += 8) {
                int upper = (p00 >> shift & 0xFF) * (ONE - f) + (p01 >> shift & 0xFF) * f;
                int lower = (p10 >> shift & 0xFF) * (ONE - f) + (p11 >> shift & 0xFF) * f;
                int v = (upper * gy + lower * fy + (1 << (2 * FRACTION_BITS - 1))) >> (2 * FRACTION_BITS);
                out |= v << shift;
            }
            target[row + tx] = out;
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

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
