package nl.duoviewer.core.pixel;

/**
 * A VOI window in modality units (Hounsfield for CT): the DICOM Window Center and Window Width.
 *
 * @param center window center (level)
 * @param width  window width, at least 1
 */
public record WindowLevel(double center, double width) {

    public WindowLevel {
        if (!Double.isFinite(center) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window must be finite: " + center + "/" + width);
        }
        width = Math.max(1, width);
    }

    /** This window moved by a drag: horizontal changes the width, vertical the level. */
    public WindowLevel adjustedBy(double deltaCenter, double deltaWidth) {
        return new WindowLevel(center + deltaCenter, width + deltaWidth);
    }
}
