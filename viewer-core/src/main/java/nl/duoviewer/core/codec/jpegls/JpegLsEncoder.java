package nl.duoviewer.core.codec.jpegls;

import nl.duoviewer.core.codec.ByteSink;
import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * JPEG-LS encoder (T.87), pure Java: lossless (NEAR = 0, syntax .80) or near-lossless (NEAR > 0, syntax .81), default
 * coding parameters, precision = Bits Stored (signed samples are coded as their Bits Stored two's complement bit
 * pattern, as DICOM implementations do). Colour images are coded one component per scan (interleave mode 0).
 */
public final class JpegLsEncoder extends JpegLsCoder implements FrameEncoder {
    private final int nearValue;
    private final ByteSink sink = new ByteSink(1 << 16);
    private int[] lineA = new int[0];
    private int[] lineB = new int[0];
    private int[] source = new int[0];
    private long bitBuffer;
    private int bitCount;
    private boolean lastFf;

    /** A lossless encoder. */
    public JpegLsEncoder() {
        this(0);
    }

    /** @param near maximum absolute error per sample; 0 = lossless */
    public JpegLsEncoder(int near) {
        if (near < 0 || near > 255) {
            throw new IllegalArgumentException("NEAR must be 0..255, got " + near);
        }
        this.nearValue = near;
    }

    @Override
    public String transferSyntaxUid() {
        return nearValue == 0 ? PixelSyntax.JPEG_LS_LOSSLESS.uid() : PixelSyntax.JPEG_LS_NEAR_LOSSLESS.uid();
    }

    @Override
    public EncodedFrame encode(ImageDescriptor d, FrameBuffer frame) {
        FrameEncoder.checkShape(d, frame);
        int precision = d.bitsStored();
        if (precision < 2 || precision > 16) {
            throw new IllegalArgumentException("JPEG-LS codes 2..16-bit samples, Bits Stored is " + precision);
        }
        int width = d.columns();
        int height = d.rows();
        int spp = frame.samplesPerPixel();
        JpegLsParameters params = JpegLsParameters.of(precision, nearValue, 0, 0, 0, 0, 0);
        int mask = (1 << precision) - 1;
        sink.clear();
        sink.writeShortBe(0xFFD8);
        sink.writeShortBe(0xFFF7);
        sink.writeShortBe(8 + 3 * spp);
        sink.write(precision);
        sink.writeShortBe(height);
        sink.writeShortBe(width);
        sink.write(spp);
        for (int c = 0; c < spp; c++) {
            sink.write(c + 1);
            sink.write(0x11);
            sink.write(0);
        }
        if (lineA.length < width + 2) {
            lineA = new int[width + 2];
            lineB = new int[width + 2];
            source = new int[width];
        }
        for (int c = 0; c < spp; c++) {
            sink.writeShortBe(0xFFDA);
            sink.writeShortBe(8);
            sink.write(1);
            sink.write(c + 1);
            sink.write(0);
            sink.write(nearValue);
            sink.write(0); // ILV none
            sink.write(0);
            startScan(params);
            bitBuffer = 0;
            bitCount = 0;
            lastFf = false;
            java.util.Arrays.fill(lineA, 0);
            java.util.Arrays.fill(lineB, 0);
            for (int y = 0; y < height; y++) {
                int[] prev = (y & 1) == 0 ? lineA : lineB;
                int[] cur = (y & 1) == 0 ? lineB : lineA;
                prev[width + 1] = prev[width];
                cur[0] = prev[1];
                for (int x = 0, k = y * width * spp + c; x < width; x++, k += spp) {
                    source[x] = frame.sample(k) & mask;
                }
                encodeLine(prev, cur, width);
            }
            flushBits();
        }
        sink.writeShortBe(0xFFD9);
        if ((sink.size() & 1) != 0) {
            // DICOM fragments are even; a trailing 0 after EOI is what the standard's padding rule allows
            sink.write(0);
        }
        return new EncodedFrame(sink.toByteArray(), transferSyntaxUid(), frame.photometric(), nearValue != 0);
    }

    private void encodeLine(int[] prev, int[] cur, int width) {
        int x = 0;
        while (x < width) {
            int ra = cur[x];
            int rb = prev[x + 1];
            int rc = prev[x];
            int rd = prev[x + 2];
            int q = context(ra, rb, rc, rd);
            if (q == 0) {
                x = encodeRun(prev, cur, x, width);
                continue;
            }
            int sign = 1;
            if (q < 0) {
                sign = -1;
                q = -q;
            }
            int px = correctedPrediction(ra, rb, rc, q, sign);
            int errval = source[x] - px;
            if (sign < 0) {
                errval = -errval;
            }
            errval = quantize(errval);
            cur[x + 1] = clampValue(px + sign * errval * step);
            errval = reduce(errval);
            int k = golombK(q);
            int m = errval >= 0 ? 2 * errval : -2 * errval - 1;
            if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
                m ^= 1;
            }
            encodeValue(m, k, limit - qbpp - 1);
            updateRegular(q, errval);
            x++;
        }
    }

    private int encodeRun(int[] prev, int[] cur, int x, int width) {
        int runValue = cur[x];
        int count = 0;
        while (x + count < width && Math.abs(source[x + count] - runValue) <= near) {
            cur[x + 1 + count] = runValue;
            count++;
        }
        boolean endOfLine = x + count == width;
        while (count >= (1 << J[runIndex])) {
            writeBits(1, 1);
            count -= 1 << J[runIndex];
            x += 1 << J[runIndex];
            incrementRunIndex();
        }
        if (endOfLine) {
            if (count > 0) {
                writeBits(1, 1);
            }
            return width;
        }
        writeBits(0, 1);
        writeBits(count, J[runIndex]);
        x += count;
        int ra = cur[x];
        int rb = prev[x + 1];
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        int errval = source[x] - px;
        if (sign < 0) {
            errval = -errval;
        }
        errval = quantize(errval);
        cur[x + 1] = clampValue(px + sign * errval * step);
        errval = reduce(errval);
        int q = RI_CONTEXT + riType;
        int k = interruptionK(q, riType);
        boolean map = (k == 0 && errval > 0 && 2 * nn[q] < n[q]) || (errval < 0 && 2 * nn[q] >= n[q])
                || (errval < 0 && k != 0);
        int em = 2 * Math.abs(errval) - riType - (map ? 1 : 0);
        encodeValue(em, k, limit - J[runIndex] - 1 - qbpp - 1);
        updateInterruption(q, errval, em, riType);
        decrementRunIndex();
        return x + 1;
    }

    private int quantize(int errval) {
        if (near == 0) {
            return errval;
        }
        return errval > 0 ? (errval + near) / step : -((near - errval) / step);
    }

    private int reduce(int errval) {
        if (errval < 0) {
            errval += range;
        }
        if (errval >= (range + 1) / 2) {
            errval -= range;
        }
        return errval;
    }

    private int clampValue(int v) {
        return v < 0 ? 0 : v > maxVal ? maxVal : v;
    }

    private void encodeValue(int m, int k, int zeroLimit) {
        int high = m >>> k;
        if (high < zeroLimit) {
            writeZeros(high);
            writeBits(1, 1);
            writeBits(m & ((1 << k) - 1), k);
        } else {
            writeZeros(zeroLimit);
            writeBits(1, 1);
            writeBits(m - 1, qbpp);
        }
    }

    private void writeZeros(int count) {
        while (count > 24) {
            writeBits(0, 24);
            count -= 24;
        }
        writeBits(0, count);
    }

    private void writeBits(int value, int count) {
        if (count == 0) {
            return;
        }
        bitBuffer = (bitBuffer << count) | (value & ((1L << count) - 1));
        bitCount += count;
        while (bitCount >= 8) {
            emitByte();
        }
    }

    /** Emits the next byte from the bit buffer; after 0xFF only seven bits go in, the top bit stuffed as 0. */
    private void emitByte() {
        int v;
        if (lastFf) {
            v = (int) (bitBuffer >>> (bitCount - 7)) & 0x7F;
            bitCount -= 7;
        } else {
            v = (int) (bitBuffer >>> (bitCount - 8)) & 0xFF;
            bitCount -= 8;
        }
        sink.write(v);
        lastFf = v == 0xFF;
    }

    private void flushBits() {
        while (bitCount > 0) {
            int width = lastFf ? 7 : 8;
            if (bitCount < width) {
                bitBuffer <<= width - bitCount;
                bitCount = width;
            }
            emitByte();
        }
        if (lastFf) {
            sink.write(0); // a final 0xFF must not be read as the start of the next marker
            lastFf = false;
        }
        bitCount = 0;
    }
}
