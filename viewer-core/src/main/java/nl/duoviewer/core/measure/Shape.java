package nl.duoviewer.core.measure;

import java.util.List;
import java.util.Objects;

/** What the user drew on a frame, in {@link ImagePoint} coordinates. */
public sealed interface Shape {

    /** The points that define the shape, in the order they were placed. */
    List<ImagePoint> points();

    /** A straight line between two points: a length. */
    record Line(ImagePoint start, ImagePoint end) implements Shape {
        public Line {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public List<ImagePoint> points() {
            return List.of(start, end);
        }
    }

    /** Two arms meeting at a vertex: the angle between them. */
    record Angle(ImagePoint first, ImagePoint vertex, ImagePoint second) implements Shape {
        public Angle {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(vertex, "vertex");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public List<ImagePoint> points() {
            return List.of(first, vertex, second);
        }
    }

    /** A region: a rectangle or the ellipse inscribed in one, given by two opposite corners. */
    sealed interface Region extends Shape {
        ImagePoint corner();

        ImagePoint opposite();

        @Override
        default List<ImagePoint> points() {
            return List.of(corner(), opposite());
        }

        default double minX() {
            return Math.min(corner().x(), opposite().x());
        }

        default double maxX() {
            return Math.max(corner().x(), opposite().x());
        }

        default double minY() {
            return Math.min(corner().y(), opposite().y());
        }

        default double maxY() {
            return Math.max(corner().y(), opposite().y());
        }

        /** True when the point lies in the region (on its edge counts). */
        boolean contains(double x, double y);

        /** Area in square pixels. */
        double pixelArea();
    }

    /** An axis-aligned rectangle (the image's rows and columns stay axis-aligned under 90-degree turns and flips). */
    record Rectangle(ImagePoint corner, ImagePoint opposite) implements Region {
        public Rectangle {
            Objects.requireNonNull(corner, "corner");
            Objects.requireNonNull(opposite, "opposite");
        }

        @Override
        public boolean contains(double x, double y) {
            return x >= minX() && x <= maxX() && y >= minY() && y <= maxY();
        }

        @Override
        public double pixelArea() {
            return (maxX() - minX()) * (maxY() - minY());
        }
    }

    /** The ellipse inscribed in the rectangle with these corners. */
    record Ellipse(ImagePoint corner, ImagePoint opposite) implements Region {
        public Ellipse {
            Objects.requireNonNull(corner, "corner");
            Objects.requireNonNull(opposite, "opposite");
        }

        @Override
        public boolean contains(double x, double y) {
            double rx = (maxX() - minX()) / 2;
            double ry = (maxY() - minY()) / 2;
            if (rx <= 0 || ry <= 0) {
                return false;
            }
            double dx = (x - (minX() + rx)) / rx;
            double dy = (y - (minY() + ry)) / ry;
            return dx * dx + dy * dy <= 1;
        }

        @Override
        public double pixelArea() {
            return Math.PI * (maxX() - minX()) / 2 * (maxY() - minY()) / 2;
        }
    }
}
