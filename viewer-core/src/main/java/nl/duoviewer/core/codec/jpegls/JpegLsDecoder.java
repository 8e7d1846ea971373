package nl.duoviewer.core.codec.jpegls;

import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.SampleMasking;
import nl.duoviewer.core.codec.jpeg.JpegMarkers;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Parses a JPEG-LS codestream (SOI, SOF55, LSE preset parameters, SOS per scan, EOI) and decodes it into a frame
 * buffer. Supports 2..16-bit precision, lossless and near-lossless, up to 4 components, interleave modes none, line
 * and sample (the last two as CharLS, inside dcmtk and gdcm, code them). Not supported (clear error): mapping
 * tables, restart intervals, point transform.
 */
final class JpegLsDecoder {
    private final JpegLsScanDecoder scan = new JpegLsScanDecoder();
    private int[][] lines = new int[0][];

    private int precision;
    private int height;
    private int width;
    private int components;
    private final int[] componentIds = new int[4];
    private int lseMaxVal;
    private int lseT1;
    private int lseT2;
    private int lseT3;
    private int lseReset;

    /** Decodes {@code len} bytes at {@code off}; output container and masking follow {@code d}. */
    void decode(byte[] src, int off, int len, ImageDescriptor d, FrameBuffer out) {
        JpegMarkers m = new JpegMarkers(src, off, len, "JPEG-LS");
        m.expectSoi();
        precision = 0;
        lseMaxVal = lseT1 = lseT2 = lseT3 = lseReset = 0;
        boolean[] decoded = new boolean[4];
        int scans = 0;
        while (true) {
            int marker = m.nextMarker();
            switch (marker) {
                case 0xF7 -> readFrameHeader(m, d, out);
                case 0xF8 -> readPresets(m);
                case 0xDA -> {
                    if (precision == 0) {
                        throw new CodestreamException("JPEG-LS SOS before SOF55");
                    }
                    decodeScan(m, src, decoded, out);
                    scans++;
                }
                case 0xD9 -> {
                    for (int i = 0; i < components; i++) {
                        if (!decoded[i]) {
                            throw new CodestreamException("JPEG-LS EOI before component " + (i + 1) + " was coded");
                        }
                    }
                    finish(d, out);
                    return;
                }
                case 0xDD -> {
                    int ri = m.segmentLength() >= 4 ? m.u16(m.segmentStart() + 2) : 0;
                    if (ri != 0) {
                        throw new CodestreamException("JPEG-LS restart intervals are not supported");
                    }
                    m.skipSegment();
                }
                case 0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new CodestreamException("not a JPEG-LS stream: found JPEG SOF marker FF"
                                + Integer.toHexString(marker).toUpperCase());
                default -> {
                    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                        throw new CodestreamException("unexpected marker FF" + Integer.toHexString(marker));
                    }
                    m.skipSegment();
                }
            }
            if (scans > 4) {
                throw new CodestreamException("JPEG-LS stream has more scans than components");
            }
        }
    }

    private void readFrameHeader(JpegMarkers m, ImageDescriptor d, FrameBuffer out) {
        int s = m.segmentStart();
        if (m.segmentLength() < 8) {
            throw new CodestreamException("JPEG-LS SOF55 segment too short");
        }
        precision = m.u8(s + 2);
        height = m.u16(s + 3);
        width = m.u16(s + 5);
        components = m.u8(s + 7);
        if (precision < 2 || precision > 16) {
            throw new CodestreamException("JPEG-LS precision " + precision + " outside 2..16");
        }
        if (components < 1 || components > 4 || m.segmentLength() < 8 + 3 * components) {
            throw new CodestreamException("JPEG-LS SOF55 declares " + components + " components");
        }
        if (height != d.rows() || width != d.columns() || components != d.samplesPerPixel()) {
            throw new CodestreamException("JPEG-LS image is " + width + "x" + height + "x" + components
                    + ", the dataset says " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
        if (precision > Math.max(8, d.bitsAllocated())) {
            throw new CodestreamException("JPEG-LS precision " + precision + " exceeds Bits Allocated "
                    + d.bitsAllocated());
        }
        for (int i = 0; i < components; i++) {
            componentIds[i] = m.u8(s + 8 + 3 * i);
        }
        out.reset(d, d.photometric());
        if (lines.length < 2 * components || lines[0].length < width + 2) {
            lines = new int[2 * components][width + 2];
        }
        m.skipSegment();
    }

    private void readPresets(JpegMarkers m) {
        int s = m.segmentStart();
        int id = m.u8(s + 2);
        if (id != 1) {
            throw new CodestreamException("JPEG-LS LSE type " + id + " (mapping tables / extensions) not supported");
        }
        if (m.segmentLength() < 13) {
            throw new CodestreamException("JPEG-LS LSE preset segment too short");
        }
        lseMaxVal = m.u16(s + 3);
        lseT1 = m.u16(s + 5);
        lseT2 = m.u16(s + 7);
        lseT3 = m.u16(s + 9);
        lseReset = m.u16(s + 11);
        m.skipSegment();
    }

    private void decodeScan(JpegMarkers m, byte[] src, boolean[] decoded, FrameBuffer out) {
        int s = m.segmentStart();
        int ns = m.u8(s + 2);
        if (ns < 1 || ns > components || m.segmentLength() < 6 + 2 * ns) {
            throw new CodestreamException("JPEG-LS SOS declares " + ns + " components");
        }
        int[] scanComponents = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = m.u8(s + 3 + 2 * i);
            int idx = -1;
            for (int k = 0; k < components; k++) {
                if (componentIds[k] == id) {
                    idx = k;
                }
            }
            if (idx < 0 || decoded[idx]) {
                throw new CodestreamException("JPEG-LS SOS names unknown or repeated component " + id);
            }
            if (m.u8(s + 4 + 2 * i) != 0) {
                throw new CodestreamException("JPEG-LS mapping tables are not supported");
            }
            scanComponents[i] = idx;
        }
        int p = s + 3 + 2 * ns;
        int near = m.u8(p);
        int ilv = m.u8(p + 1);
        int pt = m.u8(p + 2) & 0x0F;
        if (pt != 0) {
            throw new CodestreamException("JPEG-LS point transform is not supported");
        }
        if (ilv > 2 || (ilv == 0 && ns != 1)) {
            throw new CodestreamException("JPEG-LS interleave mode " + ilv + " with " + ns + " components invalid");
        }
        JpegLsParameters params = JpegLsParameters.of(precision, near, lseMaxVal, lseT1, lseT2, lseT3, lseReset);
        m.skipSegment();
        int dataStart = m.position();
        int dataEnd = m.findScanEnd(dataStart);
        scan.startScan(params);
        scan.startBits(src, dataStart, dataEnd);
        for (int c = 0; c < ns; c++) {
            java.util.Arrays.fill(lines[2 * c], 0, width + 2, 0);
            java.util.Arrays.fill(lines[2 * c + 1], 0, width + 2, 0);
        }
        int spp = components;
        if (ilv == 2 && ns > 1) {
            int[][] prevs = new int[ns][];
            int[][] curs = new int[ns][];
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < ns; c++) {
                    prevs[c] = lines[2 * c + (y & 1)];
                    curs[c] = lines[2 * c + 1 - (y & 1)];
                    prevs[c][width + 1] = prevs[c][width];
                    curs[c][0] = prevs[c][1];
                }
                scan.decodeLineInterleaved(prevs, curs, width, ns);
                for (int c = 0; c < ns; c++) {
                    store(out, curs[c], y, scanComponents[c], spp);
                }
            }
        } else {
            // line-interleaved scans share the contexts but keep one run index per component (as CharLS does)
            int[] runIndexes = new int[ns];
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < ns; c++) {
                    int[] prev = lines[2 * c + (y & 1)];
                    int[] cur = lines[2 * c + 1 - (y & 1)];
                    prev[width + 1] = prev[width];
                    cur[0] = prev[1];
                    scan.runIndex(runIndexes[c]);
                    scan.decodeLine(prev, cur, width);
                    runIndexes[c] = scan.runIndex();
                    store(out, cur, y, scanComponents[c], spp);
                }
            }
        }
        for (int c : scanComponents) {
            decoded[c] = true;
        }
        m.position(dataEnd);
    }

    private void store(FrameBuffer out, int[] line, int y, int comp, int spp) {
        int base = y * width * spp + comp;
        switch (out.kind().containerBits()) {
            case 8 -> {
                byte[] o = out.bytes();
                for (int x = 0, k = base; x < width; x++, k += spp) {
                    o[k] = (byte) line[x + 1];
                }
            }
            case 16 -> {
                short[] o = out.shorts();
                for (int x = 0, k = base; x < width; x++, k += spp) {
                    o[k] = (short) line[x + 1];
                }
            }
            default -> {
                int[] o = out.ints();
                for (int x = 0, k = base; x < width; x++, k += spp) {
                    o[k] = line[x + 1];
                }
            }
        }
    }

    private void finish(ImageDescriptor d, FrameBuffer out) {
        if (d.bitsStored() < out.kind().containerBits()) {
            SampleMasking.apply(out, out.sampleCount(), d.bitsStored(), 0, d.signed());
        }
    }
}
