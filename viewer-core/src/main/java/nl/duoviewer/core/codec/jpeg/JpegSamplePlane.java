package nl.duoviewer.core.codec.jpeg;

/**
 * Where the decoded 8 x 8 sample blocks of one JPEG component go: the component's own plane, padded to whole blocks,
 * when it still has to be upsampled or colour converted; or, for a single-component image, the frame buffer's array
 * itself, clipped to the image, which saves a second pass over every sample of the frame.
 */
final class JpegSamplePlane {
    private byte[] bytes;
    private short[] shorts;
    private int width;
    private int height;

    /** Blocks go to {@code target}, a {@code width} x {@code height} raster; parts of blocks outside it are dropped. */
    void bytes(byte[] target, int width, int height) {
        this.bytes = target;
        this.shorts = null;
        this.width = width;
        this.height = height;
    }

    /** Blocks go to {@code target}, a {@code width} x {@code height} raster; parts of blocks outside it are dropped. */
    void shorts(short[] target, int width, int height) {
        this.shorts = target;
        this.bytes = null;
        this.width = width;
        this.height = height;
    }

    /** Stores the 64 samples of a block (row by row) with its top-left corner at {@code (x0, y0)}. */
    void put(int x0, int y0, int[] samples) {
        int cols = Math.min(8, width - x0);
        int rows = Math.min(8, height - y0);
        int o = y0 * width + x0;
        if (cols == 8 && rows == 8) {
            putWhole(o, samples);
        } else if (bytes != null) {
            byte[] b = bytes;
            for (int r = 0, s = 0; r < rows; r++, s += 8, o += width) {
                for (int i = 0; i < cols; i++) {
                    b[o + i] = (byte) samples[s + i];
                }
            }
        } else {
            short[] t = shorts;
            for (int r = 0, s = 0; r < rows; r++, s += 8, o += width) {
                for (int i = 0; i < cols; i++) {
                    t[o + i] = (short) samples[s + i];
                }
            }
        }
    }

    /** A block that lies inside the raster: fixed-length rows, which the compiler unrolls. */
    private void putWhole(int o, int[] samples) {
        if (bytes != null) {
            byte[] b = bytes;
            for (int s = 0; s < 64; s += 8, o += width) {
                for (int i = 0; i < 8; i++) {
                    b[o + i] = (byte) samples[s + i];
                }
            }
        } else {
            short[] t = shorts;
            for (int s = 0; s < 64; s += 8, o += width) {
                for (int i = 0; i < 8; i++) {
                    t[o + i] = (short) samples[s + i];
                }
            }
        }
    }

    /** Sets every sample of the block with its top-left corner at {@code (x0, y0)} to {@code value}. */
    void fill(int x0, int y0, int value) {
        int cols = Math.min(8, width - x0);
        int rows = Math.min(8, height - y0);
        int o = y0 * width + x0;
        if (bytes != null) {
            for (int r = 0; r < rows; r++, o += width) {
                java.util.Arrays.fill(bytes, o, o + cols, (byte) value);
            }
        } else {
            for (int r = 0; r < rows; r++, o += width) {
                java.util.Arrays.fill(shorts, o, o + cols, (short) value);
            }
        }
    }
}
