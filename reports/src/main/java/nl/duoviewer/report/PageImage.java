package nl.duoviewer.report;

import java.util.Objects;

/**
 * One rendered PDF page as opaque ARGB pixels, row by row, ready to be copied into a screen image.
 *
 * @param width  pixels per row
 * @param height rows
 * @param argb   {@code width * height} pixels, alpha always 0xFF; the array is handed over, not copied
 */
public record PageImage(int width, int height, int[] argb) {

    public PageImage {
        Objects.requireNonNull(argb);
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("bad page image " + width + "x" + height + " / " + argb.length);
        }
    }
}
