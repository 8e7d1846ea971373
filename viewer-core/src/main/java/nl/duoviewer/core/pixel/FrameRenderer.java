package nl.duoviewer.core.pixel;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.Photometric;

/**
 * Turns decoded frames into display pixels. Greyscale: modality LUT, VOI and presentation LUT are folded into one
 * table over every possible stored value (at most 2^16 entries), rebuilt only when the settings change, so a frame
 * costs one table lookup per pixel. Colour: RGB as is, YBR_FULL / YBR_PARTIAL_* converted with the PS3.3 C.7.6.3.1.2
 * equations, PALETTE COLOR through its tables. Not thread-safe: one renderer per view.
 */
public final class FrameRenderer {
    private byte[] greyTable = new byte[0];
    private int[] argbTable = new int[0];
    private int tableMin;
    private Object tableKey;

    /** Renders a greyscale frame (MONOCHROME1/2) into {@code out.grey()}. */
    public void renderGrey(FrameBuffer frame, RenderSettings settings, DisplayImage out) {
        requireMonochrome(frame);
        out.reset(frame.columns(), frame.rows());
        byte[] dst = out.grey();
        int n = frame.rows() * frame.columns();
        VoiLut voi = settings.voiFor(frame);
        if (!tableable(frame)) {
            for (int i = 0; i < n; i++) {
                dst[i] = (byte) display(frame.sampleLong(i), settings, voi);
            }
            return;
        }
        prepareTable(frame, settings, voi);
        byte[] t = greyTable;
        int off = -tableMin;
        switch (frame.kind()) {
            case U8 -> {
                byte[] s = frame.bytes();
                for (int i = 0; i < n; i++) {
                    dst[i] = t[(s[i] & 0xFF) + off];
                }
            }
            case S8 -> {
                byte[] s = frame.bytes();
                for (int i = 0; i < n; i++) {
                    dst[i] = t[s[i] + off];
                }
            }
            case U16 -> {
                short[] s = frame.shorts();
                for (int i = 0; i < n; i++) {
                    dst[i] = t[(s[i] & 0xFFFF) + off];
                }
            }
            default -> {
                short[] s = frame.shorts();
                for (int i = 0; i < n; i++) {
                    dst[i] = t[s[i] + off];
                }
            }
        }
    }

    /**
     * Renders any frame into {@code out.argb()} as opaque ARGB: greyscale through the settings, colour per its
     * photometric interpretation.
     *
     * @param palette the palette for PALETTE COLOR frames (null otherwise)
     */
    public void renderArgb(FrameBuffer frame, RenderSettings settings, PaletteColorLut palette, DisplayImage out) {
        out.reset(frame.columns(), frame.rows());
        int[] dst = out.argb();
        int n = frame.rows() * frame.columns();
        Photometric p = frame.photometric();
        if (p.isMonochrome()) {
            VoiLut voi = settings.voiFor(frame);
            if (!tableable(frame)) {
                for (int i = 0; i < n; i++) {
                    dst[i] = grey(display(frame.sampleLong(i), settings, voi));
                }
                return;
            }
            prepareTable(frame, settings, voi);
            int[] t = argbTable;
            int off = -tableMin;
            for (int i = 0; i < n; i++) {
                dst[i] = t[frame.sample(i) + off];
            }
            return;
        }
        switch (p) {
            case PALETTE_COLOR -> {
                if (palette == null) {
                    throw new IllegalArgumentException("PALETTE COLOR frame rendered without its palette");
                }
                for (int i = 0; i < n; i++) {
                    dst[i] = palette.argb(frame.sample(i));
                }
            }
            case RGB -> {
                int shift = Math.max(0, frame.bitsStored() - 8);
                for (int i = 0, k = 0; i < n; i++, k += 3) {
                    dst[i] = 0xFF000000 | clamp8(frame.sample(k) >> shift) << 16
                            | clamp8(frame.sample(k + 1) >> shift) << 8 | clamp8(frame.sample(k + 2) >> shift);
                }
            }
            case YBR_FULL, YBR_FULL_422 -> {
                for (int i = 0, k = 0; i < n; i++, k += 3) {
                    dst[i] = YbrToRgb.full(frame.sample(k), frame.sample(k + 1), frame.sample(k + 2));
                }
            }
            case YBR_PARTIAL_422, YBR_PARTIAL_420 -> {
                for (int i = 0, k = 0; i < n; i++, k += 3) {
                    dst[i] = YbrToRgb.partial(frame.sample(k), frame.sample(k + 1), frame.sample(k + 2));
                }
            }
            default -> throw new IllegalArgumentException("cannot display " + p.dicomName() + " frames");
        }
    }

    private static void requireMonochrome(FrameBuffer frame) {
        if (!frame.photometric().isMonochrome()) {
            throw new IllegalArgumentException("grey rendering needs MONOCHROME1/2, got "
                    + frame.photometric().dicomName());
        }
    }

    private static boolean tableable(FrameBuffer frame) {
        return frame.kind().containerBits() <= 16;
    }

    private void prepareTable(FrameBuffer frame, RenderSettings settings, VoiLut voi) {
        int bits = frame.bitsStored();
        boolean signed = frame.kind().signed();
        Object key = java.util.List.of(settings, voi, bits, signed);
        if (key.equals(tableKey)) {
            return;
        }
        int min = signed ? -(1 << (bits - 1)) : 0;
        int size = 1 << bits;
        if (greyTable.length < size) {
            greyTable = new byte[size];
            argbTable = new int[size];
        }
        for (int i = 0; i < size; i++) {
            int g = display(min + i, settings, voi);
            greyTable[i] = (byte) g;
            argbTable[i] = grey(g);
        }
        tableMin = min;
        tableKey = key;
    }

    /** The 0..255 display value of one stored value. */
    static int display(long stored, RenderSettings settings, VoiLut voi) {
        double y = voi.apply(settings.modality().apply((int) stored));
        y = y < 0 ? 0 : y > 1 ? 1 : y;
        if (settings.presentation() == PresentationLut.INVERSE) {
            y = 1 - y;
        }
        return (int) Math.round(y * 255);
    }

    private static int grey(int g) {
        return 0xFF000000 | g << 16 | g << 8 | g;
    }

    private static int clamp8(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
