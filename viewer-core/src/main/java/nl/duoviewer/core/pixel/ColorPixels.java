package nl.duoviewer.core.pixel;

import java.util.Objects;

/**
 * A colour frame (RGB, or YBR already converted) as opaque ARGB pixels, row by row. Not windowed.
 */
public record ColorPixels(int width, int height, int[] argb) implements FramePixels {

    public ColorPixels {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0 || (long) width * height != argb.length) {
            throw new IllegalArgumentException("pixel count " + argb.length + " does not match " + width + "x"
                    + height);
        }
    }
}
