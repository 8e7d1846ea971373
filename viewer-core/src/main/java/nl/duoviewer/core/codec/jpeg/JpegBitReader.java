package nl.duoviewer.core.codec.jpeg;

import java.util.Arrays;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * Reads the entropy-coded segment of a JPEG scan (ISO 10918-1): removes the stuffed 0x00 after each 0xFF, stops at
 * markers (feeding zero bits, as libjpeg does), and reports truncation when those zero bits get consumed. The bit
 * cache is {@link ScanBitReader}'s, shared with JPEG-LS; the stuffing rule and the Huffman decoding are JPEG's.
 */
final class JpegBitReader extends ScanBitReader {
    /** Zigzag index to natural (row-major) position; runs past the block end land harmlessly on the last one, as IJG. */
    static final int[] NATURAL = new int[80];

    static {
        int[] zigzag = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
            20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45,
            38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zigzag, 0, NATURAL, 0, 64);
        Arrays.fill(NATURAL, 64, 80, 63);
    }

    private boolean atMarker;

    void start(byte[] data, int from, int limit) {
        startBits(data, from, limit);
        atMarker = false;
    }

    /** T.81 B.1.1.5: a data 0xFF is followed by a stuffed 0x00; 0xFF before 0xFF is fill; anything else a marker. */
    @Override
    protected void fill() {
        if (!atMarker && fillWholeBytes()) {
            return;
        }
        while (cacheBits <= 56) {
            if (atMarker || pos >= end) {
                feedZeroByte();
                continue;
            }
            int v = src[pos] & 0xFF;
            if (v == 0xFF) {
                int next = pos + 1 < end ? src[pos + 1] & 0xFF : 0xD9;
                if (next == 0x00) {
                    pos += 2;
                } else if (next == 0xFF) {
                    pos++; // fill byte before a marker
                    continue;
                } else {
                    atMarker = true;
                    continue;
                }
            } else {
                pos++;
            }
            cache |= (long) v << (56 - cacheBits);
            cacheBits += 8;
        }
    }

    /**
     * A Huffman-coded magnitude category followed by its extra bits (F.2.2.1 DC difference, also lossless
     * differences): one cache check for both parts.
     */
    int decodeDifference(JpegHuffmanTable t) {
        if (cacheBits < 32) {
            fill();
        }
        int look = t.lookahead[(int) (cache >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
        int s;
        if (look != 0) {
            int len = look >>> 8;
            cache <<= len;
            cacheBits -= len;
            s = look & 0xFF;
        } else {
            s = decode(t);
        }
        if (s == 0) {
            return 0;
        }
        if (s >= 16) {
            if (s == 16) {
                return 32768;
            }
            throw new CodestreamException("JPEG difference magnitude category " + s + " too large (corrupt data)");
        }
        // at least 16 bits remain after a code of at most 16 bits, and s <= 15
        int v = (int) (cache >>> (64 - s));
        cache <<= s;
        cacheBits -= s;
        return JpegHuffmanTable.extend(v, s);
    }

    /**
     * Decodes the AC coefficients of one block (F.2.2.2) into {@code block} at their natural-order positions and lists
     * the positions it set in {@code nonzero}; returns how many. Other positions are left as they are (the caller
     * keeps them zero), so a block without AC coefficients costs nothing beyond its end-of-block code.
     */
    int decodeAcCoefficients(JpegHuffmanTable t, int[] block, int[] nonzero) {
        int[] fast = t.coefficient;
        int count = 0;
        for (int k = 1; k < 64; k++) {
            if (cacheBits < 32) {
                fill(); // enough for a 16-bit code and 15 magnitude bits
            }
            int entry = fast[(int) (cache >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
            int value;
            if (entry != 0) {
                int len = entry & 15;
                cache <<= len;
                cacheBits -= len;
                k += (entry >> 4) & 15;
                value = entry >> 8;
            } else {
                int rs = decode(t);
                int size = rs & 15;
                int run = rs >> 4;
                if (size == 0) {
                    if (run != 15) {
                        break; // end of block
                    }
                    k += 15; // sixteen zeros
                    continue;
                }
                k += run;
                value = JpegHuffmanTable.extend((int) (cache >>> (64 - size)), size);
                cache <<= size;
                cacheBits -= size;
            }
            int pos = NATURAL[k];
            block[pos] = value;
            nonzero[count++] = pos;
        }
        return count;
    }

    int decode(JpegHuffmanTable t) {
        if (cacheBits < 16) {
            fill();
        }
        int look = t.lookahead[(int) (cache >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
        if (look != 0) {
            int len = look >>> 8;
            cache <<= len;
            cacheBits -= len;
            return look & 0xFF;
        }
        int len = JpegHuffmanTable.LOOKAHEAD + 1;
        int code = (int) (cache >>> (64 - len));
        while (code > t.maxCode[len]) {
            len++;
            if (len > 16) {
                throw new CodestreamException(truncated() ? "JPEG scan data ends early (truncated)"
                        : "JPEG bad Huffman code (corrupt data)");
            }
            code = (int) (cache >>> (64 - len));
        }
        cache <<= len;
        cacheBits -= len;
        int idx = code + t.valOffset[len];
        if (idx < 0 || idx > 255) {
            throw new CodestreamException("JPEG bad Huffman code (corrupt data)");
        }
        return t.values[idx];
    }

    /**
     * Discards buffered bits and expects restart marker RSTn at the current position (F.2.2.5); returns false when it
     * is absent (corrupt or truncated data).
     */
    boolean consumeRestart(int n) {
        // return unread whole bytes to the stream: we only ever read ahead stuffed-free bytes before a marker, so
        // positioning at the next marker from the current pos is enough
        cache = 0;
        cacheBits = 0;
        padBits = 0;
        while (pos + 1 < end && !(src[pos] == (byte) 0xFF && (src[pos + 1] & 0xFF) >= 0xD0
                && (src[pos + 1] & 0xFF) <= 0xD7)) {
            if (src[pos] == (byte) 0xFF && src[pos + 1] != 0 && src[pos + 1] != (byte) 0xFF) {
                return false; // some other marker: not a restart
            }
            pos++;
        }
        if (pos + 1 >= end || (src[pos + 1] & 0xFF) != 0xD0 + (n & 7)) {
            return false;
        }
        pos += 2;
        atMarker = false;
        return true;
    }
}
