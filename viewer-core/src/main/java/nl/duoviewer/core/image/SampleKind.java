package nl.duoviewer.core.image;

/** How decoded samples are held in a {@link FrameBuffer}: container width and signedness. */
public enum SampleKind {
    /** 1..8 bits stored, unsigned, in {@code byte[]} (read with {@code & 0xFF}). */
    U8(8, false),
    /** 1..8 bits stored, signed, sign-extended into {@code byte[]}. */
    S8(8, true),
    /** 9..16 bits stored, unsigned, in {@code short[]} (read with {@code & 0xFFFF}). */
    U16(16, false),
    /** 9..16 bits stored, signed, sign-extended into {@code short[]}. */
    S16(16, true),
    /** 17..32 bits stored, unsigned, in {@code int[]} (read with {@code & 0xFFFFFFFFL}). */
    U32(32, false),
    /** 17..32 bits stored, signed, sign-extended into {@code int[]}. */
    S32(32, true);

    private final int containerBits;
    private final boolean signed;

    SampleKind(int containerBits, boolean signed) {
        this.containerBits = containerBits;
        this.signed = signed;
    }

    public int containerBits() {
        return containerBits;
    }

    public boolean signed() {
        return signed;
    }

    /** The container for a dataset's Bits Allocated (1 and 8 share the byte container). */
    public static SampleKind forAllocated(int bitsAllocated, boolean signed) {
        if (bitsAllocated <= 8) {
            return signed ? S8 : U8;
        }
        if (bitsAllocated <= 16) {
            return signed ? S16 : U16;
        }
        return signed ? S32 : U32;
    }
}
