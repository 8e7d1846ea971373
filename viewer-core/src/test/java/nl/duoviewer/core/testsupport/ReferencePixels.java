package nl.duoviewer.core.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * Pixels decoded by a reference tool, normalised to what a FrameDecoder produces: colour-by-pixel, one value per
 * sample as int, masked to Bits Stored and sign-extended.
 */
public record ReferencePixels(String tool, Photometric photometric, List<int[]> frames) {

    /**
     * Decompresses {@code file} with {@code command} (whose last argument is the output path) and reads the result.
     * For native files pass an empty command: the file itself is the reference.
     */
    public static ReferencePixels decode(Path file, ImageDescriptor source, List<String> command, Path work)
            throws IOException, InterruptedException {
        Path out = file;
        String tool = "file";
        if (!command.isEmpty()) {
            tool = command.getFirst();
            out = Path.of(command.getLast());
            Files.deleteIfExists(out);
            ReferenceTools.run(command.toArray(String[]::new));
        }
        Map<String, String> attrs = TestDicom.dump(out);
        ImageDescriptor refDesc = TestDicom.describe(attrs);
        byte[] raw = ReferenceTools.rawPixelData(out, work);
        return new ReferencePixels(tool, refDesc.photometric(), normalise(raw, refDesc, source));
    }

    static List<int[]> normalise(byte[] raw, ImageDescriptor ref, ImageDescriptor source) {
        if (ref.bitsAllocated() == 1) {
            return unpackBits(raw, ref);
        }
        if (ref.isHorizontallySubsampled()) {
            return expand422(raw, ref);
        }
        int bytes = ref.bitsAllocated() / 8;
        int samples = ref.samplesPerFrame();
        int pixels = ref.pixelsPerFrame();
        int spp = ref.samplesPerPixel();
        int frameBytes = ref.nativeFrameBytes();
        List<int[]> frames = new ArrayList<>();
        int drop = 32 - source.bitsStored();
        for (int f = 0; f < ref.numberOfFrames(); f++) {
            int[] v = new int[samples];
            int base = f * frameBytes;
            for (int i = 0; i < samples; i++) {
                int src = ref.planarConfiguration() == 1 ? (i % spp) * pixels + i / spp : i;
                int at = base + src * bytes;
                int x = 0;
                for (int k = bytes - 1; k >= 0; k--) {
                    x = (x << 8) | (raw[at + k] & 0xFF);
                }
                if (source.bitsStored() < 32) {
                    x = source.signed() ? (x << drop) >> drop : x & ((1 << source.bitsStored()) - 1);
                }
                v[i] = x;
            }
            frames.add(v);
        }
        return frames;
    }

    /** Bit-packed frames (least significant bit first), frames following each other without byte alignment. */
    private static List<int[]> unpackBits(byte[] raw, ImageDescriptor ref) {
        List<int[]> frames = new ArrayList<>();
        int n = ref.samplesPerFrame();
        for (int f = 0; f < ref.numberOfFrames(); f++) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                long bit = (long) f * n + i;
                v[i] = (raw[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
            }
            frames.add(v);
        }
        return frames;
    }

    /** YBR_FULL_422 as stored (Y1 Y2 Cb Cr per pixel pair) repeated out to three samples per pixel. */
    private static List<int[]> expand422(byte[] raw, ImageDescriptor ref) {
        List<int[]> frames = new ArrayList<>();
        int cols = ref.columns();
        for (int f = 0; f < ref.numberOfFrames(); f++) {
            int[] v = new int[ref.samplesPerFrame()];
            int pos = f * ref.nativeFrameBytes();
            int k = 0;
            for (int r = 0; r < ref.rows(); r++) {
                for (int c = 0; c < cols; c += 2, pos += 4) {
                    int cb = raw[pos + 2] & 0xFF;
                    int cr = raw[pos + 3] & 0xFF;
                    v[k++] = raw[pos] & 0xFF;
                    v[k++] = cb;
                    v[k++] = cr;
                    if (c + 1 < cols) {
                        v[k++] = raw[pos + 1] & 0xFF;
                        v[k++] = cb;
                        v[k++] = cr;
                    }
                }
            }
            frames.add(v);
        }
        return frames;
    }

    /** Largest absolute difference between the reference frame and decoded samples (exact = 0). */
    public static long maxError(int[] expected, FrameBuffer actual) {
        if (expected.length != actual.sampleCount()) {
            return Long.MAX_VALUE;
        }
        long max = 0;
        for (int i = 0; i < expected.length; i++) {
            long e = actual.kind() == nl.duoviewer.core.image.SampleKind.U32 ? expected[i] & 0xFFFFFFFFL : expected[i];
            max = Math.max(max, Math.abs(e - actual.sampleLong(i)));
        }
        return max;
    }

    /** A readable description of the first mismatch, or null. */
    public static String firstMismatch(int[] expected, FrameBuffer actual) {
        if (expected.length != actual.sampleCount()) {
            return "sample count " + actual.sampleCount() + " != reference " + expected.length;
        }
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual.sample(i)) {
                if (first < 0) {
                    first = i;
                }
                mismatches++;
            }
        }
        if (first < 0) {
            return null;
        }
        int spp = actual.samplesPerPixel();
        int pixel = first / spp;
        return mismatches + " samples differ; first at pixel (" + pixel % actual.columns() + "," + pixel / actual.columns()
                + ") sample " + first % spp + ": expected " + expected[first] + " got " + actual.sample(first);
    }
}
