package nl.duoviewer.core.codec.jpeg;

import nl.duoviewer.core.image.FrameBuffer;

/**
 * Upsampling and YCbCr to RGB conversion with the integer arithmetic of IJG 6b (jdsample.c "fancy" triangle filters,
 * jdcolor.c 16-bit fixed-point tables), so colour output matches dcmtk's.
 */
final class JpegColor {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[][] TABLES_8 = tables(8);
    private static final int[][] TABLES_12 = tables(12);

    private JpegColor() {
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALEBITS) + 0.5);
    }

    private static int[][] tables(int precision) {
        int max = (1 << precision) - 1;
        int center = 1 << (precision - 1);
        int[] crR = new int[max + 1];
        int[] cbB = new int[max + 1];
        int[] crG = new int[max + 1];
        int[] cbG = new int[max + 1];
        for (int i = 0, x = -center; i <= max; i++, x++) {
            crR[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            cbB[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            crG[i] = -fix(0.71414) * x;
            cbG[i] = -fix(0.34414) * x + ONE_HALF;
        }
        return new int[][] {crR, cbB, crG, cbG};
    }

    static void ycbcrToRgb(short[] y, short[] cb, short[] cr, int n, int precision, FrameBuffer out) {
        int[][] t = precision == 8 ? TABLES_8 : TABLES_12;
        int[] crR = t[0];
        int[] cbB = t[1];
        int[] crG = t[2];
        int[] cbG = t[3];
        int max = (1 << precision) - 1;
        if (out.kind().containerBits() == 8) {
            byte[] o = out.bytes();
            for (int i = 0, k = 0; i < n; i++, k += 3) {
                int yy = y[i];
                int b = cb[i];
                int r = cr[i];
                o[k] = (byte) clamp(yy + crR[r], max);
                o[k + 1] = (byte) clamp(yy + ((cbG[b] + crG[r]) >> SCALEBITS), max);
                o[k + 2] = (byte) clamp(yy + cbB[b], max);
            }
        } else {
            short[] o = out.shorts();
            for (int i = 0, k = 0; i < n; i++, k += 3) {
                int yy = y[i];
                int b = cb[i];
                int r = cr[i];
                o[k] = (short) clamp(yy + crR[r], max);
                o[k + 1] = (short) clamp(yy + ((cbG[b] + crG[r]) >> SCALEBITS), max);
                o[k + 2] = (short) clamp(yy + cbB[b], max);
            }
        }
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }

    /** Horizontal 2:1 triangle filter over {@code dsW} input samples, writing {@code outW} outputs. */
    static void fancyH2V1(short[] in, int inOff, int dsW, short[] out, int outOff, int outW) {
        int o = 0;
        int v = in[inOff];
        put(out, outOff, outW, o++, v);
        put(out, outOff, outW, o++, (v * 3 + in[inOff + 1] + 2) >> 2);
        for (int i = 1; i < dsW - 1; i++) {
            int t = in[inOff + i] * 3;
            put(out, outOff, outW, o++, (t + in[inOff + i - 1] + 1) >> 2);
            put(out, outOff, outW, o++, (t + in[inOff + i + 1] + 2) >> 2);
        }
        v = in[inOff + dsW - 1];
        put(out, outOff, outW, o++, (v * 3 + in[inOff + dsW - 2] + 1) >> 2);
        put(out, outOff, outW, o, v);
    }

    /** 2:1 in both directions: {@code near} is this output row's input row, {@code far} the adjacent one. */
    static void fancyH2V2(short[] in, int near, int far, int dsW, short[] out, int outOff, int outW) {
        int o = 0;
        int thisSum = in[near] * 3 + in[far];
        int nextSum = in[near + 1] * 3 + in[far + 1];
        put(out, outOff, outW, o++, (thisSum * 4 + 8) >> 4);
        put(out, outOff, outW, o++, (thisSum * 3 + nextSum + 7) >> 4);
        int lastSum = thisSum;
        thisSum = nextSum;
        for (int i = 2; i < dsW; i++) {
            nextSum = in[near + i] * 3 + in[far + i];
            put(out, outOff, outW, o++, (thisSum * 3 + lastSum + 8) >> 4);
            put(out, outOff, outW, o++, (thisSum * 3 + nextSum + 7) >> 4);
            lastSum = thisSum;
            thisSum = nextSum;
        }
        put(out, outOff, outW, o++, (thisSum * 3 + lastSum + 8) >> 4);
        put(out, outOff, outW, o, (thisSum * 4 + 7) >> 4);
    }

    private static void put(short[] out, int outOff, int outW, int x, int v) {
        if (x < outW) {
            out[outOff + x] = (short) v;
        }
    }
}
