package nl.duoviewer.core.codec.jpegls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * Decodes the entropy-coded data of one JPEG-LS scan (T.87 Annex A): regular mode with Golomb-Rice codes, run mode
 * with run interruption samples. The bit reader drops the stuffed zero bit after every 0xFF byte; the scan is
 * delimited beforehand (first 0xFF followed by a byte >= 0x80), so reading past it yields zero bits, and consuming
 * such bits is reported as truncation.
 */
final class JpegLsScanDecoder extends JpegLsCoder {
    /** Eight scan bytes at once, most significant first, for refilling the bit cache where no 0xFF is near. */
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private byte[] src;
    private int pos;
    private int end;
    private long cache;
    private int cacheBits;
    private int padBits;
    private boolean lastWasFf;

    void startBits(byte[] data, int start, int scanEnd) {
        src = data;
        pos = start;
        end = scanEnd;
        cache = 0;
        cacheBits = 0;
        padBits = 0;
        lastWasFf = false;
        fill();
    }

    private void fill() {
        long c = cache;
        int bits = cacheBits;
        int p = pos;
        boolean ff = lastWasFf;
        byte[] s = src;
        if (!ff && p + 8 <= end) {
            // fast path: whole bytes while none is 0xFF (bit stuffing only follows 0xFF)
            while (bits <= 56) {
                int v = s[p] & 0xFF;
                if (v == 0xFF) {
                    break;
                }
                p++;
                c |= (long) v << (56 - bits);
                bits += 8;
            }
        }
        while (bits <= 56) {
            if (p >= end) {
                bits += 8; // zero bits past the end of the scan
                padBits += 8;
                continue;
            }
            int v = s[p++] & 0xFF;
            if (ff) {
                c |= (long) (v & 0x7F) << (57 - bits);
                bits += 7;
            } else {
                c |= (long) v << (56 - bits);
                bits += 8;
            }
            ff = v == 0xFF;
        }
        cache = c;
        cacheBits = bits;
        pos = p;
        lastWasFf = ff;
    }

    private int readBits(int count) {
        if (count == 0) {
            return 0;
        }
        if (cacheBits < count) {
            fill();
        }
        int v = (int) (cache >>> (64 - count));
        cache <<= count;
        cacheBits -= count;
        return v;
    }

    private int readBit() {
        if (cacheBits < 1) {
            fill();
        }
        int v = (int) (cache >>> 63);
        cache <<= 1;
        cacheBits--;
        return v;
    }

    /** Limited-length Golomb code LG(k, LIMIT) with {@code zeroLimit} = the number of zeros marking an escape. */
    private int decodeValue(int k, int zeroLimit) {
        if (cacheBits < 32) {
            fill();
        }
        long c = cache;
        int lz = Long.numberOfLeadingZeros(c);
        int total = lz + 1 + k;
        if (lz < zeroLimit && total < cacheBits) {
            // common case: unary prefix, stop bit and k low bits are all in the cache
            int low = k == 0 ? 0 : (int) ((c << (lz + 1)) >>> (64 - k));
            cache = c << total;
            cacheBits -= total;
            return (lz << k) | low;
        }
        return decodeValueSlow(k, zeroLimit);
    }

    private int decodeValueSlow(int k, int zeroLimit) {
        int zeros = 0;
        while (true) {
            int lz = Long.numberOfLeadingZeros(cache);
            if (lz < cacheBits) {
                zeros += lz;
                cache <<= lz;
                cache <<= 1;
                cacheBits -= lz + 1;
                break;
            }
            zeros += cacheBits;
            cache = 0;
            cacheBits = 0;
            if (zeros > zeroLimit) {
                throw corrupt();
            }
            fill();
        }
        if (zeros < zeroLimit) {
            if (cacheBits < 32) {
                fill();
            }
            return (zeros << k) | readBits(k);
        }
        if (zeros == zeroLimit) {
            if (cacheBits < 32) {
                fill();
            }
            return readBits(qbpp) + 1;
        }
        throw corrupt();
    }

    private CodestreamException corrupt() {
        if (truncated()) {
            return new CodestreamException("JPEG-LS scan data ends before the image is complete (truncated)");
        }
        return new CodestreamException("JPEG-LS Golomb code longer than LIMIT at byte " + pos + " (corrupt data)");
    }

    /** True when bits past the end of the scan have been consumed. */
    boolean truncated() {
        return cacheBits < padBits;
    }

    /**
     * Decodes one line of one component into {@code cur} (padded: index x+1 is column x), given the previous line
     * {@code prev} whose padding the caller has set (prev[0] and prev[width+1]), and cur[0] = prev[1].
     *
     * <p>This is the hot loop of the decoder, so the regular mode is written out here with the bit cache, the context
     * arrays and the scan parameters in locals (the JIT keeps them in registers; through fields it would reload and
     * store them around every sample). The arithmetic is exactly that of {@link #decodeRegular}; run mode and the
     * rare long Golomb codes go through the shared methods, with the bit cache written back to the fields first.
     */
    void decodeLine(int[] prev, int[] cur, int width) {
        final int[] ctxA = a;
        final int[] ctxB = b;
        final int[] ctxC = c;
        final int[] ctxN = n;
        final byte[] qt = quantTable();
        final byte[] s = src;
        final int off = maxVal;
        final int maxV = maxVal;
        final int nr = near;
        final int stp = step; // 1 for lossless, so the products below cost nothing but a multiply by one
        final boolean lossless = nr == 0;
        final int rng = range;
        final int rst = reset;
        final int zeroLimit = limit - qbpp - 1;
        final int fastEnd = end - 8;
        long cch = cache;
        int bits = cacheBits;
        int p = pos;
        int x = 0;
        int ra = cur[0];
        int rc = prev[0];
        int rb = prev[1];
        // Q2 of a sample is Q1 of the one before (D2 = Rb - Rc there was D1 = Rd - Rb), so it is carried along
        int g2 = qt[rb - rc + off];
        while (x < width) {
            int rd = prev[x + 2];
            int g1 = qt[rd - rb + off];
            int qs = g1 * 81 + g2 * 9 + qt[rc - ra + off];
            if (qs == 0) {
                cache = cch;
                cacheBits = bits;
                pos = p;
                x = decodeRun(prev, cur, x, width);
                cch = cache;
                bits = cacheBits;
                p = pos;
                ra = cur[x];
                rc = prev[x];
                rb = prev[x + 1];
                g2 = qt[rb - rc + off];
                continue;
            }
            // sign folding (A.3.4) without a branch: sg is 0 for a positive context, -1 for a negative one
            int sg = qs >> 31;
            int q = (qs ^ sg) - sg;
            int cq = ctxC[q];
            // the median edge detector is the median of Ra, Rb and Ra + Rb - Rc: a clamp, free of branches
            int px = Math.min(Math.max(ra + rb - rc, Math.min(ra, rb)), Math.max(ra, rb));
            px += (cq ^ sg) - sg;
            px = Math.max(0, Math.min(px, maxV));
            int aq = ctxA[q];
            int nq = ctxN[q];
            int k = kFor(nq, aq);
            if (bits < 32) {
                // refill as fill() would (whole bytes until more than 56 bits), eight bytes in one read when
                // none of them is 0xFF (only then can a stuffed bit follow) and the scan end is not near
                int take = (64 - bits) >>> 3;
                long w = p <= fastEnd && !lastWasFf ? (long) LONG_BE.get(s, p) : -1L;
                long takenMask = -1L << (64 - 8 * take);
                if ((((~w - ONES) & w & HIGHS) & takenMask) == 0) {
                    cch |= (w >>> (64 - 8 * take)) << (64 - 8 * take - bits);
                    bits += 8 * take;
                    p += take;
                } else {
                    cache = cch;
                    cacheBits = bits;
                    pos = p;
                    fill();
                    cch = cache;
                    bits = cacheBits;
                    p = pos;
                }
            }
            int lz = Long.numberOfLeadingZeros(cch);
            int total = lz + 1 + k;
            int m;
            if (lz < zeroLimit && total < bits) {
                m = (lz << k) | (int) ((cch << lz << 1) >>> 1 >>> (63 - k));
                cch <<= total;
                bits -= total;
            } else {
                cache = cch;
                cacheBits = bits;
                pos = p;
                m = decodeValueSlow(k, zeroLimit);
                cch = cache;
                bits = cacheBits;
                p = pos;
            }
            int bq = ctxB[q];
            if (lossless && k == 0 && 2 * bq <= -nq) {
                m ^= 1; // A.5.2: the inverted mapping applies to lossless coding only
            }
            int errval = (m >>> 1) ^ -(m & 1); // 0,1,2,3.. -> 0,-1,1,-2..
            // context update and bias correction (A.6)
            bq += errval * stp;
            aq += Math.abs(errval);
            if (nq == rst) {
                aq >>= 1;
                bq >>= 1;
                nq >>= 1;
            }
            nq++;
            // the bias correction goes either way on the data's whim; as selects it costs no mispredicted branch
            boolean down = bq <= -nq;
            boolean up = bq > 0; // excludes down: then bq <= -nq < 0
            int cNew = down ? (cq > -128 ? cq - 1 : cq) : up ? (cq < 127 ? cq + 1 : cq) : cq;
            bq = down ? Math.max(bq + nq, -nq + 1) : up ? Math.min(bq - nq, 0) : bq;
            ctxC[q] = cNew;
            ctxA[q] = aq;
            ctxB[q] = bq;
            ctxN[q] = nq;
            // reconstruction (A.4.4) with modulo reduction and clamping
            int rx = px + ((errval ^ sg) - sg) * stp;
            if (rx < -nr) {
                rx += rng * stp;
            } else if (rx > maxV + nr) {
                rx -= rng * stp;
            }
            rx = Math.max(0, Math.min(rx, maxV));
            cur[x + 1] = rx;
            ra = rx;
            rc = rb;
            rb = rd;
            g2 = g1;
            x++;
        }
        cache = cch;
        cacheBits = bits;
        pos = p;
        if (truncated()) {
            throw corrupt();
        }
    }

    /**
     * Decodes one line of a sample-interleaved scan (interleave mode 2): each pixel's components in turn with shared
     * contexts, run mode only when every component's gradients are flat, as CharLS (dcmtk, gdcm) codes it.
     */
    void decodeLineInterleaved(int[][] prev, int[][] cur, int width, int components) {
        int[] q = contextScratch;
        int x = 0;
        while (x < width) {
            boolean flat = true;
            for (int c = 0; c < components; c++) {
                int[] p = prev[c];
                q[c] = context(cur[c][x], p[x + 1], p[x], p[x + 2]);
                flat &= q[c] == 0;
            }
            if (flat) {
                x = decodeRunInterleaved(prev, cur, x, width, components);
                continue;
            }
            for (int c = 0; c < components; c++) {
                int[] p = prev[c];
                cur[c][x + 1] = decodeRegular(q[c], cur[c][x], p[x + 1], p[x]);
            }
            x++;
        }
        if (truncated()) {
            throw corrupt();
        }
    }

    private final int[] contextScratch = new int[4];
    private final int[] runValues = new int[4];

    /** One regular-mode sample (A.4 - A.6): context q (signed; 0 allowed in sample-interleaved scans). */
    private int decodeRegular(int q, int ra, int rb, int rc) {
        int sign = 1;
        if (q < 0) {
            sign = -1;
            q = -q;
        }
        int px = correctedPrediction(ra, rb, rc, q, sign);
        int k = golombK(q);
        int m = decodeValue(k, limit - qbpp - 1);
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            m ^= 1;
        }
        int errval = (m >>> 1) ^ -(m & 1); // 0,1,2,3.. -> 0,-1,1,-2..
        updateRegular(q, errval);
        return reconstruct(px, sign * errval);
    }

    private int decodeRunInterleaved(int[][] prev, int[][] cur, int x, int width, int components) {
        int[] rv = runValues;
        for (int c = 0; c < components; c++) {
            rv[c] = cur[c][x];
        }
        while (readBit() == 1) {
            int rm = 1 << J[runIndex];
            int count = Math.min(rm, width - x);
            for (int c = 0; c < components; c++) {
                java.util.Arrays.fill(cur[c], x + 1, x + 1 + count, rv[c]);
            }
            x += count;
            if (count == rm) {
                incrementRunIndex();
            }
            if (x == width) {
                return x;
            }
            if (truncated()) {
                throw corrupt();
            }
        }
        int count = readBits(J[runIndex]);
        if (x + count > width) {
            throw new CodestreamException("JPEG-LS run of " + count + " runs past the end of the line (corrupt)");
        }
        for (int c = 0; c < components; c++) {
            java.util.Arrays.fill(cur[c], x + 1, x + 1 + count, rv[c]);
        }
        x += count;
        if (x == width) {
            return x;
        }
        // every component of the interruption pixel is coded with the RItype 0 context, predicted from Rb
        for (int c = 0; c < components; c++) {
            int rb = prev[c][x + 1];
            int q = RI_CONTEXT;
            int k = interruptionK(q, 0);
            int em = decodeValue(k, limit - J[runIndex] - 1 - qbpp - 1);
            int map = em & 1;
            int abs = (em + map) >> 1;
            boolean cond = k != 0 || 2 * nn[q] >= n[q];
            int errval = (map == 1) == cond ? -abs : abs;
            updateInterruption(q, errval, em, 0);
            int sign = rb - rv[c] < 0 ? -1 : 1;
            cur[c][x + 1] = reconstruct(rb, sign * errval);
        }
        decrementRunIndex();
        return x + 1;
    }

    private int decodeRun(int[] prev, int[] cur, int x, int width) {
        int runValue = cur[x];
        while (readBit() == 1) {
            int rm = 1 << J[runIndex];
            int count = Math.min(rm, width - x);
            for (int i = 0; i < count; i++) {
                cur[x + 1 + i] = runValue;
            }
            x += count;
            if (count == rm) {
                incrementRunIndex();
            }
            if (x == width) {
                return x;
            }
            if (truncated()) {
                throw corrupt();
            }
        }
        int count = readBits(J[runIndex]);
        if (x + count > width) {
            throw new CodestreamException("JPEG-LS run of " + count + " runs past the end of the line (corrupt)");
        }
        for (int i = 0; i < count; i++) {
            cur[x + 1 + i] = runValue;
        }
        x += count;
        if (x == width) {
            return x;
        }
        int ra = cur[x];
        int rb = prev[x + 1];
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        int q = RI_CONTEXT + riType;
        int k = interruptionK(q, riType);
        int em = decodeValue(k, limit - J[runIndex] - 1 - qbpp - 1);
        int t = em + riType;
        int map = t & 1;
        int abs = (t + map) >> 1;
        boolean cond = k != 0 || 2 * nn[q] >= n[q];
        int errval = (map == 1) == cond ? -abs : abs;
        updateInterruption(q, errval, em, riType);
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        cur[x + 1] = reconstruct(px, sign * errval);
        decrementRunIndex();
        return x + 1;
    }
}
