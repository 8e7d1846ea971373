package nl.duoviewer.core.dicom;

/**
 * DICOM value representations (PS3.5 section 6.2), with what the parser and writer need to know about each: header
 * form in explicit VR, padding, binary element size and whether the Specific Character Set applies.
 */
public enum VR {
    AE(Kind.STRING, false, ' ', 0, false),
    AS(Kind.STRING, false, ' ', 0, false),
    AT(Kind.BINARY, false, 0, 2, false),
    CS(Kind.STRING, false, ' ', 0, false),
    DA(Kind.STRING, false, ' ', 0, false),
    DS(Kind.STRING, false, ' ', 0, false),
    DT(Kind.STRING, false, ' ', 0, false),
    FD(Kind.BINARY, false, 0, 8, false),
    FL(Kind.BINARY, false, 0, 4, false),
    IS(Kind.STRING, false, ' ', 0, false),
    LO(Kind.STRING, false, ' ', 0, true),
    LT(Kind.TEXT, false, ' ', 0, true),
    OB(Kind.BINARY, true, 0, 1, false),
    OD(Kind.BINARY, true, 0, 8, false),
    OF(Kind.BINARY, true, 0, 4, false),
    OL(Kind.BINARY, true, 0, 4, false),
    OV(Kind.BINARY, true, 0, 8, false),
    OW(Kind.BINARY, true, 0, 2, false),
    PN(Kind.STRING, false, ' ', 0, true),
    SH(Kind.STRING, false, ' ', 0, true),
    SL(Kind.BINARY, false, 0, 4, false),
    SQ(Kind.SEQUENCE, true, 0, 0, false),
    SS(Kind.BINARY, false, 0, 2, false),
    ST(Kind.TEXT, false, ' ', 0, true),
    SV(Kind.BINARY, true, 0, 8, false),
    TM(Kind.STRING, false, ' ', 0, false),
    UC(Kind.STRING, true, ' ', 0, true),
    UI(Kind.STRING, false, 0, 0, false),
    UL(Kind.BINARY, false, 0, 4, false),
    UN(Kind.BINARY, true, 0, 1, false),
    UR(Kind.TEXT, true, ' ', 0, false),
    US(Kind.BINARY, false, 0, 2, false),
    UT(Kind.TEXT, true, ' ', 0, true),
    UV(Kind.BINARY, true, 0, 8, false);

    /** How a value of this VR is held. */
    public enum Kind {
        /** Character string, possibly multi-valued with backslash separators. */
        STRING,
        /** Character string that is single-valued (backslash is an ordinary character). */
        TEXT,
        /** Fixed-size binary numbers or raw bytes. */
        BINARY,
        /** Sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[index(vr.name().charAt(0), vr.name().charAt(1))] = vr;
        }
    }

    private final Kind kind;
    private final boolean longHeader;
    private final int padding;
    private final int elementSize;
    private final boolean charsetDependent;

    VR(Kind kind, boolean longHeader, int padding, int elementSize, boolean charsetDependent) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.padding = padding;
        this.elementSize = elementSize;
        this.charsetDependent = charsetDependent;
    }

    /** The VR for two code bytes, or null when they are not a known VR (a corrupt or non-conformant header). */
    public static VR of(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        return BY_CODE[index(b0, b1)];
    }

    private static int index(int c0, int c1) {
        return (c0 - 'A') * 26 + (c1 - 'A');
    }

    public Kind kind() {
        return kind;
    }

    /** True for character VRs (multi-valued strings and single-valued texts). */
    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** True when explicit VR encoding uses 2 reserved bytes and a 4-byte length (PS3.5 7.1.2). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** Byte used to pad values to even length: space for most strings, NUL for UI and binary. */
    public int paddingByte() {
        return padding;
    }

    /** Size of one binary number (for byte swapping), 1 for byte data, 0 for strings and sequences. */
    public int elementSize() {
        return elementSize;
    }

    /** True when the value's bytes are encoded with the dataset's Specific Character Set. */
    public boolean isCharsetDependent() {
        return charsetDependent;
    }
}
