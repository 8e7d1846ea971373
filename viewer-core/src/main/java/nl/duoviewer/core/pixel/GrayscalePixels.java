package nl.duoviewer.core.pixel;

import java.util.Objects;

/**
 * A grayscale frame as stored values of up to 16 bits, plus how the source says to show them: the modality
 * transformation to modality units (rescale, or a Modality LUT Sequence table) and the VOI LUT Function its windows
 * use. Windowing happens at display time, so the full stored precision is kept.
 *
 * @param stored      one value per pixel, row by row; read as unsigned unless {@code signed}
 * @param signed      Pixel Representation 1
 * @param modality    stored values to modality values (PS3.3 C.11.1)
 * @param voiFunction how a window maps modality values to grey levels (VOI LUT Function, LINEAR when absent)
 * @param inverted    MONOCHROME1 or Presentation LUT Shape INVERSE: low values are white
 */
public record GrayscalePixels(int width, int height, short[] stored, boolean signed, ModalityLut modality,
                              VoiFunction voiFunction, boolean inverted) implements FramePixels {

    public GrayscalePixels {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(voiFunction, "voiFunction");
        if (width <= 0 || height <= 0 || (long) width * height != stored.length) {
            throw new IllegalArgumentException("pixel count " + stored.length + " does not match " + width + "x"
                    + height);
        }
    }

    /** A frame with a linear rescale and the LINEAR VOI function. */
    public GrayscalePixels(int width, int height, short[] stored, boolean signed, double slope, double intercept,
                           boolean inverted) {
        this(width, height, stored, signed, new ModalityLut.Rescale(slope, intercept), VoiFunction.LINEAR, inverted);
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
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (modality instanceof ModalityLut.Rescale) {
            lo = Math.min(modality.apply(min), modality.apply(max));
            hi = Math.max(modality.apply(min), modality.apply(max));
        } else {
            // a table need not be monotonic: every stored value in the frame's range (at most 65536) is looked at
            for (int v = min; v <= max; v++) {
                double m = modality.apply(v);
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        return new WindowLevel((lo + hi) / 2, Math.max(1, hi - lo));
    }
}
