package nl.duoviewer.core.measure;

import nl.duoviewer.core.image.PixelSpacing;
import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.GrayscalePixels;

/**
 * Measures shapes on a frame: lengths and areas from the pixel spacing, angles in the patient's geometry, and region
 * statistics on the stored values through the frame's own modality transformation (the rescale or Modality LUT that
 * the renderer applies too), so a region on a CT reads Hounsfield units whatever window is on screen.
 */
public final class Measure {

    private Measure() {
    }

    /** Measures a shape on a frame with the spacing and modality unit of its object. */
    public static Result of(Shape shape, FramePixels pixels, PixelSpacing spacing, String modalityUnit) {
        return switch (shape) {
            case Shape.Line l -> length(l, spacing);
            case Shape.Angle a -> new Result.Angle(angle(a, spacing));
            case Shape.Region r -> new Result.Region(area(r, spacing), spacing.kind(),
                    pixels instanceof GrayscalePixels g ? statistics(g, r) : null, modalityUnit);
        };
    }

    /** The length of a line: millimetres when the spacing is known, else pixels. */
    public static Result.Length length(Shape.Line line, PixelSpacing spacing) {
        double dx = (line.end().x() - line.start().x()) * columnScale(spacing);
        double dy = (line.end().y() - line.start().y()) * rowScale(spacing);
        return new Result.Length(Math.hypot(dx, dy), spacing.kind());
    }

    /** The angle at the vertex in degrees (0..180), with both arms scaled to millimetres first; 0 for a zero arm. */
    public static double angle(Shape.Angle angle, PixelSpacing spacing) {
        double sx = columnScale(spacing);
        double sy = rowScale(spacing);
        double ux = (angle.first().x() - angle.vertex().x()) * sx;
        double uy = (angle.first().y() - angle.vertex().y()) * sy;
        double vx = (angle.second().x() - angle.vertex().x()) * sx;
        double vy = (angle.second().y() - angle.vertex().y()) * sy;
        if (Math.hypot(ux, uy) == 0 || Math.hypot(vx, vy) == 0) {
            return 0;
        }
        return Math.toDegrees(Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)));
    }

    /** The geometric area of a region: mm² when the spacing is known, else px². */
    public static double area(Shape.Region region, PixelSpacing spacing) {
        return region.pixelArea() * columnScale(spacing) * rowScale(spacing);
    }

    /**
     * Statistics of the modality values of the pixels whose centres lie in the region (clipped to the frame); null when
     * it holds none.
     */
    public static RegionStatistics statistics(GrayscalePixels pixels, Shape.Region region) {
        int w = pixels.width();
        int h = pixels.height();
        int x0 = Math.max(0, (int) Math.floor(region.minX() - 0.5));
        int x1 = Math.min(w - 1, (int) Math.ceil(region.maxX() - 0.5));
        int y0 = Math.max(0, (int) Math.floor(region.minY() - 0.5));
        int y1 = Math.min(h - 1, (int) Math.ceil(region.maxY() - 0.5));
        int n = 0;
        double mean = 0;
        double m2 = 0; // Welford: stable for large regions of large values
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!region.contains(x + 0.5, y + 0.5)) {
                    continue;
                }
                double v = pixels.modality().apply(pixels.storedAt(y * w + x));
                n++;
                double delta = v - mean;
                mean += delta / n;
                m2 += delta * (v - mean);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return null;
        }
        return new RegionStatistics(n, mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max);
    }

    private static double columnScale(PixelSpacing spacing) {
        return spacing.calibrated() ? spacing.columnMm() : 1;
    }

    private static double rowScale(PixelSpacing spacing) {
        return spacing.calibrated() ? spacing.rowMm() : 1;
    }
}
