package nl.duoviewer.core.codec.rle;

import nl.duoviewer.core.codec.ByteSink;
import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * RLE Lossless encoder (PS3.5 Annex G): one PackBits segment per byte plane, each row encoded separately as G.3.1
 * requires, runs of three or more equal bytes replicated, the rest literal.
 */
public final class RleEncoder implements FrameEncoder {
    private final ByteSink sink = new ByteSink(1 << 16);
    private byte[] plane = new byte[0];

    @Override
    public String transferSyntaxUid() {
        return PixelSyntax.RLE_LOSSLESS.uid();
    }

    @Override
    public EncodedFrame encode(ImageDescriptor d, FrameBuffer frame) {
        FrameEncoder.checkShape(d, frame);
        if (d.bitsAllocated() == 1) {
            throw new IllegalArgumentException("RLE encoding of 1-bit images is not supported");
        }
        int bytesPerSample = d.bitsAllocated() / 8;
        int spp = frame.samplesPerPixel();
        int segments = spp * bytesPerSample;
        if (segments > 15) {
            throw new IllegalArgumentException("RLE allows at most 15 segments, image needs " + segments);
        }
        int pixels = d.pixelsPerFrame();
        if (plane.length < pixels) {
            plane = new byte[pixels];
        }
        sink.clear();
        sink.writeIntLe(segments);
        for (int i = 0; i < 15; i++) {
            sink.writeIntLe(0);
        }
        for (int seg = 0; seg < segments; seg++) {
            sink.setIntLe(4 + 4 * seg, sink.size());
            extractPlane(frame, seg / bytesPerSample, 8 * (bytesPerSample - 1 - seg % bytesPerSample), pixels, spp);
            for (int r = 0, cols = d.columns(); r < d.rows(); r++) {
                packRow(plane, r * cols, cols);
            }
            if ((sink.size() & 1) != 0) {
                sink.write(0); // segments have even length (G.3.1)
            }
        }
        Photometric p = frame.photometric();
        return new EncodedFrame(sink.toByteArray(), transferSyntaxUid(), p, false);
    }

    private void extractPlane(FrameBuffer f, int sample, int shift, int pixels, int spp) {
        switch (f.kind().containerBits()) {
            case 8 -> {
                byte[] a = f.bytes();
                for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                    plane[i] = a[k];
                }
            }
            case 16 -> {
                short[] a = f.shorts();
                for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                    plane[i] = (byte) (a[k] >> shift);
                }
            }
            default -> {
                int[] a = f.ints();
                for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                    plane[i] = (byte) (a[k] >> shift);
                }
            }
        }
    }

    private void packRow(byte[] p, int start, int length) {
        int end = start + length;
        int i = start;
        while (i < end) {
            int run = runLength(p, i, end);
            if (run >= 3) {
                sink.write(1 - run);
                sink.write(p[i]);
                i += run;
                continue;
            }
            int lit = i;
            int litEnd = i;
            while (litEnd < end && litEnd - lit < 128 && runLength(p, litEnd, end) < 3) {
                litEnd++;
            }
            sink.write(litEnd - lit - 1);
            sink.write(p, lit, litEnd - lit);
            i = litEnd;
        }
    }

    private static int runLength(byte[] p, int i, int end) {
        byte v = p[i];
        int j = i + 1;
        int max = Math.min(end, i + 128);
        while (j < max && p[j] == v) {
            j++;
        }
        return j - i;
    }
}
