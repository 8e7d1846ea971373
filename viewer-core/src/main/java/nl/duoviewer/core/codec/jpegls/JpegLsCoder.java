package nl.duoviewer.core.codec.jpegls;

/**
 * State and rules shared by the JPEG-LS scan decoder and encoder (T.87 Annex A): the 365 regular contexts plus the
 * two run-interruption contexts, gradient quantisation, the run-length order table J, and bias correction.
 * Line buffers hold one pixel of padding on each side: index x+1 is column x. The encoder extends it; the scan
 * decoder, which extends the bit reader it shares with JPEG, holds one.
 */
class JpegLsCoder {
    static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11,
        12, 13, 14, 15};
    static final int RI_CONTEXT = 365;
    static final int CONTEXTS = 367;

    final int[] a = new int[CONTEXTS];
    final int[] b = new int[CONTEXTS];
    final int[] c = new int[CONTEXTS];
    final int[] n = new int[CONTEXTS];
    final int[] nn = new int[CONTEXTS];

    JpegLsParameters p;
    int maxVal;
    int near;
    int range;
    int reset;
    int qbpp;
    int limit;
    int step; // 2 * NEAR + 1
    int runIndex;

    /** Gradient quantisation: index d + maxVal, value -4..4 (bytes keep the 16-bit table at 128 KiB). */
    private byte[] quant = new byte[0];
    private JpegLsParameters quantFor;

    void startScan(JpegLsParameters params) {
        this.p = params;
        maxVal = params.maxVal();
        near = params.near();
        range = params.range();
        reset = params.reset();
        qbpp = params.qbpp();
        limit = params.limit();
        step = 2 * near + 1;
        int aInit = Math.max(2, (range + 32) / 64);
        for (int i = 0; i < CONTEXTS; i++) {
            a[i] = aInit;
            b[i] = 0;
            c[i] = 0;
            n[i] = 1;
            nn[i] = 0;
        }
        runIndex = 0;
        if (!params.equals(quantFor)) {
            buildQuantisation(params);
        }
    }

    private void buildQuantisation(JpegLsParameters params) {
        int size = 2 * maxVal + 1;
        if (quant.length < size) {
            quant = new byte[size];
        }
        for (int d = -maxVal; d <= maxVal; d++) {
            int q;
            if (d <= -params.t3()) {
                q = -4;
            } else if (d <= -params.t2()) {
                q = -3;
            } else if (d <= -params.t1()) {
                q = -2;
            } else if (d < -near) {
                q = -1;
            } else if (d <= near) {
                q = 0;
            } else if (d < params.t1()) {
                q = 1;
            } else if (d < params.t2()) {
                q = 2;
            } else if (d < params.t3()) {
                q = 3;
            } else {
                q = 4;
            }
            quant[d + maxVal] = (byte) q;
        }
        quantFor = params;
    }

    /** The gradient quantisation table of the current scan, index d + MAXVAL, for loops that inline {@link #context}. */
    final byte[] quantTable() {
        return quant;
    }

    /** Signed context number Q1*81 + Q2*9 + Q3 (0 means run mode). */
    final int context(int ra, int rb, int rc, int rd) {
        int off = maxVal;
        byte[] t = quant;
        return t[rd - rb + off] * 81 + t[rb - rc + off] * 9 + t[rc - ra + off];
    }

    /** Median edge detector prediction. */
    static int predict(int ra, int rb, int rc) {
        int max = Math.max(ra, rb);
        int min = Math.min(ra, rb);
        if (rc >= max) {
            return min;
        }
        if (rc <= min) {
            return max;
        }
        return ra + rb - rc;
    }

    /** Smallest k with N[Q] * 2^k >= A[Q] (A.5.1), from the operands' bit lengths instead of a loop. */
    final int golombK(int q) {
        return kFor(n[q], a[q]);
    }

    static int kFor(int nq, int aq) {
        // k is the bit length difference or one more; written as selects, as small k make a branch on it a coin toss
        int k = Math.max(0, Integer.numberOfLeadingZeros(nq) - Integer.numberOfLeadingZeros(aq));
        k += (nq << k) < aq ? 1 : 0;
        return Math.min(k, 24);
    }

    /** Context update and bias correction after a regular sample (A.6). */
    final void updateRegular(int q, int errval) {
        int bq = b[q] + errval * step;
        int aq = a[q] + Math.abs(errval);
        int nq = n[q];
        if (nq == reset) {
            aq >>= 1;
            bq >>= 1;
            nq >>= 1;
        }
        nq++;
        if (bq <= -nq) {
            bq += nq;
            if (c[q] > -128) {
                c[q]--;
            }
            if (bq <= -nq) {
                bq = -nq + 1;
            }
        } else if (bq > 0) {
            bq -= nq;
            if (c[q] < 127) {
                c[q]++;
            }
            if (bq > 0) {
                bq = 0;
            }
        }
        a[q] = aq;
        b[q] = bq;
        n[q] = nq;
    }

    /** Context update after a run interruption sample (A.7.2). */
    final void updateInterruption(int q, int errval, int emErrval, int riType) {
        if (errval < 0) {
            nn[q]++;
        }
        a[q] += (emErrval + 1 - riType) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
    }

    final int interruptionK(int q, int riType) {
        return kFor(n[q], a[q] + (riType == 1 ? n[q] >> 1 : 0));
    }

    /** Reconstructed value from prediction and dequantised error, with modulo reduction and clamping. */
    final int reconstruct(int px, int signedErr) {
        int rx = px + signedErr * step;
        if (rx < -near) {
            rx += range * step;
        } else if (rx > maxVal + near) {
            rx -= range * step;
        }
        return rx < 0 ? 0 : rx > maxVal ? maxVal : rx;
    }

    /** Prediction corrected by the context's bias, clamped to 0..MAXVAL. */
    final int correctedPrediction(int ra, int rb, int rc, int q, int sign) {
        int px = predict(ra, rb, rc) + (sign > 0 ? c[q] : -c[q]);
        return px < 0 ? 0 : px > maxVal ? maxVal : px;
    }

    final void incrementRunIndex() {
        if (runIndex < 31) {
            runIndex++;
        }
    }

    final void decrementRunIndex() {
        if (runIndex > 0) {
            runIndex--;
        }
    }
}
