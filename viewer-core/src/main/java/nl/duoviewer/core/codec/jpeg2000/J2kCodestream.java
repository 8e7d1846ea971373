package nl.duoviewer.core.codec.jpeg2000;

import nl.duoviewer.core.codec.CodestreamException;

/**
 * Facts read from the SIZ marker of a JPEG 2000 codestream (ISO 15444-1 A.5.1), raw or inside a JP2 file, so that
 * the image is checked against the DICOM description before any native decoder allocates for it.
 */
record J2kCodestream(int sizOffset, int width, int height, int components, int precision, boolean signed,
                     boolean htj2k) {

    /** Locates SOC+SIZ in the first bytes (a JP2 wrapper puts the codestream after its header boxes). */
    static J2kCodestream read(byte[] b, int off, int len) {
        int limit = Math.min(len - 4, 64 * 1024);
        int siz = -1;
        for (int i = 0; i <= limit; i++) {
            if (b[off + i] == (byte) 0xFF && b[off + i + 1] == 0x4F && b[off + i + 2] == (byte) 0xFF
                    && b[off + i + 3] == 0x51) {
                siz = off + i + 2;
                break;
            }
        }
        if (siz < 0) {
            throw new CodestreamException("no JPEG 2000 codestream (SOC + SIZ markers) found");
        }
        if (siz + 41 > off + len) {
            throw new CodestreamException("JPEG 2000 SIZ marker truncated");
        }
        int lsiz = u16(b, siz + 2);
        int rsiz = u16(b, siz + 4);
        long xsiz = u32(b, siz + 6);
        long ysiz = u32(b, siz + 10);
        long xo = u32(b, siz + 14);
        long yo = u32(b, siz + 18);
        int csiz = u16(b, siz + 38);
        if (csiz < 1 || csiz > 4 || lsiz != 38 + 3 * csiz || siz + 40 + 3 * csiz > off + len) {
            throw new CodestreamException("JPEG 2000 SIZ declares " + csiz + " components (length " + lsiz + ")");
        }
        int ssiz = b[siz + 40] & 0xFF;
        for (int c = 1; c < csiz; c++) {
            if ((b[siz + 40 + 3 * c] & 0xFF) != ssiz) {
                throw new CodestreamException("JPEG 2000 components of different depth are not supported");
            }
        }
        long w = xsiz - xo;
        long h = ysiz - yo;
        if (w < 1 || h < 1 || w > 65535 || h > 65535) {
            throw new CodestreamException("JPEG 2000 image size " + w + "x" + h + " invalid");
        }
        boolean ht = (rsiz & 0x4000) != 0;
        return new J2kCodestream(siz, (int) w, (int) h, csiz, (ssiz & 0x7F) + 1, (ssiz & 0x80) != 0, ht);
    }

    /** Rewrites the signedness bit of every component's Ssiz in {@code b} (a private copy of the stream). */
    void setSigned(byte[] b, boolean signed) {
        for (int c = 0; c < components; c++) {
            int at = sizOffset + 40 + 3 * c;
            b[at] = (byte) (signed ? b[at] | 0x80 : b[at] & 0x7F);
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }
}
