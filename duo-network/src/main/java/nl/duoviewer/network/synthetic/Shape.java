package nl.duoviewer.network.synthetic;

/**
 * A solid of the synthetic body, in patient coordinates (millimetres; x to the patient's left, y posterior, z
 * superior, as DICOM's LPS). Shapes are painted in order, later ones over earlier ones, so organs sit inside the body
 * and bone cortex inside its marrow, like a painter's algorithm over tissue.
 */
sealed interface Shape permits Shape.Ellipsoid, Shape.Tube, Shape.RingArc {

    /** The tissue value painted inside the shape (Hounsfield units). */
    double value();

    /** Paints this shape's cross-section at height {@code z} into a slice. */
    void paint(double z, SliceGrid grid);

    /** An ellipsoid: organs, heart chambers, kidneys, vessels segments. */
    record Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz, double value) implements Shape {
        @Override
        public void paint(double z, SliceGrid grid) {
            double dz = (z - cz) / rz;
            double k = 1 - dz * dz;
            if (k <= 0) {
                return;
            }
            double s = Math.sqrt(k);
            grid.fillEllipse(cx, cy, rx * s, ry * s, value);
        }
    }

    /**
     * An elliptic tube between two heights whose radii and centre change linearly along z: body outline, limbs,
     * aorta, spinal canal.
     */
    record Tube(double z0, double z1, double cx0, double cy0, double rx0, double ry0, double cx1, double cy1,
                double rx1, double ry1, double value) implements Shape {

        static Tube straight(double z0, double z1, double cx, double cy, double rx, double ry, double value) {
            return new Tube(z0, z1, cx, cy, rx, ry, cx, cy, rx, ry, value);
        }

        @Override
        public void paint(double z, SliceGrid grid) {
            if (z < z0 || z > z1) {
                return;
            }
            double t = z1 == z0 ? 0 : (z - z0) / (z1 - z0);
            grid.fillEllipse(cx0 + t * (cx1 - cx0), cy0 + t * (cy1 - cy0), rx0 + t * (rx1 - rx0),
                    ry0 + t * (ry1 - ry0), value);
        }
    }

    /**
     * A ring segment around the body: ribs and skull. The ring follows an ellipse; only the angles between
     * {@code fromDeg} and {@code toDeg} (0 = patient's left, 90 = posterior) are painted, and its height rises by
     * {@code slopeMm} toward the back, as ribs do.
     */
    record RingArc(double zCentre, double halfHeight, double cx, double cy, double rx, double ry, double thickness,
                   double fromDeg, double toDeg, double slopeMm, double value) implements Shape {
        @Override
        public void paint(double z, SliceGrid grid) {
            if (Math.abs(z - zCentre) > halfHeight + Math.abs(slopeMm)) {
                return;
            }
            grid.fillRing(cx, cy, rx, ry, thickness, Math.toRadians(fromDeg), Math.toRadians(toDeg), value,
                    z, zCentre, halfHeight, slopeMm);
        }
    }
}
