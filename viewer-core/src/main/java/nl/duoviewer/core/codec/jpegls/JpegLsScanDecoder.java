package nl.duoviewer.core.codec.jpegls;

import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.jpeg.ScanBitReader;

/**
 * Decodes the entropy-coded data of one JPEG-LS scan (T.87 Annex A): regular mode with Golomb-Rice codes, run mode
 * with run interruption samples. The bit cache is {@link ScanBitReader}'s, shared with JPEG; JPEG-LS's own rule is
 * the stuffed zero bit after every 0xFF byte. The scan is delimited beforehand (first 0xFF followed by a byte >=
 * 0x80), so reading past it yields zero bits, and consuming such bits is reported as truncation. The coding state
 * (contexts, parameters, run index) is a {@link JpegLsCoder}, the same rules the encoder codes with.
 */
final class JpegLsScanDecoder extends ScanBitReader {
    private final JpegLsCoder ctx = new JpegLsCoder();
    private boolean lastWasFf;

    /** Starts a scan with these parameters: contexts reset, run index 0. */
    void startScan(JpegLsParameters params) {
        ctx.startScan(params);
    }

    /** The run index (A.7.1), which line-interleaved scans keep per component. */
    int runIndex() {
        return ctx.runIndex;
    }

    void runIndex(int index) {
        ctx.runIndex = index;
    }

    @Override
    protected void startBits(byte[] data, int start, int scanEnd) {
        super.startBits(data, start, scanEnd);
        lastWasFf = false;
        fill();
    }

    /** T.87 A.1: after a 0xFF byte the next byte's top bit is a stuffed 0, so it carries 7 bits. */
    @Override
    protected void fill() {
        if (!lastWasFf && fillWholeBytes()) {
            return;
        }
        long c = cache;
        int bits = cacheBits;
        int p = pos;
        boolean ff = lastWasFf;
        byte[] s = src;
        while (bits <= 56) {
            if (p >= end) {
                cache = c;
                cacheBits = bits;
                feedZeroByte(); // zero bits past the end of the scan
                c = cache;
                bits = cacheBits;
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
            return readBits(ctx.qbpp) + 1;
        }
        throw corrupt();
    }

    private CodestreamException corrupt() {
        if (truncated()) {
            return new CodestreamException("JPEG-LS scan data ends before the image is complete (truncated)");
        }
        return new CodestreamException("JPEG-LS Golomb code longer than LIMIT at byte " + pos + " (corrupt data)");
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
        final JpegLsCoder k0 = ctx;
        final int[] ctxA = k0.a;
        final int[] ctxB = k0.b;
        final int[] ctxC = k0.c;
        final int[] ctxN = k0.n;
        final byte[] qt = k0.quantTable();
        final byte[] s = src;
        final int off = k0.maxVal;
        final int maxV = k0.maxVal;
        final int nr = k0.near;
        final int stp = k0.step; // 1 for lossless, so the products below cost nothing but a multiply by one
        final boolean lossless = nr == 0;
        final int rng = k0.range;
        final int rst = k0.reset;
        final int zeroLimit = k0.limit - k0.qbpp - 1;
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
            int k = JpegLsCoder.kFor(nq, aq);
            if (bits < 32) {
                // refill as fillWholeBytes() would, in locals: eight bytes in one read when none of the ones taken
                // is 0xFF (only then can a stuffed bit follow) and the scan end is not near; else fill()
                int take = (64 - bits) >>> 3;
                long w;
                if (p <= fastEnd && !lastWasFf && !hasFf(w = eightBytes(s, p), take)) {
                    cch = append(cch, bits, w, take);
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
                q[c] = ctx.context(cur[c][x], p[x + 1], p[x], p[x + 2]);
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
        int px = ctx.correctedPrediction(ra, rb, rc, q, sign);
        int k = ctx.golombK(q);
        int m = decodeValue(k, ctx.limit - ctx.qbpp - 1);
        if (ctx.near == 0 && k == 0 && 2 * ctx.b[q] <= -ctx.n[q]) {
            m ^= 1;
        }
        int errval = (m >>> 1) ^ -(m & 1); // 0,1,2,3.. -> 0,-1,1,-2..
        ctx.updateRegular(q, errval);
        return ctx.reconstruct(px, sign * errval);
    }

    private int decodeRunInterleaved(int[][] prev, int[][] cur, int x, int width, int components) {
        int[] rv = runValues;
        for (int c = 0; c < components; c++) {
            rv[c] = cur[c][x];
        }
        while (readBit() == 1) {
            int rm = 1 << JpegLsCoder.J[ctx.runIndex];
            int count = Math.min(rm, width - x);
            for (int c = 0; c < components; c++) {
                java.util.Arrays.fill(cur[c], x + 1, x + 1 + count, rv[c]);
            }
            x += count;
            if (count == rm) {
                ctx.incrementRunIndex();
            }
            if (x == width) {
                return x;
            }
            if (truncated()) {
                throw corrupt();
            }
        }
        int count = readBits(JpegLsCoder.J[ctx.runIndex]);
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
            int q = JpegLsCoder.RI_CONTEXT;
            int k = ctx.interruptionK(q, 0);
            int em = decodeValue(k, ctx.limit - JpegLsCoder.J[ctx.runIndex] - 1 - ctx.qbpp - 1);
            int map = em & 1;
            int abs = (em + map) >> 1;
            boolean cond = k != 0 || 2 * ctx.nn[q] >= ctx.n[q];
            int errval = (map == 1) == cond ? -abs : abs;
            ctx.updateInterruption(q, errval, em, 0);
            int sign = rb - rv[c] < 0 ? -1 : 1;
            cur[c][x + 1] = ctx.reconstruct(rb, sign * errval);
        }
        ctx.decrementRunIndex();
        return x + 1;
    }

    private int decodeRun(int[] prev, int[] cur, int x, int width) {
        int runValue = cur[x];
        while (readBit() == 1) {
            int rm = 1 << JpegLsCoder.J[ctx.runIndex];
            int count = Math.min(rm, width - x);
            for (int i = 0; i < count; i++) {
                cur[x + 1 + i] = runValue;
            }
            x += count;
            if (count == rm) {
                ctx.incrementRunIndex();
            }
            if (x == width) {
                return x;
            }
            if (truncated()) {
                throw corrupt();
            }
        }
        int count = readBits(JpegLsCoder.J[ctx.runIndex]);
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
        int riType = Math.abs(ra - rb) <= ctx.near ? 1 : 0;
        int q = JpegLsCoder.RI_CONTEXT + riType;
        int k = ctx.interruptionK(q, riType);
        int em = decodeValue(k, ctx.limit - JpegLsCoder.J[ctx.runIndex] - 1 - ctx.qbpp - 1);
        int t = em + riType;
        int map = t & 1;
        int abs = (t + map) >> 1;
        boolean cond = k != 0 || 2 * ctx.nn[q] >= ctx.n[q];
        int errval = (map == 1) == cond ? -abs : abs;
        ctx.updateInterruption(q, errval, em, riType);
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        cur[x + 1] = ctx.reconstruct(px, sign * errval);
        ctx.decrementRunIndex();
        return x + 1;
    }
}
