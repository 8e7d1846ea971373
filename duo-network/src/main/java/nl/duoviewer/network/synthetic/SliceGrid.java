package nl.duoviewer.network.synthetic;

import java.util.Arrays;

/**
 * One axial slice being painted: a square grid of tissue values (Hounsfield units) over a field of view centred on
 * the patient's axis. Rasterisation is by scanline so a slice costs what its shapes cover, not pixels times shapes.
 */
final class SliceGrid {

    final int size;
    final double pixelMm;
    final double originX;
    final double originY;
    final float[] hu;

    SliceGrid(int size, double fieldOfViewMm) {
        this.size = size;
        this.pixelMm = fieldOfViewMm / size;
        this.originX = -fieldOfViewMm / 2 + pixelMm / 2;
        this.originY = -fieldOfViewMm / 2 + pixelMm / 2;
        this.hu = new float[size * size];
    }

    void clear(float value) {
        Arrays.fill(hu, value);
    }

    /** Centre of pixel column {@code i} in millimetres. */
    double x(int i) {
        return originX + i * pixelMm;
    }

    double y(int j) {
        return originY + j * pixelMm;
    }

    void fillEllipse(double cx, double cy, double rx, double ry, double value) {
        if (rx <= 0 || ry <= 0) {
            return;
        }
        float v = (float) value;
        int j0 = Math.max(0, (int) Math.ceil((cy - ry - originY) / pixelMm));
        int j1 = Math.min(size - 1, (int) Math.floor((cy + ry - originY) / pixelMm));
        for (int j = j0; j <= j1; j++) {
            double dy = (y(j) - cy) / ry;
            double k = 1 - dy * dy;
            if (k <= 0) {
                continue;
            }
            double half = rx * Math.sqrt(k);
            int i0 = Math.max(0, (int) Math.ceil((cx - half - originX) / pixelMm));
            int i1 = Math.min(size - 1, (int) Math.floor((cx + half - originX) / pixelMm));
            if (i1 >= i0) {
                Arrays.fill(hu, j * size + i0, j * size + i1 + 1, v);
            }
        }
    }

    /**
     * Paints a ring segment whose centre height is {@code zCentre + slope * sin(angle)}; only pixels whose ring
     * height is within {@code halfHeight} of the slice are painted, so a sloping rib shows as a partial arc.
     */
    void fillRing(double cx, double cy, double rx, double ry, double thickness, double from, double to,
                  double value, double z, double zCentre, double halfHeight, double slope) {
        float v = (float) value;
        double outerX = rx + thickness / 2;
        double outerY = ry + thickness / 2;
        double innerX = Math.max(0.1, rx - thickness / 2);
        double innerY = Math.max(0.1, ry - thickness / 2);
        int j0 = Math.max(0, (int) Math.ceil((cy - outerY - originY) / pixelMm));
        int j1 = Math.min(size - 1, (int) Math.floor((cy + outerY - originY) / pixelMm));
        int i0 = Math.max(0, (int) Math.ceil((cx - outerX - originX) / pixelMm));
        int i1 = Math.min(size - 1, (int) Math.floor((cx + outerX - originX) / pixelMm));
        for (int j = j0; j <= j1; j++) {
            double dy = y(j) - cy;
            for (int i = i0; i <= i1; i++) {
                double dx = x(i) - cx;
                double outer = dx * dx / (outerX * outerX) + dy * dy / (outerY * outerY);
                if (outer > 1) {
                    continue;
                }
                double inner = dx * dx / (innerX * innerX) + dy * dy / (innerY * innerY);
                if (inner < 1) {
                    continue;
                }
                double angle = Math.atan2(dy, dx);
                if (angle < 0) {
                    angle += 2 * Math.PI;
                }
                if (inArc(angle, from, to) && Math.abs(z - zCentre - slope * Math.sin(angle)) <= halfHeight) {
                    hu[j * size + i] = v;
                }
            }
        }
    }

    private static boolean inArc(double angle, double from, double to) {
        double f = ((from % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        double t = ((to % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        return f <= t ? angle >= f && angle <= t : angle >= f || angle <= t;
    }
}
