package nl.duoviewer.core.pixel;

/** YCbCr to RGB per PS3.3 C.7.6.3.1.2 (full range) and ITU-R BT.601 (partial range), 8-bit, precomputed. */
final class YbrToRgb {
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CB_G = new int[256];
    private static final int[] CR_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            // scaled by 2^16 so that one rounding happens at the end
            CR_R[i] = (int) Math.round(1.402 * (i - 128) * 65536);
            CB_B[i] = (int) Math.round(1.772 * (i - 128) * 65536);
            CB_G[i] = (int) Math.round(-0.344136 * (i - 128) * 65536);
            CR_G[i] = (int) Math.round(-0.714136 * (i - 128) * 65536);
        }
    }

    private YbrToRgb() {
    }

    /** YBR_FULL: R = Y + 1.402 (Cr-128), G = Y - 0.344136 (Cb-128) - 0.714136 (Cr-128), B = Y + 1.772 (Cb-128). */
    static int full(int y, int cb, int cr) {
        y &= 0xFF;
        cb &= 0xFF;
        cr &= 0xFF;
        int base = (y << 16) + 32768;
        int r = (base + CR_R[cr]) >> 16;
        int g = (base + CB_G[cb] + CR_G[cr]) >> 16;
        int b = (base + CB_B[cb]) >> 16;
        return 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    /** YBR_PARTIAL: Y in 16..235 and Cb/Cr in 16..240 expanded to full range first. */
    static int partial(int y, int cb, int cr) {
        double yy = 1.164383 * ((y & 0xFF) - 16);
        double b0 = (cb & 0xFF) - 128;
        double r0 = (cr & 0xFF) - 128;
        int r = (int) Math.round(yy + 1.596027 * r0);
        int g = (int) Math.round(yy - 0.391762 * b0 - 0.812968 * r0);
        int b = (int) Math.round(yy + 2.017232 * b0);
        return 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
