package nl.duoviewer.core.codec.jpegls;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * JPEG-LS coding parameters of one scan (ITU-T T.87 / ISO 14495-1): MAXVAL, NEAR, the gradient thresholds and RESET,
 * and the quantities derived from them (RANGE, qbpp, LIMIT). Defaults follow C.2.4.1.1.
 */
record JpegLsParameters(int maxVal, int near, int t1, int t2, int t3, int reset, int range, int qbpp, int limit) {

    static final int BASIC_T1 = 3;
    static final int BASIC_T2 = 7;
    static final int BASIC_T3 = 21;
    static final int DEFAULT_RESET = 64;

    /**
     * Parameters for precision P and NEAR, with optional overrides from an LSE preset marker (0 = default).
     */
    static JpegLsParameters of(int precision, int near, int maxValOverride, int t1o, int t2o, int t3o, int resetO) {
        if (precision < 2 || precision > 16) {
            throw new CodestreamException("JPEG-LS precision " + precision + " outside 2..16");
        }
        int maxVal = maxValOverride != 0 ? maxValOverride : (1 << precision) - 1;
        if (maxVal < 1 || maxVal > 65535) {
            throw new CodestreamException("JPEG-LS MAXVAL " + maxVal + " invalid");
        }
        if (near < 0 || near > Math.min(255, maxVal / 2)) {
            throw new CodestreamException("JPEG-LS NEAR " + near + " invalid for MAXVAL " + maxVal);
        }
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
        }
        if (t1o != 0) {
            t1 = t1o;
        }
        if (t2o != 0) {
            t2 = t2o;
        }
        if (t3o != 0) {
            t3 = t3o;
        }
        if (t1 < near + 1 || t2 < t1 || t3 < t2 || t3 > maxVal) {
            throw new CodestreamException("JPEG-LS thresholds T1=" + t1 + " T2=" + t2 + " T3=" + t3 + " invalid");
        }
        int reset = resetO != 0 ? resetO : DEFAULT_RESET;
        if (reset < 3 || reset > Math.max(255, maxVal)) {
            throw new CodestreamException("JPEG-LS RESET " + reset + " invalid");
        }
        int range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        int qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        int limit = 2 * (bpp + Math.max(8, bpp));
        return new JpegLsParameters(maxVal, near, t1, t2, t3, reset, range, qbpp, limit);
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    static int ceilLog2(int v) {
        int n = 0;
        while ((1 << n) < v) {
            n++;
        }
        return n;
    }
}
