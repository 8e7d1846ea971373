package nl.duoviewer.core.pixel;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.Photometric;

/**
 * Maps a decoded frame to the pixels the viewer holds. Greyscale keeps its stored values (windowing happens at
 * display time) with the rescale and the inversion of MONOCHROME1; colour is resolved once to ARGB here, whatever the
 * interpretation after decoding (RGB, YBR_FULL/_422/PARTIAL, PALETTE COLOR). The interpretation is the decoder's
 * ({@link FrameBuffer#photometric()}), not the header's: a YBR JPEG comes out of its decoder as RGB.
 */
public final class DisplayPixels {

    private static final RenderSettings COLOUR = new RenderSettings(ModalityLut.IDENTITY, null,
            PresentationLut.IDENTITY);

    private final FrameRenderer renderer = new FrameRenderer();
    private final DisplayImage scratch = new DisplayImage();

    /** The pixels of a decoded frame. Not thread-safe: one instance per decoding thread. */
    public FramePixels of(FrameBuffer frame, ImageAttributes image) {
        if (frame.photometric().isMonochrome()) {
            return grey(frame, image);
        }
        int n = frame.rows() * frame.columns();
        int[] argb = new int[n];
        if (frame.photometric() == Photometric.RGB) {
            rgb(frame, argb);
        } else {
            renderer.renderArgb(frame, COLOUR, image.palette(), scratch);
            System.arraycopy(scratch.argb(), 0, argb, 0, n);
        }
        return new ColorPixels(frame.columns(), frame.rows(), argb);
    }

    /** RGB of any depth to 8 bits per channel (read as unsigned longs, so 32-bit samples keep their top bits). */
    private static void rgb(FrameBuffer frame, int[] argb) {
        int shift = Math.max(0, frame.bitsStored() - 8);
        for (int i = 0, k = 0; i < argb.length; i++, k += 3) {
            argb[i] = 0xFF000000 | channel(frame.sampleLong(k), shift) << 16
                    | channel(frame.sampleLong(k + 1), shift) << 8 | channel(frame.sampleLong(k + 2), shift);
        }
    }

    private static int channel(long sample, int shift) {
        long v = sample >> shift;
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }

    private static GrayscalePixels grey(FrameBuffer frame, ImageAttributes image) {
        int w = frame.columns();
        int h = frame.rows();
        int n = w * h;
        short[] stored = new short[n];
        switch (frame.kind()) {
            case U8 -> {
                byte[] s = frame.bytes();
                for (int i = 0; i < n; i++) {
                    stored[i] = (short) (s[i] & 0xFF);
                }
            }
            case S8 -> {
                byte[] s = frame.bytes();
                for (int i = 0; i < n; i++) {
                    stored[i] = s[i];
                }
            }
            case U16, S16 -> System.arraycopy(frame.shorts(), 0, stored, 0, n);
            default -> {
                return narrowed(frame, image);
            }
        }
        return new GrayscalePixels(w, h, stored, frame.kind().signed(), image.modalityLut(), image.voiFunction(),
                image.inverted());
    }

    /**
     * A 17..32-bit frame (e.g. RT dose) in the 16 bits the viewer holds: values are taken relative to the frame's
     * minimum and shifted right as far as needed, and the rescale is adjusted so modality values stay the same
     * (the shifted-out low bits are the only loss).
     */
    private static GrayscalePixels narrowed(FrameBuffer frame, ImageAttributes image) {
        if (!(image.modalityLut() instanceof ModalityLut.Rescale rescale)) {
            throw new IllegalArgumentException("a Modality LUT Sequence on " + frame.bitsStored()
                    + "-bit samples cannot be applied (its table indexes at most 16 bits)");
        }
        int n = frame.rows() * frame.columns();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long v = frame.sampleLong(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int shift = 0;
        while ((max - min) >> shift > 0xFFFF) {
            shift++;
        }
        short[] stored = new short[n];
        for (int i = 0; i < n; i++) {
            stored[i] = (short) ((frame.sampleLong(i) - min) >> shift);
        }
        double slope = rescale.slope() * (1L << shift);
        double intercept = rescale.intercept() + rescale.slope() * min;
        return new GrayscalePixels(frame.columns(), frame.rows(), stored, false, new ModalityLut.Rescale(slope,
                intercept), image.voiFunction(), image.inverted());
    }
}
