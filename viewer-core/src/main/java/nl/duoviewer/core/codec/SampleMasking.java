package nl.duoviewer.core.codec;

import nl.duoviewer.core.image.FrameBuffer;

/**
 * Reduces raw container values to the stored value per PS3.5 8.1.1: bits above High Bit and below
 * High Bit - Bits Stored + 1 are not part of the value (they may hold overlays or garbage), and signed values are
 * sign-extended from bit Bits Stored - 1.
 */
public final class SampleMasking {
    private SampleMasking() {
    }

    /** True when values in a container of {@code containerBits} need shifting, masking or sign extension. */
    public static boolean needed(int containerBits, int bitsStored, int highBit) {
        return bitsStored < containerBits || highBit != bitsStored - 1;
    }

    /**
     * Applies the rule in place to the first {@code count} samples of {@code out}.
     *
     * @param lowBit bit position of the value's least significant bit (High Bit - Bits Stored + 1; 0 for codecs)
     */
    public static void apply(FrameBuffer out, int count, int bitsStored, int lowBit, boolean signed) {
        int containerBits = out.kind().containerBits();
        if (bitsStored == containerBits && lowBit == 0) {
            return; // the container already is the value (two's complement for signed)
        }
        int drop = 32 - bitsStored;
        int mask = bitsStored == 32 ? -1 : (1 << bitsStored) - 1;
        switch (containerBits) {
            case 8 -> {
                byte[] a = out.bytes();
                for (int i = 0; i < count; i++) {
                    int v = (a[i] & 0xFF) >>> lowBit;
                    a[i] = (byte) (signed ? (v << drop) >> drop : v & mask);
                }
            }
            case 16 -> {
                short[] a = out.shorts();
                for (int i = 0; i < count; i++) {
                    int v = (a[i] & 0xFFFF) >>> lowBit;
                    a[i] = (short) (signed ? (v << drop) >> drop : v & mask);
                }
            }
            default -> {
                int[] a = out.ints();
                for (int i = 0; i < count; i++) {
                    int v = a[i] >>> lowBit;
                    a[i] = signed ? (v << drop) >> drop : v & mask;
                }
            }
        }
    }
}
