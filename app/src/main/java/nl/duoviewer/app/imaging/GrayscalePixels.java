package nl.duoviewer.app.imaging;

import java.util.Objects;

/**
 * A grayscale frame as stored values of up to 16 bits, plus the rescale that maps them to modality units.
 * Windowing happens at display time, so the full stored precision is kept.
 *
 * @param stored    one value per pixel, row by row; read as unsigned unless {@code signed}
 * @param signed    Pixel Representation 1
 * @param slope     Rescale Slope
 * @param intercept Rescale Intercept
 * @param inverted  MONOCHROME1: low values are white
 */
public record GrayscalePixels(int width, int height, short[] stored, boolean signed, double slope, double intercept,
                              boolean inverted) implements FramePixels {

    public GrayscalePixels {
        Objects.requireNonNull(stored, "stored");
        if (width <= 0 || height <= 0 || (long) width * height != stored.length) {
            throw new IllegalArgumentException("pixel count " + stored.length + " does not match " + width + "x"
                    + height);
        }
        if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("invalid rescale " + slope + "/" + intercept);
        }
    }

    /** An 8-bit frame (e.g. a secondary capture) with no rescale. */
    public static GrayscalePixels ofBytes(int width, int height, byte[] values) {
        short[] s = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = (short) (values[i] & 0xFF);
        }
        return new GrayscalePixels(width, height, s, false, 1, 0, false);
    }

    /** The stored value at an index, as a plain int. */
    public int storedAt(int index) {
        return signed ? stored[index] : stored[index] & 0xFFFF;
    }

    /** Smallest and largest modality value in the frame, for a default window when the source sent none. */
    public WindowLevel fullRange() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < stored.length; i++) {
            int v = storedAt(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double a = min * slope + intercept;
        double b = max * slope + intercept;
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        return new WindowLevel((lo + hi) / 2, Math.max(1, hi - lo));
    }
}
