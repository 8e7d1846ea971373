package nl.duoviewer.core.codec.rle;

import java.nio.ByteBuffer;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.SampleMasking;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of little-endian segment offsets followed by one PackBits segment
 * per byte plane, most significant byte of each sample first, samples in order. Colour output is colour-by-pixel
 * whatever Planar Configuration says (RLE is always encoded by plane). YBR_FULL data stays YBR_FULL.
 */
public final class RleFrameDecoder extends AbstractFrameDecoder {
    private static final int HEADER = 64;
    private byte[] plane = new byte[0];

    @Override
    protected void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out) {
        byte[] src = arrayView(data);
        int base = viewOffset();
        int length = data.remaining();
        if (length < HEADER) {
            throw new CodestreamException("RLE header needs 64 bytes, fragment has " + length);
        }
        int bytesPerSample = d.bitsAllocated() == 1 ? 1 : d.bitsAllocated() / 8;
        int expectedSegments = d.samplesPerPixel() * bytesPerSample;
        int segments = intLe(src, base);
        if (segments != expectedSegments) {
            throw new CodestreamException("RLE header declares " + segments + " segments, the image needs "
                    + expectedSegments + " (" + d.samplesPerPixel() + " samples x " + bytesPerSample + " bytes)");
        }
        int planeLength = d.bitsAllocated() == 1 ? d.nativeFrameBytes() : d.pixelsPerFrame();
        if (plane.length < planeLength) {
            plane = new byte[planeLength];
        }
        Photometric outPhotometric = d.photometric() == Photometric.YBR_FULL_422 ? Photometric.YBR_FULL
                : d.photometric();
        out.reset(d, outPhotometric);
        int spp = d.samplesPerPixel();
        int pixels = d.pixelsPerFrame();
        for (int seg = 0; seg < segments; seg++) {
            int start = intLe(src, base + 4 + 4 * seg);
            int end = seg + 1 < segments ? intLe(src, base + 8 + 4 * seg) : length;
            if (start < HEADER || start > length || end < start || end > length) {
                throw new CodestreamException("RLE segment " + (seg + 1) + " has offsets " + (start & 0xFFFFFFFFL)
                        + ".." + (end & 0xFFFFFFFFL) + " outside the " + length + "-byte fragment");
            }
            unpack(src, base + start, base + end, planeLength, seg);
            int sample = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            scatter(d, out, sample, shift, spp, pixels);
        }
        if (d.bitsAllocated() == 1) {
            byte[] o = out.bytes();
            for (int i = pixels - 1; i >= 0; i--) {
                o[i] = (byte) ((plane[i >>> 3] >>> (i & 7)) & 1);
            }
            return;
        }
        if (SampleMasking.needed(d.bitsAllocated(), d.bitsStored(), d.highBit())) {
            SampleMasking.apply(out, d.samplesPerFrame(), d.bitsStored(), d.highBit() + 1 - d.bitsStored(),
                    d.signed());
        }
    }

    /** PackBits: n >= 0 copies n+1 literal bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
    private void unpack(byte[] src, int pos, int end, int expected, int seg) {
        byte[] dst = plane;
        int o = 0;
        while (o < expected) {
            if (pos >= end) {
                throw new CodestreamException("RLE segment " + (seg + 1) + " ends after " + o + " of " + expected
                        + " bytes");
            }
            int n = src[pos++];
            if (n >= 0) {
                int count = n + 1;
                if (pos + count > end || o + count > expected) {
                    throw new CodestreamException("RLE segment " + (seg + 1) + " literal run of " + count
                            + " bytes overruns the " + (pos + count > end ? "segment" : "plane"));
                }
                System.arraycopy(src, pos, dst, o, count);
                pos += count;
                o += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (pos >= end || o + count > expected) {
                    throw new CodestreamException("RLE segment " + (seg + 1) + " replicate run of " + count
                            + " bytes overruns the " + (pos >= end ? "segment" : "plane"));
                }
                byte v = src[pos++];
                for (int k = 0; k < count; k++) {
                    dst[o + k] = v;
                }
                o += count;
            }
        }
    }

    private void scatter(ImageDescriptor d, FrameBuffer out, int sample, int shift, int spp, int pixels) {
        byte[] p = plane;
        switch (out.kind().containerBits()) {
            case 8 -> {
                if (d.bitsAllocated() == 1) {
                    return; // unpacked after the loop
                }
                byte[] o = out.bytes();
                if (spp == 1) {
                    System.arraycopy(p, 0, o, 0, pixels);
                } else {
                    for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                        o[k] = p[i];
                    }
                }
            }
            case 16 -> {
                short[] o = out.shorts();
                if (shift == 8) {
                    for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                        o[k] = (short) (p[i] << 8);
                    }
                } else {
                    for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                        o[k] = (short) (o[k] | (p[i] & 0xFF));
                    }
                }
            }
            default -> {
                int[] o = out.ints();
                if (shift == 24) {
                    for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                        o[k] = p[i] << 24;
                    }
                } else {
                    for (int i = 0, k = sample; i < pixels; i++, k += spp) {
                        o[k] |= (p[i] & 0xFF) << shift;
                    }
                }
            }
        }
    }

    private static int intLe(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
