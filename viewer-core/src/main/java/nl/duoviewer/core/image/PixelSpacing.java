package nl.duoviewer.core.image;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/**
 * The physical size of a pixel, and what that size means. Pixel Spacing (0028,0030) is in the patient (or, for
 * projection images, corrected to it); Imager Pixel Spacing (0018,1164) is at the detector, so a length from it is not
 * the length in the patient (the beam magnifies) and must be labelled as such; without either, lengths are in pixels.
 *
 * @param rowMm    distance between the centres of adjacent rows (the first value of the attribute), 0 for NONE
 * @param columnMm distance between the centres of adjacent columns (the second value), 0 for NONE
 */
public record PixelSpacing(double rowMm, double columnMm, Kind kind) {

    /** Where the spacing came from. */
    public enum Kind {
        /** Pixel Spacing: millimetres in the patient. */
        PATIENT,
        /** Imager Pixel Spacing only: millimetres at the detector. */
        DETECTOR,
        /** Neither: lengths in pixels. */
        NONE
    }

    public static final PixelSpacing NONE = new PixelSpacing(0, 0, Kind.NONE);

    public PixelSpacing {
        if (kind != Kind.NONE && !(rowMm > 0 && columnMm > 0 && Double.isFinite(rowMm) && Double.isFinite(columnMm))) {
            throw new IllegalArgumentException("pixel spacing must be positive, got " + rowMm + "\\" + columnMm);
        }
    }

    /** True when lengths are in millimetres (at the patient or the detector). */
    public boolean calibrated() {
        return kind != Kind.NONE;
    }

    /**
     * The spacing an image object states: Pixel Spacing at the top level, else in the Pixel Measures of the shared
     * functional groups (enhanced multi-frame), else of the first frame's; else Imager Pixel Spacing; else NONE.
     * Unusable values (missing, zero, negative) count as absent.
     */
    public static PixelSpacing of(DicomObject ds) {
        PixelSpacing s = patient(ds);
        if (s == null) {
            s = patient(measures(ds.getItem(Tag.SharedFunctionalGroupsSequence)));
        }
        if (s == null) {
            s = patient(measures(ds.getItem(Tag.PerFrameFunctionalGroupsSequence)));
        }
        if (s != null) {
            return s;
        }
        double[] imager = ds.getDoubles(Tag.ImagerPixelSpacing);
        return usable(imager) ? new PixelSpacing(imager[0], imager[1], Kind.DETECTOR) : NONE;
    }

    private static DicomObject measures(DicomObject group) {
        return group == null ? null : group.getItem(Tag.PixelMeasuresSequence);
    }

    private static PixelSpacing patient(DicomObject ds) {
        if (ds == null) {
            return null;
        }
        double[] v = ds.getDoubles(Tag.PixelSpacing);
        return usable(v) ? new PixelSpacing(v[0], v[1], Kind.PATIENT) : null;
    }

    private static boolean usable(double[] v) {
        return v.length >= 2 && v[0] > 0 && v[1] > 0 && Double.isFinite(v[0]) && Double.isFinite(v[1]);
    }
}
