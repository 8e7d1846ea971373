package nl.duoviewer.core.measure;

/**
 * A point on an image, in pixels of the stored frame: x to the right along a row, y down along a column, (0, 0) the
 * top-left corner of the first pixel, so the centre of pixel (column i, row j) is (i + 0.5, j + 0.5). Measurements
 * are kept in these coordinates, so they stay on the anatomy whatever the zoom, pan, rotation or flip on screen.
 */
public record ImagePoint(double x, double y) {

    public ImagePoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("image point must be finite: " + x + ", " + y);
        }
    }
}
