package nl.duoviewer.core.measure;

import java.util.Objects;

import nl.duoviewer.core.image.PixelSpacing;

/** What a measurement reads; the view words it in the user's language. */
public sealed interface Result {

    /**
     * A length.
     *
     * @param value millimetres (at the patient or the detector, as {@code unit} says) or pixels
     * @param unit  PATIENT: mm; DETECTOR: mm at the detector (Imager Pixel Spacing); NONE: px
     */
    record Length(double value, PixelSpacing.Kind unit) implements Result {
        public Length {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** An angle between 0 and 180 degrees, measured in the patient's geometry (anisotropic pixels accounted for). */
    record Angle(double degrees) implements Result {
    }

    /**
     * A region: its area and the statistics of its modality values.
     *
     * @param area         mm² (at the patient or the detector, as {@code unit} says) or px²
     * @param statistics   null for a colour frame (no modality values) or a region that holds no pixel centre
     * @param modalityUnit the unit of the statistics ("HU"), empty when the source names none
     */
    record Region(double area, PixelSpacing.Kind unit, RegionStatistics statistics, String modalityUnit)
            implements Result {
        public Region {
            Objects.requireNonNull(unit, "unit");
            modalityUnit = modalityUnit == null ? "" : modalityUnit;
        }
    }
}
