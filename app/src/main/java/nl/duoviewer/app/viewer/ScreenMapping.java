package nl.duoviewer.app.viewer;

import nl.duoviewer.core.measure.ImagePoint;

/**
 * Between image coordinates and the screen: where the picture lies (as the viewport placed it, zoomed and panned)
 * and how it is turned. Measurements are kept in image coordinates and drawn through this, so they stay on the
 * anatomy at any zoom, pan, rotation or flip.
 *
 * @param x      left of the picture on screen
 * @param y      top of the picture on screen
 * @param width  width of the picture on screen
 * @param height height of the picture on screen
 */
record ScreenMapping(double x, double y, double width, double height, int frameWidth, int frameHeight,
                     Orientation orientation) {

    private double scaleX() {
        return width / orientation.displayedWidth(frameWidth, frameHeight);
    }

    private double scaleY() {
        return height / orientation.displayedHeight(frameWidth, frameHeight);
    }

    /** Where an image point lies on screen: {x, y}. */
    double[] toScreen(ImagePoint p) {
        double[] uv = orientation.toPicture(p.x(), p.y(), frameWidth, frameHeight);
        return new double[] {x + uv[0] * scaleX(), y + uv[1] * scaleY()};
    }

    /** The image point under a screen position (it may lie outside the frame). */
    ImagePoint toImage(double sx, double sy) {
        double[] xy = orientation.toFrame((sx - x) / scaleX(), (sy - y) / scaleY(), frameWidth, frameHeight);
        return new ImagePoint(xy[0], xy[1]);
    }
}
