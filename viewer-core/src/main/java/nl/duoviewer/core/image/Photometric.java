package nl.duoviewer.core.image;

import java.util.Locale;

/**
 * Photometric Interpretation (0028,0004): how the stored samples of a pixel are to be read (PS3.3 C.7.6.3.1.2).
 */
public enum Photometric {
    MONOCHROME1(1),
    MONOCHROME2(1),
    PALETTE_COLOR(1),
    RGB(3),
    YBR_FULL(3),
    YBR_FULL_422(3),
    YBR_PARTIAL_422(3),
    YBR_PARTIAL_420(3),
    YBR_ICT(3),
    YBR_RCT(3),
    HSV(3),
    ARGB(4),
    CMYK(4);

    private final int samplesPerPixel;

    Photometric(int samplesPerPixel) {
        this.samplesPerPixel = samplesPerPixel;
    }

    /** Samples per pixel the interpretation requires. */
    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    /** True for the luminance/chrominance interpretations (YBR_*). */
    public boolean isYbr() {
        return name().startsWith("YBR_");
    }

    /** The DICOM code string, e.g. {@code PALETTE COLOR}. */
    public String dicomName() {
        return this == PALETTE_COLOR ? "PALETTE COLOR" : name();
    }

    /**
     * Parses the code string as written in a dataset (trailing padding and case tolerated).
     *
     * @throws IllegalArgumentException for an unknown interpretation
     */
    public static Photometric parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Photometric Interpretation is missing");
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Photometric Interpretation '" + value.trim() + "'", e);
        }
    }
}
