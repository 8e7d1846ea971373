package nl.duoviewer.core.codec.jpeg;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * Walks the marker segments of a JPEG-family codestream (ISO 10918-1 B.1, also used by JPEG-LS, ISO 14495-1 C.1) with
 * bounds checks: every length is verified against the data before it is used. Public for {@code codec.jpegls}, which
 * shares the marker syntax.
 */
public final class JpegMarkers {
    private final byte[] src;
    private final int end;
    private final String family;
    private int pos;
    private int segStart;
    private int segLength;

    public JpegMarkers(byte[] src, int off, int len, String family) {
        this.src = src;
        this.pos = off;
        this.end = off + len;
        this.family = family;
    }

    public void expectSoi() {
        if (end - pos < 4 || u8(pos) != 0xFF || u8(pos + 1) != 0xD8) {
            throw new CodestreamException(family + " stream does not start with SOI (FFD8)");
        }
        pos += 2;
    }

    /**
     * Advances to the next marker, skipping fill bytes, and returns its code (the byte after 0xFF). For markers with a
     * segment, {@link #segmentStart()} is the offset of the length field.
     */
    public int nextMarker() {
        while (pos < end && u8(pos) != 0xFF) {
            pos++; // tolerate garbage between segments as decoders commonly do
        }
        while (pos < end && u8(pos) == 0xFF) {
            pos++;
        }
        if (pos >= end) {
            throw new CodestreamException(family + " stream ends without EOI (truncated)");
        }
        int marker = u8(pos++);
        segStart = pos;
        segLength = 0;
        if (marker != 0xD8 && marker != 0xD9 && marker != 0x01 && (marker < 0xD0 || marker > 0xD7)) {
            if (end - pos < 2) {
                throw new CodestreamException(family + " marker FF" + Integer.toHexString(marker).toUpperCase()
                        + " truncated");
            }
            segLength = u16(pos);
            if (segLength < 2 || pos + segLength > end) {
                throw new CodestreamException(family + " marker FF" + Integer.toHexString(marker).toUpperCase()
                        + " segment length " + segLength + " runs past the end of the data (truncated)");
            }
        }
        return marker;
    }

    public int segmentStart() {
        return segStart;
    }

    /** The segment's length field value (includes the two length bytes). */
    public int segmentLength() {
        return segLength;
    }

    public void skipSegment() {
        pos = segStart + segLength;
    }

    public int position() {
        return pos;
    }

    public void position(int p) {
        pos = p;
    }

    public int end() {
        return end;
    }

    /** Offset of the marker ending entropy-coded data that starts at {@code from}: 0xFF followed by a byte >= 0x80
     * other than a restart marker; the end of the data when there is none. */
    public int findScanEnd(int from, boolean restartsInside) {
        for (int i = from; i < end - 1; i++) {
            if (src[i] == (byte) 0xFF) {
                int next = src[i + 1] & 0xFF;
                if (next >= 0x80 && !(restartsInside && next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
            }
        }
        return end;
    }

    public int findScanEnd(int from) {
        return findScanEnd(from, false);
    }

    public int u8(int i) {
        if (i >= end) {
            throw new CodestreamException(family + " segment truncated");
        }
        return src[i] & 0xFF;
    }

    public int u16(int i) {
        return u8(i) << 8 | u8(i + 1);
    }
}
