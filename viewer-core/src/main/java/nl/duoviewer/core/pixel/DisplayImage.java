package nl.duoviewer.core.pixel;

/**
 * A reusable output raster for the display: opaque ARGB ints (for a JavaFX WritableImage's IntArgbPre/IntArgb
 * pixel writer) or 8-bit grey bytes. {@link #reset} grows the arrays only when needed.
 */
public final class DisplayImage {
    private int[] argb = new int[0];
    private byte[] grey = new byte[0];
    private int width;
    private int height;

    public DisplayImage reset(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("bad display size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** ARGB pixels, row by row; length may exceed width x height. */
    public int[] argb() {
        int n = width * height;
        if (argb.length < n) {
            argb = new int[n];
        }
        return argb;
    }

    /** Grey pixels, row by row; length may exceed width x height. */
    public byte[] grey() {
        int n = width * height;
        if (grey.length < n) {
            grey = new byte[n];
        }
        return grey;
    }
}
