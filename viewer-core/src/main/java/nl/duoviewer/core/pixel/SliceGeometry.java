package nl.duoviewer.core.pixel;

import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/**
 * Where a slice lies in the patient: the Frame of Reference it is measured in, the position of its first pixel
 * (Image Position (Patient)) and its row and column directions (Image Orientation (Patient)). Two slices of the same
 * Frame of Reference can be compared by their {@link #distanceAlong distance along a normal}; that is what
 * synchronised scrolling of a study and its prior uses when they share one.
 *
 * @param frameOfReferenceUid Frame of Reference UID
 * @param x                   first pixel's position, mm
 * @param y                   first pixel's position, mm
 * @param z                   first pixel's position, mm
 * @param rowX                direction of a row (cosines)
 * @param rowY                direction of a row
 * @param rowZ                direction of a row
 * @param columnX             direction of a column (cosines)
 * @param columnY             direction of a column
 * @param columnZ             direction of a column
 */
public record SliceGeometry(String frameOfReferenceUid, double x, double y, double z, double rowX, double rowY,
                            double rowZ, double columnX, double columnY, double columnZ) {

    public SliceGeometry {
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
    }

    /**
     * The geometry of a single-frame object's slice, or null when it has none to use: no Frame of Reference, no
     * position or orientation of three and six finite values, or direction vectors that are not (near) unit length
     * and perpendicular. Multi-frame objects carry positions per frame in functional groups, which this does not
     * read; they get null too.
     */
    public static SliceGeometry of(DicomObject ds, int numberOfFrames) {
        if (numberOfFrames != 1) {
            return null;
        }
        String frameOfReference = ds.getString(Tag.FrameOfReferenceUID, "").strip();
        double[] p = ds.getDoubles(Tag.ImagePositionPatient);
        double[] o = ds.getDoubles(Tag.ImageOrientationPatient);
        if (frameOfReference.isEmpty() || p.length != 3 || o.length != 6) {
            return null;
        }
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        for (double v : o) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        double rowLength = Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
        double columnLength = Math.sqrt(o[3] * o[3] + o[4] * o[4] + o[5] * o[5]);
        double dot = o[0] * o[3] + o[1] * o[4] + o[2] * o[5];
        if (Math.abs(rowLength - 1) > 0.01 || Math.abs(columnLength - 1) > 0.01 || Math.abs(dot) > 0.01) {
            return null;
        }
        return new SliceGeometry(frameOfReference, p[0], p[1], p[2], o[0], o[1], o[2], o[3], o[4], o[5]);
    }

    /** The slice normal: row direction x column direction. */
    public double[] normal() {
        return new double[] {rowY * columnZ - rowZ * columnY, rowZ * columnX - rowX * columnZ,
            rowX * columnY - rowY * columnX};
    }

    /** This slice's position along a direction (mm): the first pixel's position projected onto it. */
    public double distanceAlong(double[] direction) {
        return x * direction[0] + y * direction[1] + z * direction[2];
    }

    /** True when the two slices are (near) parallel: their normals agree within about 3 degrees. */
    public boolean parallelTo(SliceGeometry other) {
        double[] a = normal();
        double[] b = other.normal();
        return Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) > 0.998;
    }
}
