package nl.duoviewer.core.codec.jpeg;

import java.util.Arrays;

import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.SampleMasking;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * Pure-Java JPEG decoder for the DICOM JPEG processes: baseline (SOF0) and extended sequential Huffman (SOF1), 8 and
 * 12 bits, and lossless (SOF3, process 14, predictors 1..7, point transform), 2..16 bits. Lossy output reproduces
 * IJG 6b (accurate integer IDCT, fancy upsampling, table colour conversion), which dcmtk and gdcm use.
 * Progressive, hierarchical and arithmetic-coded streams are refused with a clear error.
 */
final class JpegDecoder {
    /** One frame component and its decoded sample plane. */
    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int blocksWide;
        int blocksHigh;
        int planeWidth;
        short[] plane = new short[0];
        /** Where the IDCT's blocks go: {@link #plane}, or the frame buffer for a single-component image. */
        final JpegSamplePlane samples = new JpegSamplePlane();
        int dcPred;
        int dcTable;
        int acTable;
        boolean coded;
        short[] full = new short[0];
    }

    private final JpegBitReader bits = new JpegBitReader();
    private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
    private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
    private final int[][] qTables = new int[4][64];
    private final boolean[] qDefined = new boolean[4];
    private final Component[] comps = {new Component(), new Component(), new Component(), new Component()};
    private final int[] coef = new int[64];
    private final int[] nonzero = new int[64];
    private JpegIdct idct8;
    private JpegIdct idct12;
    private int[] lineA = new int[0];
    private int[] lineB = new int[0];

    private int sof;
    private int precision;
    private int width;
    private int height;
    private int ncomp;
    private int hmax;
    private int vmax;
    private int mcusX;
    private int mcusY;
    private int restartInterval;
    /** A single-component lossy frame decoded straight into the frame buffer (no plane to copy at the end). */
    private boolean direct;

    /**
     * Decodes the codestream at {@code src[off..off+len)} into {@code out}.
     *
     * @param convertToRgb convert YCbCr to RGB when the dataset's photometric interpretation is YBR_* (as dcmtk);
     *                     when false, upsampled YCbCr is delivered as YBR_FULL (as gdcm)
     */
    void decode(byte[] src, int off, int len, ImageDescriptor d, FrameBuffer out, boolean convertToRgb) {
        JpegMarkers m = new JpegMarkers(src, off, len, "JPEG");
        m.expectSoi();
        sof = -1;
        restartInterval = 0;
        direct = false;
        Arrays.fill(qDefined, false);
        Arrays.fill(dcTables, null);
        Arrays.fill(acTables, null);
        for (int guard = 0; guard < 100_000; guard++) {
            int marker;
            try {
                marker = m.nextMarker();
            } catch (CodestreamException e) {
                if (sof >= 0 && allCoded()) {
                    break; // missing EOI after complete scans: accepted, as IJG does
                }
                throw e;
            }
            switch (marker) {
                case 0xC0, 0xC1, 0xC3 -> readFrame(m, marker, d, out);
                case 0xC2, 0xC6, 0xCA, 0xCE -> throw new CodestreamException("progressive JPEG is not supported");
                case 0xC5, 0xC7, 0xCD, 0xCF -> throw new CodestreamException("hierarchical JPEG is not supported");
                case 0xC9, 0xCB -> throw new CodestreamException("arithmetic-coded JPEG is not supported");
                case 0xF7 -> throw new CodestreamException("this is a JPEG-LS stream (SOF55), not JPEG");
                case 0xC4 -> readHuffman(m);
                case 0xDB -> readQuantisation(m);
                case 0xDD -> {
                    restartInterval = m.u16(m.segmentStart() + 2);
                    m.skipSegment();
                }
                case 0xDA -> readScan(m, src, out);
                case 0xD9 -> {
                    finish(d, out, convertToRgb);
                    return;
                }
                case 0xD8 -> throw new CodestreamException("JPEG second SOI inside the stream");
                default -> {
                    if (marker >= 0xD0 && marker <= 0xD7) {
                        continue; // stray restart marker between segments
                    }
                    m.skipSegment();
                }
            }
        }
        if (sof < 0 || !allCoded()) {
            throw new CodestreamException("JPEG stream ends before all components were decoded (truncated)");
        }
        finish(d, out, convertToRgb);
    }

    private boolean allCoded() {
        for (int i = 0; i < ncomp; i++) {
            if (!comps[i].coded) {
                return false;
            }
        }
        return ncomp > 0;
    }

    private void readFrame(JpegMarkers m, int marker, ImageDescriptor d, FrameBuffer out) {
        if (sof >= 0) {
            throw new CodestreamException("JPEG stream has a second frame header");
        }
        int s = m.segmentStart();
        sof = marker;
        precision = m.u8(s + 2);
        height = m.u16(s + 3);
        width = m.u16(s + 5);
        ncomp = m.u8(s + 7);
        if (marker == 0xC3) {
            if (precision < 2 || precision > 16) {
                throw new CodestreamException("JPEG lossless precision " + precision + " outside 2..16");
            }
        } else if (precision != 8 && precision != 12) {
            throw new CodestreamException("JPEG DCT precision " + precision
                    + " is not allowed (ISO 10918-1 permits 8 or 12 bits; non-conformant stream)");
        } else if (marker == 0xC0 && precision != 8) {
            throw new CodestreamException("JPEG baseline (SOF0) with precision " + precision);
        }
        if (height == 0) {
            throw new CodestreamException("JPEG with DNL-defined height is not supported");
        }
        if (ncomp < 1 || ncomp > 4 || m.segmentLength() < 8 + 3 * ncomp) {
            throw new CodestreamException("JPEG frame declares " + ncomp + " components");
        }
        if (width != d.columns() || height != d.rows() || ncomp != d.samplesPerPixel()) {
            throw new CodestreamException("JPEG image is " + width + "x" + height + "x" + ncomp
                    + ", the dataset says " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
        if (precision > Math.max(8, d.bitsAllocated())) {
            throw new CodestreamException("JPEG precision " + precision + " exceeds Bits Allocated "
                    + d.bitsAllocated());
        }
        hmax = 1;
        vmax = 1;
        for (int i = 0; i < ncomp; i++) {
            Component c = comps[i];
            c.id = m.u8(s + 8 + 3 * i);
            int hv = m.u8(s + 9 + 3 * i);
            c.h = hv >> 4;
            c.v = hv & 15;
            c.tq = m.u8(s + 10 + 3 * i);
            c.coded = false;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw new CodestreamException("JPEG component " + c.id + " has invalid sampling or table");
            }
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
        }
        mcusX = (width + 8 * hmax - 1) / (8 * hmax);
        mcusY = (height + 8 * vmax - 1) / (8 * vmax);
        out.reset(d, d.photometric());
        if (marker != 0xC3) {
            allocatePlanes(out);
            if (precision == 8 && idct8 == null) {
                idct8 = new JpegIdct(8);
            } else if (precision == 12 && idct12 == null) {
                idct12 = new JpegIdct(12);
            }
        }
        m.skipSegment();
    }

    /** Sample planes for the DCT processes; a single component at 8 or 16 bits is written into {@code out}. */
    private void allocatePlanes(FrameBuffer out) {
        int container = out.kind().containerBits();
        direct = ncomp == 1 && (container == 8 || container == 16);
        for (int i = 0; i < ncomp; i++) {
            Component c = comps[i];
            c.blocksWide = mcusX * c.h;
            c.blocksHigh = mcusY * c.v;
            c.planeWidth = c.blocksWide * 8;
            if (direct && container == 8) {
                c.samples.bytes(out.bytes(), width, height);
            } else if (direct) {
                c.samples.shorts(out.shorts(), width, height);
            } else {
                int size = c.planeWidth * c.blocksHigh * 8;
                if (c.plane.length < size) {
                    c.plane = new short[size];
                }
                c.samples.shorts(c.plane, c.planeWidth, c.blocksHigh * 8);
            }
        }
    }

    private void readHuffman(JpegMarkers m) {
        int p = m.segmentStart() + 2;
        int end = m.segmentStart() + m.segmentLength();
        while (p < end) {
            int tcth = m.u8(p);
            int tc = tcth >> 4;
            int th = tcth & 15;
            if (tc > 1 || th > 3) {
                throw new CodestreamException("JPEG DHT with class " + tc + " id " + th);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = m.u8(p + 1 + i);
                total += counts[i];
            }
            if (total > 256 || p + 17 + total > end) {
                throw new CodestreamException("JPEG DHT segment is inconsistent");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = m.u8(p + 17 + i);
            }
            JpegHuffmanTable t = new JpegHuffmanTable(counts, symbols, tc == 1);
            if (tc == 0) {
                dcTables[th] = t;
            } else {
                acTables[th] = t;
            }
            p += 17 + total;
        }
        m.skipSegment();
    }

    private void readQuantisation(JpegMarkers m) {
        int p = m.segmentStart() + 2;
        int end = m.segmentStart() + m.segmentLength();
        while (p < end) {
            int pqtq = m.u8(p);
            int pq = pqtq >> 4;
            int tq = pqtq & 15;
            if (pq > 1 || tq > 3 || p + 1 + 64 * (pq + 1) > end) {
                throw new CodestreamException("JPEG DQT segment is inconsistent");
            }
            for (int k = 0; k < 64; k++) {
                int v = pq == 0 ? m.u8(p + 1 + k) : m.u16(p + 1 + 2 * k);
                qTables[tq][JpegBitReader.NATURAL[k]] = v;
            }
            qDefined[tq] = true;
            p += 1 + 64 * (pq + 1);
        }
        m.skipSegment();
    }

    private void readScan(JpegMarkers m, byte[] src, FrameBuffer out) {
        if (sof < 0) {
            throw new CodestreamException("JPEG SOS before the frame header");
        }
        int s = m.segmentStart();
        int ns = m.u8(s + 2);
        if (ns < 1 || ns > ncomp || m.segmentLength() < 6 + 2 * ns) {
            throw new CodestreamException("JPEG SOS declares " + ns + " components");
        }
        Component[] scan = new Component[ns];
        for (int i = 0; i < ns; i++) {
            int id = m.u8(s + 3 + 2 * i);
            int tables = m.u8(s + 4 + 2 * i);
            Component c = null;
            for (int k = 0; k < ncomp; k++) {
                if (comps[k].id == id) {
                    c = comps[k];
                }
            }
            if (c == null) {
                throw new CodestreamException("JPEG SOS names unknown component " + id);
            }
            c.dcTable = tables >> 4;
            c.acTable = tables & 15;
            if (c.dcTable > 3 || dcTables[c.dcTable] == null
                    || (sof != 0xC3 && (c.acTable > 3 || acTables[c.acTable] == null))) {
                throw new CodestreamException("JPEG scan uses an undefined Huffman table");
            }
            if (sof != 0xC3 && !qDefined[c.tq]) {
                throw new CodestreamException("JPEG component " + id + " uses undefined quantisation table " + c.tq);
            }
            c.dcPred = 0;
            scan[i] = c;
        }
        int ss = m.u8(s + 3 + 2 * ns);
        int al = m.u8(s + 5 + 2 * ns) & 15;
        m.skipSegment();
        int dataStart = m.position();
        int dataEnd = m.findScanEnd(dataStart, true);
        bits.start(src, dataStart, dataEnd);
        if (sof == 0xC3) {
            decodeLosslessScan(scan, ss, al, out);
        } else {
            decodeDctScan(scan);
        }
        for (Component c : scan) {
            c.coded = true;
        }
        m.position(dataEnd);
    }

    private void decodeDctScan(Component[] scan) {
        JpegIdct idct = precision == 8 ? idct8 : idct12;
        int restartsLeft = restartInterval;
        int nextRst = 0;
        if (scan.length == 1) {
            Component c = scan[0];
            int bw = ((width * c.h + hmax - 1) / hmax + 7) / 8;
            int bh = ((height * c.v + vmax - 1) / vmax + 7) / 8;
            int total = bw * bh;
            for (int i = 0; i < total; i++) {
                if (restartInterval > 0 && restartsLeft == 0) {
                    nextRst = restart(nextRst, scan);
                    restartsLeft = restartInterval;
                }
                decodeBlock(c, idct, i % bw, i / bw);
                restartsLeft--;
            }
        } else {
            int total = mcusX * mcusY;
            for (int i = 0; i < total; i++) {
                if (restartInterval > 0 && restartsLeft == 0) {
                    nextRst = restart(nextRst, scan);
                    restartsLeft = restartInterval;
                }
                int mx = i % mcusX;
                int my = i / mcusX;
                for (Component c : scan) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            decodeBlock(c, idct, mx * c.h + h, my * c.v + v);
                        }
                    }
                }
                restartsLeft--;
            }
        }
        if (bits.truncated()) {
            throw new CodestreamException("JPEG scan data ends before the image is complete (truncated)");
        }
    }

    private int restart(int nextRst, Component[] scan) {
        if (bits.truncated() || !bits.consumeRestart(nextRst)) {
            throw new CodestreamException("JPEG restart marker RST" + nextRst + " missing (corrupt or truncated)");
        }
        for (Component c : scan) {
            c.dcPred = 0;
        }
        return (nextRst + 1) & 7;
    }

    private void decodeBlock(Component c, JpegIdct idct, int bx, int by) {
        int[] z = coef;
        c.dcPred += bits.decodeDifference(dcTables[c.dcTable]);
        z[0] = (short) c.dcPred;
        int count = bits.decodeAcCoefficients(acTables[c.acTable], z, nonzero);
        int[] q = qTables[c.tq];
        if (count == 0) {
            // smooth images have many such blocks: their samples are all one value, no transform needed
            c.samples.fill(bx * 8, by * 8, idct.dcOnly(z[0], q[0]));
            return;
        }
        int spread = 0;
        for (int i = 0; i < count; i++) {
            spread |= nonzero[i];
        }
        c.samples.put(bx * 8, by * 8, idct.transform(z, q, spread));
        // clear only what this block set, instead of all 64 coefficients
        for (int i = 0; i < count; i++) {
            z[nonzero[i]] = 0;
        }
    }

    private void decodeLosslessScan(Component[] scan, int predictor, int pt, FrameBuffer out) {
        if (predictor < 1 || predictor > 7) {
            throw new CodestreamException("JPEG lossless predictor " + predictor + " invalid (1..7)");
        }
        for (Component c : scan) {
            if (scan.length > 1 && (c.h != 1 || c.v != 1)) {
                throw new CodestreamException("JPEG lossless with subsampled interleaved components is not supported");
            }
        }
        int ns = scan.length;
        int[] index = new int[ns];
        for (int i = 0; i < ns; i++) {
            for (int k = 0; k < ncomp; k++) {
                if (comps[k] == scan[i]) {
                    index[i] = k;
                }
            }
        }
        int n = width * ns;
        if (lineA.length < n) {
            lineA = new int[n];
            lineB = new int[n];
        }
        int[] prev = lineA;
        int[] cur = lineB;
        int initial = 1 << (precision - pt - 1);
        int restartsLeft = restartInterval;
        int nextRst = 0;
        boolean firstLine = true;
        boolean resetPending = true;
        int spp = ncomp;
        int container = out.kind().containerBits();
        short[] o16 = out.shorts();
        byte[] o8 = out.bytes();
        if (ns == 1 && ncomp == 1 && restartInterval == 0 && container == 16) {
            decodeLosslessGrey16(dcTables[scan[0].dcTable], predictor, pt, initial, o16);
            return;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0 && restartsLeft == 0) {
                    nextRst = restart(nextRst, scan);
                    restartsLeft = restartInterval;
                    resetPending = true;
                    firstLine = true;
                }
                for (int i = 0; i < ns; i++) {
                    int j = x * ns + i;
                    int px;
                    if (resetPending) {
                        px = initial;
                    } else if (firstLine) {
                        px = cur[j - ns];
                    } else if (x == 0) {
                        px = prev[j];
                    } else {
                        int ra = cur[j - ns];
                        int rb = prev[j];
                        int rc = prev[j - ns];
                        px = switch (predictor) {
                            case 1 -> ra;
                            case 2 -> rb;
                            case 3 -> rc;
                            case 4 -> ra + rb - rc;
                            case 5 -> ra + ((rb - rc) >> 1);
                            case 6 -> rb + ((ra - rc) >> 1);
                            default -> (ra + rb) >> 1;
                        };
                    }
                    JpegHuffmanTable t = dcTables[scan[i].dcTable];
                    int v = (px + bits.decodeDifference(t)) & 0xFFFF;
                    cur[j] = v;
                    int k = (y * width + x) * spp + index[i];
                    if (container == 8) {
                        o8[k] = (byte) (v << pt);
                    } else {
                        o16[k] = (short) (v << pt);
                    }
                }
                resetPending = false;
                restartsLeft--;
            }
            firstLine = false;
            int[] t = prev;
            prev = cur;
            cur = t;
            if (bits.truncated()) {
                throw new CodestreamException("JPEG lossless scan data ends before the image is complete (truncated)");
            }
        }
    }

    /** The common DICOM case (one component, no restarts, 16-bit container) without per-sample dispatch. */
    private void decodeLosslessGrey16(JpegHuffmanTable t, int predictor, int pt, int initial, short[] o) {
        int w = width;
        for (int y = 0; y < height; y++) {
            int row = y * w;
            int v;
            if (y == 0) {
                v = (initial + bits.decodeDifference(t)) & 0xFFFF;
                o[row] = (short) (v << pt);
                for (int x = 1; x < w; x++) {
                    v = (v + bits.decodeDifference(t)) & 0xFFFF;
                    o[row + x] = (short) (v << pt);
                }
            } else {
                int up = row - w;
                v = (((o[up] & 0xFFFF) >>> pt) + bits.decodeDifference(t)) & 0xFFFF;
                o[row] = (short) (v << pt);
                if (predictor == 1) {
                    for (int x = 1; x < w; x++) {
                        v = (v + bits.decodeDifference(t)) & 0xFFFF;
                        o[row + x] = (short) (v << pt);
                    }
                } else {
                    for (int x = 1; x < w; x++) {
                        int ra = v;
                        int rb = (o[up + x] & 0xFFFF) >>> pt;
                        int rc = (o[up + x - 1] & 0xFFFF) >>> pt;
                        int px = switch (predictor) {
                            case 2 -> rb;
                            case 3 -> rc;
                            case 4 -> ra + rb - rc;
                            case 5 -> ra + ((rb - rc) >> 1);
                            case 6 -> rb + ((ra - rc) >> 1);
                            default -> (ra + rb) >> 1;
                        };
                        v = (px + bits.decodeDifference(t)) & 0xFFFF;
                        o[row + x] = (short) (v << pt);
                    }
                }
            }
            if (bits.truncated()) {
                throw new CodestreamException("JPEG lossless scan data ends before the image is complete (truncated)");
            }
        }
    }

    private void finish(ImageDescriptor d, FrameBuffer out, boolean convertToRgb) {
        if (sof == 0xC3) {
            if (d.bitsStored() < out.kind().containerBits()) {
                SampleMasking.apply(out, out.sampleCount(), d.bitsStored(), 0, d.signed());
            }
            return;
        }
        if (ncomp == 1) {
            out.reset(d, d.photometric());
            if (!direct) {
                copyPlane(comps[0], out);
            }
            if (d.bitsStored() < out.kind().containerBits() && (d.signed() || d.bitsStored() < precision)) {
                SampleMasking.apply(out, out.sampleCount(), d.bitsStored(), 0, d.signed());
            }
            return;
        }
        for (int i = 0; i < ncomp; i++) {
            upsample(comps[i]);
        }
        int n = width * height;
        boolean toRgb = ncomp == 3 && d.photometric().isYbr() && convertToRgb;
        Photometric outPhotometric = d.photometric();
        if (ncomp == 3 && d.photometric().isYbr()) {
            outPhotometric = toRgb ? Photometric.RGB : Photometric.YBR_FULL;
        }
        out.reset(d, outPhotometric);
        if (toRgb) {
            JpegColor.ycbcrToRgb(comps[0].full, comps[1].full, comps[2].full, n, precision, out);
        } else if (out.kind().containerBits() == 8) {
            byte[] o = out.bytes();
            for (int c = 0; c < ncomp; c++) {
                short[] f = comps[c].full;
                for (int i = 0, k = c; i < n; i++, k += ncomp) {
                    o[k] = (byte) f[i];
                }
            }
        } else {
            short[] o = out.shorts();
            for (int c = 0; c < ncomp; c++) {
                short[] f = comps[c].full;
                for (int i = 0, k = c; i < n; i++, k += ncomp) {
                    o[k] = f[i];
                }
            }
        }
        if (d.bitsStored() < out.kind().containerBits() && (d.signed() || d.bitsStored() < precision)) {
            SampleMasking.apply(out, out.sampleCount(), d.bitsStored(), 0, d.signed());
        }
    }

    private void copyPlane(Component c, FrameBuffer out) {
        short[] in = c.plane;
        int pw = c.planeWidth;
        if (out.kind().containerBits() == 8) {
            byte[] o = out.bytes();
            for (int y = 0; y < height; y++) {
                for (int x = 0, src = y * pw, dst = y * width; x < width; x++) {
                    o[dst + x] = (byte) in[src + x];
                }
            }
        } else {
            short[] o = out.shorts();
            for (int y = 0; y < height; y++) {
                System.arraycopy(in, y * pw, o, y * width, width);
            }
        }
    }

    /** Expands a component to full resolution the way IJG 6b does (fancy h2v1/h2v2, replication otherwise). */
    private void upsample(Component c) {
        int n = width * height;
        if (c.full.length < n) {
            c.full = new short[n];
        }
        short[] in = c.plane;
        short[] f = c.full;
        int pw = c.planeWidth;
        int dsW = (width * c.h + hmax - 1) / hmax;
        int dsH = (height * c.v + vmax - 1) / vmax;
        if (c.h == hmax && c.v == vmax) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(in, y * pw, f, y * width, width);
            }
        } else if (2 * c.h == hmax && c.v == vmax && dsW > 2) {
            for (int y = 0; y < height; y++) {
                JpegColor.fancyH2V1(in, y * pw, dsW, f, y * width, width);
            }
        } else if (2 * c.h == hmax && 2 * c.v == vmax && dsW > 2) {
            for (int y = 0; y < height; y++) {
                int iy = y >> 1;
                int ny = (y & 1) == 0 ? Math.max(0, iy - 1) : Math.min(dsH - 1, iy + 1);
                JpegColor.fancyH2V2(in, iy * pw, ny * pw, dsW, f, y * width, width);
            }
        } else if (hmax % c.h == 0 && vmax % c.v == 0) {
            int fx = hmax / c.h;
            int fy = vmax / c.v;
            for (int y = 0; y < height; y++) {
                int row = (y / fy) * pw;
                for (int x = 0; x < width; x++) {
                    f[y * width + x] = in[row + x / fx];
                }
            }
        } else {
            throw new CodestreamException("JPEG sampling factors " + c.h + "x" + c.v + " of " + hmax + "x" + vmax
                    + " are not supported");
        }
    }
}
