package nl.duoviewer.core.codec;

/**
 * Reads the entropy-coded segment of a JPEG scan: removes the stuffed 0x00 after each 0xFF, stops at markers (feeding
 * zero bits, as libjpeg does), and reports truncation when those zero bits get consumed.
 */
final class JpegBitReader {
    private byte[] src;
    private int pos;
    private int end;
    private long cache;
    private int cacheBits;
    private int padBits;
    private boolean atMarker;

    void start(byte[] data, int from, int limit) {
        src = data;
        pos = from;
        end = limit;
        cache = 0;
        cacheBits = 0;
        padBits = 0;
        atMarker = false;
    }

    private void fill() {
        while (cacheBits <= 56) {
            if (atMarker || pos >= end) {
                cacheBits += 8;
                padBits += 8;
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
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /**
     * One AC code (F.2.2.2): returns {@code (run << 16) | (value & 0xFFFF)} for a coefficient, {@code -1} for the
     * end of block, {@code 15 << 16} (value 0) for a run of sixteen zeros.
     */
    int decodeAc(JpegHuffmanTable t) {
        if (cacheBits < 32) {
            fill();
        }
        int look = t.lookahead[(int) (cache >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
        int rs;
        if (look != 0) {
            int len = look >>> 8;
            cache <<= len;
            cacheBits -= len;
            rs = look & 0xFF;
        } else {
            rs = decode(t);
        }
        int s = rs & 15;
        int r = rs >> 4;
        if (s == 0) {
            return r == 15 ? 15 << 16 : -1;
        }
        int v = (int) (cache >>> (64 - s));
        cache <<= s;
        cacheBits -= s;
        v = v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
        return (r << 16) | (v & 0xFFFF);
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

    /** True when bits beyond the data (zero fill at a marker or the end) were consumed. */
    boolean truncated() {
        return cacheBits < padBits;
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
