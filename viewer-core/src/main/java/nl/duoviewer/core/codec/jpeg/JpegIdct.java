package nl.duoviewer.core.codec.jpeg;

/**
 * The accurate integer inverse DCT of the IJG library ("islow": the Loeffler-Ligtenberg-Moschytz factorisation with
 * 13-bit fixed-point constants), reproduced arithmetic for arithmetic, including the output range-limit table, so that
 * lossy JPEG decodes match dcmtk and gdcm (both built on IJG 6b) sample for sample. Precision 8 uses two extra
 * bits between passes, precision 12 one.
 */
final class JpegIdct {
    private static final int CONST_BITS = 13;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    /*
     * Odd-part products of one input that the full passes sum term by term: a*b + a*c == a*(b+c) holds exactly in
     * wrapping int arithmetic, so one multiplication gives the same value.
     */
    private static final int ODD_2 = FIX_3_072711026 - FIX_2_562915447 - FIX_1_961570560;
    private static final int ODD_3 = FIX_1_501321110 - FIX_0_899976223 - FIX_0_390180644;
    /** Position bits that are set for rows 4..7 (bit 5) or columns 4..7 (bit 2): outside the top-left quarter. */
    private static final int OUTSIDE_QUARTER = 0b100100;

    private final int pass1Bits;
    private final int rangeMask;
    private final int[] rangeLimit;
    private final int[] ws = new int[64];

    JpegIdct(int precision) {
        pass1Bits = precision == 8 ? 2 : 1;
        int maxSample = (1 << precision) - 1;
        int center = 1 << (precision - 1);
        int size = 4 * (maxSample + 1);
        rangeMask = size - 1;
        rangeLimit = new int[size];
        for (int x = 0; x < size; x++) {
            int v;
            if (x <= maxSample - center) {
                v = x + center;
            } else if (x < 2 * (maxSample + 1)) {
                v = maxSample;
            } else if (x < size - center) {
                v = 0;
            } else {
                v = x - (size - center);
            }
            rangeLimit[x] = v;
        }
    }

    /**
     * The sample value of a block whose only non-zero coefficient is the DC one: what the transform computes for such
     * a block (every column and then every row takes its DC-only path), without doing the transform.
     */
    int dcOnly(int dcCoef, int q0) {
        int shift = pass1Bits + 3;
        return rangeLimit[((((dcCoef * q0) << pass1Bits) + (1 << (shift - 1))) >> shift) & rangeMask];
    }

    /**
     * Transforms one block of quantised coefficients (natural order) with quantisation table {@code q}; returns the
     * 64 range-limited samples row by row, in an array owned by this object and overwritten by the next call.
     *
     * @param spread the bitwise OR of the natural positions of the block's non-zero AC coefficients. When it shows them
     *               all in the top-left 4 x 4 quarter (most blocks of smooth images), the passes leave out the terms
     *               that multiply zeros: integer arithmetic wraps the same way either way, so the samples are
     *               identical.
     */
    int[] transform(int[] coef, int[] q, int spread) {
        if ((spread & OUTSIDE_QUARTER) == 0) {
            quarterColumns(coef, q);
            quarterRows();
        } else {
            columns(coef, q);
            rows();
        }
        return ws;
    }

    /** The first pass over all eight columns, into the workspace, scaled up by pass1Bits. */
    private void columns(int[] coef, int[] q) {
        int[] w = ws;
        int p1 = pass1Bits;
        int d1 = CONST_BITS - p1;
        int r1 = 1 << (d1 - 1);
        for (int col = 0; col < 8; col++) {
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                    && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                int dc = (coef[col] * q[col]) << p1;
                for (int r = 0; r < 64; r += 8) {
                    w[col + r] = dc;
                }
                continue;
            }
            int z2 = coef[col + 16] * q[col + 16];
            int z3 = coef[col + 48] * q[col + 48];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 + z3 * -FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = coef[col] * q[col];
            z3 = coef[col + 32] * q[col + 32];
            int tmp0 = (z2 + z3) << CONST_BITS;
            int tmp1 = (z2 - z3) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = coef[col + 56] * q[col + 56];
            tmp1 = coef[col + 40] * q[col + 40];
            tmp2 = coef[col + 24] * q[col + 24];
            tmp3 = coef[col + 8] * q[col + 8];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            w[col] = (tmp10 + tmp3 + r1) >> d1;
            w[col + 56] = (tmp10 - tmp3 + r1) >> d1;
            w[col + 8] = (tmp11 + tmp2 + r1) >> d1;
            w[col + 48] = (tmp11 - tmp2 + r1) >> d1;
            w[col + 16] = (tmp12 + tmp1 + r1) >> d1;
            w[col + 40] = (tmp12 - tmp1 + r1) >> d1;
            w[col + 24] = (tmp13 + tmp0 + r1) >> d1;
            w[col + 32] = (tmp13 - tmp0 + r1) >> d1;
        }
    }

    /** The second pass over all eight rows of the workspace; each row is read completely before its samples replace it. */
    private void rows() {
        int[] w = ws;
        int p1 = pass1Bits;
        int d2 = CONST_BITS + p1 + 3;
        int r2 = 1 << (d2 - 1);
        int dcShift = p1 + 3;
        int dcRound = 1 << (dcShift - 1);
        int mask = rangeMask;
        int[] lim = rangeLimit;
        for (int row = 0; row < 64; row += 8) {
            if (w[row + 1] == 0 && w[row + 2] == 0 && w[row + 3] == 0 && w[row + 4] == 0 && w[row + 5] == 0
                    && w[row + 6] == 0 && w[row + 7] == 0) {
                int v = lim[((w[row] + dcRound) >> dcShift) & mask];
                for (int i = 0; i < 8; i++) {
                    w[row + i] = v;
                }
                continue;
            }
            int z2 = w[row + 2];
            int z3 = w[row + 6];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 + z3 * -FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            int tmp0 = (w[row] + w[row + 4]) << CONST_BITS;
            int tmp1 = (w[row] - w[row + 4]) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = w[row + 7];
            tmp1 = w[row + 5];
            tmp2 = w[row + 3];
            tmp3 = w[row + 1];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            w[row] = lim[((tmp10 + tmp3 + r2) >> d2) & mask];
            w[row + 7] = lim[((tmp10 - tmp3 + r2) >> d2) & mask];
            w[row + 1] = lim[((tmp11 + tmp2 + r2) >> d2) & mask];
            w[row + 6] = lim[((tmp11 - tmp2 + r2) >> d2) & mask];
            w[row + 2] = lim[((tmp12 + tmp1 + r2) >> d2) & mask];
            w[row + 5] = lim[((tmp12 - tmp1 + r2) >> d2) & mask];
            w[row + 3] = lim[((tmp13 + tmp0 + r2) >> d2) & mask];
            w[row + 4] = lim[((tmp13 - tmp0 + r2) >> d2) & mask];
        }
    }

    /** {@link #columns} for coefficients confined to rows and columns 0..3; fills workspace columns 0..3 only. */
    private void quarterColumns(int[] coef, int[] q) {
        int[] w = ws;
        int p1 = pass1Bits;
        int d1 = CONST_BITS - p1;
        int r1 = 1 << (d1 - 1);
        for (int col = 0; col < 4; col++) {
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0) {
                int dc = (coef[col] * q[col]) << p1;
                for (int r = 0; r < 64; r += 8) {
                    w[col + r] = dc;
                }
                continue;
            }
            int z2 = coef[col + 16] * q[col + 16];
            int z1 = z2 * FIX_0_541196100;
            int tmp2 = z1;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            int tmp0 = (coef[col] * q[col]) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;

            int d3 = coef[col + 24] * q[col + 24];
            int d1c = coef[col + 8] * q[col + 8];
            int z5 = (d3 + d1c) * FIX_1_175875602;
            int o0 = d1c * -FIX_0_899976223 + d3 * -FIX_1_961570560 + z5;
            int o1 = d3 * -FIX_2_562915447 + d1c * -FIX_0_390180644 + z5;
            int o2 = d3 * ODD_2 + z5;
            int o3 = d1c * ODD_3 + z5;

            w[col] = (tmp10 + o3 + r1) >> d1;
            w[col + 56] = (tmp10 - o3 + r1) >> d1;
            w[col + 8] = (tmp11 + o2 + r1) >> d1;
            w[col + 48] = (tmp11 - o2 + r1) >> d1;
            w[col + 16] = (tmp12 + o1 + r1) >> d1;
            w[col + 40] = (tmp12 - o1 + r1) >> d1;
            w[col + 24] = (tmp13 + o0 + r1) >> d1;
            w[col + 32] = (tmp13 - o0 + r1) >> d1;
        }
    }

    /** {@link #rows} when workspace columns 4..7 are zero (they are not read). */
    private void quarterRows() {
        int[] w = ws;
        int p1 = pass1Bits;
        int d2 = CONST_BITS + p1 + 3;
        int r2 = 1 << (d2 - 1);
        int dcShift = p1 + 3;
        int dcRound = 1 << (dcShift - 1);
        int mask = rangeMask;
        int[] lim = rangeLimit;
        for (int row = 0; row < 64; row += 8) {
            if (w[row + 1] == 0 && w[row + 2] == 0 && w[row + 3] == 0) {
                int v = lim[((w[row] + dcRound) >> dcShift) & mask];
                for (int i = 0; i < 8; i++) {
                    w[row + i] = v;
                }
                continue;
            }
            int z2 = w[row + 2];
            int z1 = z2 * FIX_0_541196100;
            int tmp2 = z1;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            int tmp0 = w[row] << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;

            int d3 = w[row + 3];
            int d1 = w[row + 1];
            int z5 = (d3 + d1) * FIX_1_175875602;
            int o0 = d1 * -FIX_0_899976223 + d3 * -FIX_1_961570560 + z5;
            int o1 = d3 * -FIX_2_562915447 + d1 * -FIX_0_390180644 + z5;
            int o2 = d3 * ODD_2 + z5;
            int o3 = d1 * ODD_3 + z5;

            w[row] = lim[((tmp10 + o3 + r2) >> d2) & mask];
            w[row + 7] = lim[((tmp10 - o3 + r2) >> d2) & mask];
            w[row + 1] = lim[((tmp11 + o2 + r2) >> d2) & mask];
            w[row + 6] = lim[((tmp11 - o2 + r2) >> d2) & mask];
            w[row + 2] = lim[((tmp12 + o1 + r2) >> d2) & mask];
            w[row + 5] = lim[((tmp12 - o1 + r2) >> d2) & mask];
            w[row + 3] = lim[((tmp13 + o0 + r2) >> d2) & mask];
            w[row + 4] = lim[((tmp13 - o0 + r2) >> d2) & mask];
        }
    }
}
