package nl.duoviewer.core.codec;

/**
 * A Huffman decoding table built from a DHT segment (ISO 10918-1 Annex C / F.2.2.3), with a 9-bit lookahead table for
 * the common short codes and the canonical max-code arrays for the rest.
 */
final class JpegHuffmanTable {
    static final int LOOKAHEAD = 9;

    /** lookahead[bits] = (code length << 8) | symbol, or 0 when the code is longer than LOOKAHEAD bits. */
    final int[] lookahead = new int[1 << LOOKAHEAD];
    final int[] maxCode = new int[18];
    final int[] valOffset = new int[17];
    final int[] values = new int[256];

    /**
     * @param counts  number of codes of each length 1..16 (counts[0] is for length 1)
     * @param symbols the symbols in code order
     */
    JpegHuffmanTable(int[] counts, int[] symbols) {
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
    }
}
