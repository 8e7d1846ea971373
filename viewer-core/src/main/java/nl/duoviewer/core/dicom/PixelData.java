package nl.duoviewer.core.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Random access to the frames of a parsed object's pixel data, native or encapsulated, in memory or left in the file.
 *
 * <p>Native frames come back in little endian byte order whatever the file's order. Encapsulated frames come back as
 * the concatenation of their fragments. Frames are mapped to fragments with the Extended Offset Table, else the Basic
 * Offset Table, else one fragment per frame when the counts match, else by the codestream start markers (JPEG SOI,
 * JPEG 2000 SOC). When the object was truncated only the complete frames are available; {@link #problem()} says why.
 */
public final class PixelData {

    private final boolean encapsulated;
    private final int declaredFrames;
    private final String problem;

    // native
    private final byte[] nativeBytes;
    private final BulkData nativeBulk;
    private final long nativeLength;
    private final long frameBits;
    private final int swapUnit;

    // encapsulated
    private final List<Fragments.Fragment> fragments;
    private final List<int[]> frameFragments; // per frame: [first fragment index, count]
    private final long[][] eotSlices; // per frame: [offset, length] into the fragment byte stream, when an EOT is used

    private PixelData(boolean encapsulated, int declaredFrames, String problem, byte[] nativeBytes,
                      BulkData nativeBulk, long nativeLength, long frameBits, int swapUnit,
                      List<Fragments.Fragment> fragments, List<int[]> frameFragments, long[][] eotSlices) {
        this.encapsulated = encapsulated;
        this.declaredFrames = declaredFrames;
        this.problem = problem;
        this.nativeBytes = nativeBytes;
        this.nativeBulk = nativeBulk;
        this.nativeLength = nativeLength;
        this.frameBits = frameBits;
        this.swapUnit = swapUnit;
        this.fragments = fragments;
        this.frameFragments = frameFragments;
        this.eotSlices = eotSlices;
    }

    /**
     * Describes native pixel data.
     *
     * @param value     byte[] or {@link BulkData}
     * @param swapUnit  bytes per word to swap when the value is big endian (0 = none)
     * @param problem   why the data is incomplete (truncated file), or null
     */
    static PixelData ofNative(DicomObject ds, Object value, int swapUnit, String problem) {
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        long bits = nativeFrameBits(ds);
        byte[] bytes = value instanceof byte[] b ? b : null;
        BulkData bulk = value instanceof BulkData b ? b : null;
        long len = bytes != null ? bytes.length : bulk != null ? bulk.length() : 0;
        String why = problem;
        if (bits == 0 && why == null) {
            why = "pixel data without valid Rows, Columns and Bits Allocated";
        } else if (len * 8 < bits * frames && why == null) {
            why = "pixel data holds " + len + " bytes but " + frames + " frame(s) of "
                    + ds.getInt(Tag.Rows, 0) + "x" + ds.getInt(Tag.Columns, 0) + " need " + ((bits * frames + 7) / 8);
        }
        return new PixelData(false, frames, why, bytes, bulk, len, bits, swapUnit, List.of(), List.of(), null);
    }

    /** Bits in one native frame; YBR_FULL_422 stores two samples per pixel. 0 when the header lacks dimensions. */
    static long nativeFrameBits(DicomObject ds) {
        long rows = ds.getInt(Tag.Rows, 0) & 0xFFFFL;
        long cols = ds.getInt(Tag.Columns, 0) & 0xFFFFL;
        long spp = Math.max(1, ds.getInt(Tag.SamplesPerPixel, 1));
        long bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        if ("YBR_FULL_422".equals(ds.getString(Tag.PhotometricInterpretation))) {
            spp = 2;
        }
        return rows * cols * spp * bitsAllocated;
    }

    static PixelData ofFragments(DicomObject ds, Fragments f, String problem) {
        int declared = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<Fragments.Fragment> frags = f.fragments();
        long[] eot = ds.getLongs(Tag.ExtendedOffsetTable);
        long[] eotLengths = ds.getLongs(Tag.ExtendedOffsetTableLengths);
        if (eot.length == declared && eotLengths.length == declared && !frags.isEmpty()) {
            long[][] slices = new long[declared][];
            for (int i = 0; i < declared; i++) {
                slices[i] = new long[] {eot[i], eotLengths[i]};
            }
            return new PixelData(true, declared, problem, null, null, 0, 0, 0, frags, List.of(), slices);
        }
        List<int[]> map = mapFrames(declared, f.basicOffsetTable(), frags);
        String why = problem;
        if (map.size() < declared && why == null) {
            why = "encapsulated pixel data holds " + map.size() + " of " + declared + " frames";
        }
        return new PixelData(true, declared, why, null, null, 0, 0, 0, frags, map, null);
    }

    private static List<int[]> mapFrames(int frames, long[] bot, List<Fragments.Fragment> frags) {
        List<int[]> map = new ArrayList<>();
        int n = frags.size();
        if (n == 0) {
            return map;
        }
        if (frames == 1) {
            map.add(new int[] {0, n});
            return map;
        }
        if (bot.length == frames) {
            int k = 0;
            for (int i = 0; i < frames; i++) {
                long start = bot[i];
                long end = i + 1 < frames ? bot[i + 1] : Long.MAX_VALUE;
                while (k < n && frags.get(k).itemOffset() < start) {
                    k++;
                }
                int first = k;
                while (k < n && frags.get(k).itemOffset() < end) {
                    k++;
                }
                if (k > first) {
                    map.add(new int[] {first, k - first});
                } else {
                    break;
                }
            }
            return map;
        }
        if (n == frames) {
            for (int i = 0; i < n; i++) {
                map.add(new int[] {i, 1});
            }
            return map;
        }
        // No usable offset table: a fragment starting with a codestream start marker begins a new frame.
        int first = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || startsCodestream(frags.get(i))) {
                map.add(new int[] {first, i - first});
                first = i;
            }
            if (map.size() == frames) {
                break;
            }
        }
        return map;
    }

    private static boolean startsCodestream(Fragments.Fragment f) {
        int m = f.marker();
        return m == 0xFFD8 || m == 0xFF4F;
    }

    public boolean encapsulated() {
        return encapsulated;
    }

    /** Number of Frames (0028,0008) as declared, at least 1. */
    public int declaredFrames() {
        return declaredFrames;
    }

    /** Frames that can actually be read: fewer than declared when the object was truncated. */
    public int frameCount() {
        if (encapsulated) {
            if (eotSlices != null) {
                long available = fragments.stream().mapToLong(Fragments.Fragment::length).sum();
                int n = 0;
                for (long[] s : eotSlices) {
                    if (s[0] + s[1] <= available) {
                        n++;
                    }
                }
                return n;
            }
            return Math.min(declaredFrames, frameFragments.size());
        }
        if (frameBits == 0) {
            return 0;
        }
        return (int) Math.min(declaredFrames, nativeLength * 8 / frameBits);
    }

    /** Why fewer frames than declared are available (e.g. truncated file), or null when all are there. */
    public String problem() {
        return problem;
    }

    /** The fragments of encapsulated pixel data; empty for native. */
    public List<Fragments.Fragment> fragments() {
        return fragments;
    }

    /**
     * One frame's bytes: native frames little endian (bit-packed 1-bit frames re-aligned to bit 0), encapsulated
     * frames as their concatenated fragments.
     */
    public ByteBuffer frame(int index) throws IOException {
        if (index < 0 || index >= frameCount()) {
            throw new IOException("frame " + (index + 1) + " of " + declaredFrames + " is not available"
                    + (problem != null ? ": " + problem : ""));
        }
        return encapsulated ? encapsulatedFrame(index) : nativeFrame(index);
    }

    private ByteBuffer nativeFrame(int index) throws IOException {
        if (frameBits % 8 != 0) {
            return bitFrame(index);
        }
        long frameBytes = frameBits / 8;
        if (frameBytes > Integer.MAX_VALUE - 16) {
            throw new IOException("frame of " + frameBytes + " bytes is too large");
        }
        long start = index * frameBytes;
        ByteBuffer buf;
        if (nativeBytes != null) {
            buf = ByteBuffer.wrap(nativeBytes, (int) start, (int) frameBytes).slice();
        } else {
            buf = nativeBulk.read(start, (int) frameBytes);
        }
        if (swapUnit > 1) {
            byte[] copy = new byte[(int) frameBytes];
            buf.get(copy);
            ByteOrderUtil.swap(copy, 0, copy.length, swapUnit);
            return ByteBuffer.wrap(copy);
        }
        return buf;
    }

    private ByteBuffer bitFrame(int index) throws IOException {
        long startBit = index * frameBits;
        long firstByte = startBit / 8;
        long lastByte = (startBit + frameBits + 7) / 8;
        int span = (int) (lastByte - firstByte);
        byte[] src;
        if (nativeBytes != null) {
            src = java.util.Arrays.copyOfRange(nativeBytes, (int) firstByte, (int) Math.min(nativeBytes.length,
                    lastByte));
        } else {
            src = nativeBulk.read(firstByte, (int) Math.min(span, nativeLength - firstByte)).array();
        }
        int shift = (int) (startBit % 8);
        byte[] out = new byte[(int) ((frameBits + 7) / 8)];
        for (int i = 0; i < out.length; i++) {
            int lo = (src[i] & 0xFF) >>> shift;
            int hi = i + 1 < src.length ? (src[i + 1] & 0xFF) << (8 - shift) : 0;
            out[i] = (byte) (shift == 0 ? src[i] : lo | hi);
        }
        return ByteBuffer.wrap(out);
    }

    private ByteBuffer encapsulatedFrame(int index) throws IOException {
        if (eotSlices != null) {
            return sliceOfFragmentStream(eotSlices[index][0], eotSlices[index][1]);
        }
        int[] range = frameFragments.get(index);
        if (range[1] == 1) {
            return fragments.get(range[0]).read();
        }
        long total = 0;
        for (int k = 0; k < range[1]; k++) {
            total += fragments.get(range[0] + k).length();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IOException("frame of " + total + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        for (int k = 0; k < range[1]; k++) {
            out.put(fragments.get(range[0] + k).read());
        }
        return out.flip();
    }

    /** EOT offsets count from the first fragment item's tag; a slice may span fragments. */
    private ByteBuffer sliceOfFragmentStream(long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("frame of " + length + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        for (Fragments.Fragment f : fragments) {
            long dataStart = f.itemOffset() + 8;
            long dataEnd = dataStart + f.length();
            if (dataEnd <= offset || !out.hasRemaining()) {
                continue;
            }
            ByteBuffer bytes = f.read();
            long from = Math.max(0, offset + out.position() - dataStart);
            if (from >= f.length()) {
                continue;
            }
            int n = (int) Math.min(out.remaining(), f.length() - from);
            out.put(bytes.position((int) from).limit((int) from + n));
        }
        if (out.hasRemaining()) {
            throw new IOException("extended offset table points past the encapsulated pixel data");
        }
        return out.flip();
    }
}
