package nl.duoviewer.core.codec.jpeg;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * A Huffman decoding table built from a DHT segment (ISO 10918-1 Annex C / F.2.2.3), with a 9-bit lookahead table for
 * the common short codes and the canonical max-code arrays for the rest. AC tables also get a coefficient table that
 * resolves a short code together with the magnitude bits that follow it.
 */
final class JpegHuffmanTable {
    static final int LOOKAHEAD = 9;

    /** lookahead[bits] = (code length << 8) | symbol, or 0 when the code is longer than LOOKAHEAD bits. */
    final int[] lookahead = new int[1 << LOOKAHEAD];
    /**
     * For AC tables: coefficient[bits] = (value << 8) | (run << 4) | (code length + magnitude bits) when a non-zero
     * coefficient's code and its magnitude bits both fit in the LOOKAHEAD bits, else 0 (also for EOB and ZRL, which
     * carry no magnitude). Empty for DC tables.
     */
    final int[] coefficient;
    final int[] maxCode = new int[18];
    final int[] valOffset = new int[17];
    final int[] values = new int[256];

    /**
     * @param counts  number of codes of each length 1..16 (counts[0] is for length 1)
     * @param symbols the symbols in code order
     * @param ac      whether this is an AC table (symbols are run/size pairs), which gets the coefficient table
     */
    JpegHuffmanTable(int[] counts, int[] symbols, boolean ac) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total > 256 || total > symbols.length) {
            throw new CodestreamException("JPEG Huffman table declares " + total + " codes (max 256)");
        }
        System.arraycopy(symbols, 0, values, 0, total);
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            valOffset[len] = k - code;
            if (n > 0) {
                for (int i = 0; i < n; i++) {
                    if (len <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - len;
                        int base = code << shift;
                        for (int j = 0; j < 1 << shift; j++) {
                            lookahead[base + j] = (len << 8) | symbols[k];
                        }
                    }
                    code++;
                    k++;
                }
                maxCode[len] = code - 1;
            } else {
                maxCode[len] = -1;
            }
            if (code > (1 << len)) {
                throw new CodestreamException("JPEG Huffman table is over-subscribed at length " + len);
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE; // sentinel: ends the slow search
        coefficient = ac ? coefficientTable(lookahead) : new int[0];
    }

    /**
     * Most AC coefficients of real images have a short code and a small magnitude: resolving both from one table
     * read saves the second bit extraction and the sign extension per coefficient (F.2.2.1 EXTEND is done here).
     */
    private static int[] coefficientTable(int[] lookahead) {
        int[] table = new int[lookahead.length];
        for (int bits = 0; bits < lookahead.length; bits++) {
            int look = lookahead[bits];
            int len = look >>> 8;
            int size = look & 15;
            int run = (look >> 4) & 15;
            if (look == 0 || size == 0 || len + size > LOOKAHEAD) {
                continue;
            }
            int magnitude = (bits >> (LOOKAHEAD - len - size)) & ((1 << size) - 1);
            table[bits] = (extend(magnitude, size) << 8) | (run << 4) | (len + size);
        }
        return table;
    }

    /** F.2.2.1 EXTEND: the {@code size}-bit magnitude category value as a signed coefficient. */
    static int extend(int v, int size) {
        return v < (1 << (size - 1)) ? v - (1 << size) + 1 : v;
    }
}
