package nl.duoviewer.app.viewer;

import java.util.Arrays;

import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.ModalityLut;
import nl.duoviewer.core.pixel.VoiFunction;
import nl.duoviewer.core.pixel.VoiLut;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Turns decoded pixels into opaque ARGB for display, at the size they are shown. Grayscale goes through a lookup table
 * over all 65536 stored values, built for the frame's modality transformation (rescale or Modality LUT table), the
 * current window with the frame's VOI LUT Function (LINEAR, LINEAR_EXACT or SIGMOID, PS3.3 C.11.2.1) or the
 * source's VOI LUT table the user chose, and the presentation inversion (the frame's, flipped when the user inverts),
 * so a window drag costs one table rebuild and rendering is one table lookup per pixel.
 *
 * <p>The frame is resampled here (bilinear, on the stored values before the lookup, as dcm4che and Weasis do) into
 * pixels of the size it has on screen, rather than handed to JavaFX at its own size to be scaled while painting:
 * where there is no GPU (JavaFX's software pipeline, also on a virtual display) painting a scaled image cost the render
 * thread about twice what a 1:1 image costs, and the render thread is what limits the frame rate there
 * (docs/performance.md, "Scrolling"). Rotation by quarter turns and flips cost nothing extra: each screen axis still
 * maps to one axis of the frame, so the per-column and per-row source tables only change direction and stride.
 * Not thread-safe: one per viewport.
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
    private int[] y0 = new int[0];
    private int[] y1 = new int[0];
    private int[] fy = new int[0];

    private record LutKey(boolean signed, ModalityLut modality, VoiFunction function, boolean inverted,
                          WindowLevel window, VoiLut.Table table) {
    }

    /**
     * How the user looks at the frame beyond the window: a source VOI LUT table instead of the window (null: the
     * window), the orientation, and an inversion on top of the frame's own.
     */
    record Look(VoiLut.Table voiTable, Orientation orientation, boolean inverted) {

        static final Look PLAIN = new Look(null, Orientation.NONE, false);

        Look {
            orientation = orientation == null ? Orientation.NONE : orientation;
        }
    }

    /**
     * Where the frame lies relative to the target's top-left pixel, in target pixels, and its size on screen (turned as
     * it is shown: a frame on its side is as wide as it is high). Target pixels whose centre falls outside it are
     * background.
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

    void render(FramePixels pixels, WindowLevel window, Placement at, int[] target, int tw, int th) {
        render(pixels, window, Look.PLAIN, at, target, tw, th);
    }

    /**
     * Renders the frame, placed and scaled as given, into a target of {@code tw} x {@code th} pixels (row by row);
     * what the frame does not cover is opaque black.
     */
    void render(FramePixels pixels, WindowLevel window, Look look, Placement at, int[] target, int tw, int th) {
        int w = pixels.width();
        int h = pixels.height();
        Orientation o = look.orientation();
        double scaleX = at.width() / o.displayedWidth(w, h);
        double scaleY = at.height() / o.displayedHeight(w, h);
        // the target columns and rows whose centres fall on the frame
        int left = clamp((int) Math.ceil(at.x() - 0.5), 0, tw);
        int right = clamp((int) Math.ceil(at.x() + at.width() - 0.5), left, tw);
        int top = clamp((int) Math.ceil(at.y() - 0.5), 0, th);
        int bottom = clamp((int) Math.ceil(at.y() + at.height() - 0.5), top, th);
        if (x0.length < right) {
            x0 = new int[right];
            x1 = new int[right];
            fx = new int[right];
        }
        if (y0.length < bottom) {
            y0 = new int[bottom];
            y1 = new int[bottom];
            fy = new int[bottom];
        }
        sources(o.axis(true, w, h), at.x(), scaleX, w, h, left, right, x0, x1, fx);
        sources(o.axis(false, w, h), at.y(), scaleY, w, h, top, bottom, y0, y1, fy);
        if (pixels instanceof GrayscalePixels g) {
            prepareLut(g, window, look);
        }
        int flip = look.inverted() && pixels instanceof ColorPixels ? 0x00FFFFFF : 0;
        for (int ty = 0; ty < th; ty++) {
            int row = ty * tw;
            if (ty < top || ty >= bottom) {
                Arrays.fill(target, row, row + tw, BACKGROUND);
                continue;
            }
            Arrays.fill(target, row, row + left, BACKGROUND);
            switch (pixels) {
                case GrayscalePixels g -> grayRow(g, y0[ty], y1[ty], fy[ty], target, row, left, right);
                case ColorPixels c -> colorRow(c, y0[ty], y1[ty], fy[ty], target, row, left, right, flip);
            }
            Arrays.fill(target, row + right, row + tw, BACKGROUND);
        }
    }

    /**
     * Per target column (or row) from {@code from} to {@code to}: the offsets into the frame's pixels of the two
     * source samples along the frame axis this screen axis runs on, and the weight of the second.
     *
     * @param axis from {@link Orientation#axis}: which frame axis, and frame coordinate = scale x picture + offset
     */
    private static void sources(double[] axis, double origin, double screenScale, int w, int h, int from, int to,
                                int[] i0, int[] i1, int[] f) {
        boolean alongY = axis[0] == 1;
        int n = alongY ? h : w;
        int stride = alongY ? w : 1;
        for (int t = from; t < to; t++) {
            double picture = (t + 0.5 - origin) / screenScale;
            double s = axis[1] * picture + axis[2] - 0.5;
            double floor = Math.floor(s);
            int c = clamp((int) floor, 0, n - 1);
            i0[t] = c * stride;
            i1[t] = Math.min(c + 1, n - 1) * stride;
            f[t] = s < 0 ? 0 : clamp((int) Math.round((s - floor) * ONE), 0, ONE);
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

    private void colorRow(ColorPixels c, int r0, int r1, int fy, int[] target, int row, int left, int right,
                          int flip) {
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
            target[row + tx] = out ^ flip;
        }
    }

    private void prepareLut(GrayscalePixels g, WindowLevel window, Look look) {
        boolean inverted = g.inverted() != look.inverted();
        VoiLut.Table table = look.voiTable();
        LutKey key = new LutKey(g.signed(), g.modality(), g.voiFunction(), inverted, table == null ? window : null,
                table);
        if (key.equals(lutKey)) {
            return;
        }
        int base = g.signed() ? -32768 : 0;
        for (int i = 0; i < lut.length; i++) {
            double modality = g.modality().apply(base + i);
            int gray = table != null ? (int) Math.max(0, Math.min(255, Math.round(table.apply(modality) * 255)))
                    : grey(g.voiFunction(), modality, window);
            if (inverted) {
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
