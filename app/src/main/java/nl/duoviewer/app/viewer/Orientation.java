package nl.duoviewer.app.viewer;

/**
 * How a frame is turned on screen: clockwise quarter turns, then mirrored along the screen's axes. Rotating and
 * flipping act on the picture as the user sees it, so "flip horizontal" after a turn still mirrors left and right on
 * screen. Coordinates are continuous, in pixels: the frame spans 0..width x 0..height, the picture on screen
 * {@link #displayedWidth} x {@link #displayedHeight}.
 *
 * @param quarterTurns   clockwise quarter turns, 0..3
 * @param flipHorizontal mirrored left to right on screen
 * @param flipVertical   mirrored top to bottom on screen
 */
public record Orientation(int quarterTurns, boolean flipHorizontal, boolean flipVertical) {

    /** As stored. */
    public static final Orientation NONE = new Orientation(0, false, false);

    public Orientation {
        quarterTurns = Math.floorMod(quarterTurns, 4);
    }

    /** The picture turned a quarter clockwise: a flip made before the turn now lies along the other screen axis. */
    public Orientation rotatedClockwise() {
        return new Orientation(quarterTurns + 1, flipVertical, flipHorizontal);
    }

    public Orientation flippedHorizontally() {
        return new Orientation(quarterTurns, !flipHorizontal, flipVertical);
    }

    public Orientation flippedVertically() {
        return new Orientation(quarterTurns, flipHorizontal, !flipVertical);
    }

    /** True when the frame's rows run vertically on screen. */
    public boolean sideways() {
        return quarterTurns % 2 == 1;
    }

    public int displayedWidth(int frameWidth, int frameHeight) {
        return sideways() ? frameHeight : frameWidth;
    }

    public int displayedHeight(int frameWidth, int frameHeight) {
        return sideways() ? frameWidth : frameHeight;
    }

    /**
     * A point of the picture on screen (u right, v down, in frame pixels) to the point of the frame under it.
     *
     * @return {x, y} in the frame
     */
    public double[] toFrame(double u, double v, int frameWidth, int frameHeight) {
        double uu = flipHorizontal ? displayedWidth(frameWidth, frameHeight) - u : u;
        double vv = flipVertical ? displayedHeight(frameWidth, frameHeight) - v : v;
        return switch (quarterTurns) {
            case 0 -> new double[] {uu, vv};
            case 1 -> new double[] {vv, frameHeight - uu};
            case 2 -> new double[] {frameWidth - uu, frameHeight - vv};
            default -> new double[] {frameWidth - vv, uu};
        };
    }

    /**
     * A point of the frame to where it lies in the picture on screen (u right, v down, in frame pixels).
     *
     * @return {u, v} in the picture
     */
    public double[] toPicture(double x, double y, int frameWidth, int frameHeight) {
        double u;
        double v;
        switch (quarterTurns) {
            case 0 -> {
                u = x;
                v = y;
            }
            case 1 -> {
                u = frameHeight - y;
                v = x;
            }
            case 2 -> {
                u = frameWidth - x;
                v = frameHeight - y;
            }
            default -> {
                u = y;
                v = frameWidth - x;
            }
        }
        if (flipHorizontal) {
            u = displayedWidth(frameWidth, frameHeight) - u;
        }
        if (flipVertical) {
            v = displayedHeight(frameWidth, frameHeight) - v;
        }
        return new double[] {u, v};
    }

    /**
     * Along one screen axis, the frame coordinate is {@code scale * picture coordinate + offset} on one of the frame's
     * axes: which one, and the two factors. Lets the renderer resample row by row without a per-pixel transform.
     *
     * @param horizontal the screen axis: true for u (columns on screen), false for v (rows on screen)
     * @return {alongFrameRows (1 when it runs along the frame's y axis, else 0), scale, offset}
     */
    double[] axis(boolean horizontal, int frameWidth, int frameHeight) {
        double[] at0 = toFrame(0, 0, frameWidth, frameHeight);
        double[] at1 = horizontal ? toFrame(1, 0, frameWidth, frameHeight) : toFrame(0, 1, frameWidth, frameHeight);
        boolean alongY = at1[0] == at0[0];
        int i = alongY ? 1 : 0;
        return new double[] {alongY ? 1 : 0, at1[i] - at0[i], at0[i]};
    }
}
