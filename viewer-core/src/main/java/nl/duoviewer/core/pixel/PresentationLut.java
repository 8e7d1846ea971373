package nl.duoviewer.core.pixel;

import nl.duoviewer.core.image.Photometric;

/** Presentation LUT Shape (2050,0020): whether the display values are inverted. */
public enum PresentationLut {
    IDENTITY,
    INVERSE;

    /**
     * The shape for an image: MONOCHROME1 means minimum = white, so it is always shown inverted; otherwise the
     * dataset's Presentation LUT Shape decides.
     */
    public static PresentationLut forImage(Photometric photometric, String presentationLutShape) {
        if (photometric == Photometric.MONOCHROME1) {
            return INVERSE;
        }
        return "INVERSE".equalsIgnoreCase(presentationLutShape == null ? "" : presentationLutShape.trim())
                ? INVERSE : IDENTITY;
    }

    public PresentationLut inverted() {
        return this == IDENTITY ? INVERSE : IDENTITY;
    }
}
