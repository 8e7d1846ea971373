package nl.duoviewer.core.codec.uncompressed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.SampleMasking;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * Uncompressed pixel data (Implicit/Explicit VR Little Endian, Explicit VR Big Endian, and Deflated after the parser
 * inflated it): 1, 8, 16 and 32 bits allocated, planar configuration 0 and 1, and YBR_FULL_422 / YBR_PARTIAL_422,
 * whose shared chroma is repeated for both pixels of a pair so the output is YBR_FULL / YBR_PARTIAL_422 with three
 * samples per pixel. Bits Allocated 1 is unpacked least significant bit first into one byte per pixel.
 * Input is little endian whatever the transfer syntax, as {@code PixelData.frame} delivers it (Big Endian files are
 * swapped by the parser, per Bits Allocated).
 */
public final class NativeFrameDecoder extends AbstractFrameDecoder {
    private byte[] planeScratch = new byte[0];

    @Override
    protected void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out) {
        int needed = d.nativeFrameBytes();
        if (data.remaining() < needed) {
            throw new CodestreamException("native frame needs " + needed + " bytes, only " + data.remaining()
                    + " present (truncated pixel data)");
        }
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (d.bitsAllocated() == 1) {
            unpackBits(d, in, out);
            return;
        }
        if (d.isHorizontallySubsampled()) {
            expand422(d, in, out);
            return;
        }
        out.reset(d, d.photometric());
        int n = d.samplesPerFrame();
        switch (d.bitsAllocated()) {
            case 8 -> in.get(out.bytes(), 0, n);
            case 16 -> in.asShortBuffer().get(out.shorts(), 0, n);
            default -> in.asIntBuffer().get(out.ints(), 0, n);
        }
        if (d.samplesPerPixel() > 1 && d.planarConfiguration() == 1) {
            interleave(d, out);
        }
        if (SampleMasking.needed(d.bitsAllocated(), d.bitsStored(), d.highBit())) {
            SampleMasking.apply(out, n, d.bitsStored(), d.highBit() + 1 - d.bitsStored(), d.signed());
        }
    }

    private void interleave(ImageDescriptor d, FrameBuffer out) {
        int pixels = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int n = pixels * spp;
        switch (d.bitsAllocated()) {
            case 8 -> {
                byte[] a = out.bytes();
                byte[] planes = scratchBytes(n);
                System.arraycopy(a, 0, planes, 0, n);
                for (int s = 0; s < spp; s++) {
                    for (int p = 0, src = s * pixels; p < pixels; p++) {
                        a[p * spp + s] = planes[src + p];
                    }
                }
            }
            case 16 -> {
                short[] a = out.shorts();
                short[] planes = a.clone();
                for (int s = 0; s < spp; s++) {
                    for (int p = 0, src = s * pixels; p < pixels; p++) {
                        a[p * spp + s] = planes[src + p];
                    }
                }
            }
            default -> {
                int[] a = out.ints();
                int[] planes = a.clone();
                for (int s = 0; s < spp; s++) {
                    for (int p = 0, src = s * pixels; p < pixels; p++) {
                        a[p * spp + s] = planes[src + p];
                    }
                }
            }
        }
    }

    private void expand422(ImageDescriptor d, ByteBuffer in, FrameBuffer out) {
        if (d.bitsAllocated() != 8) {
            throw new CodestreamException(d.photometric().dicomName() + " is only defined here for 8 bits allocated");
        }
        Photometric full = d.photometric() == Photometric.YBR_FULL_422 ? Photometric.YBR_FULL
                : Photometric.YBR_PARTIAL_422;
        out.reset(d, full);
        byte[] o = out.bytes();
        int cols = d.columns();
        int pos = in.position();
        int k = 0;
        for (int r = 0; r < d.rows(); r++) {
            // each pair of pixels is stored Y1 Y2 Cb Cr; an odd last column still occupies a full quadruple
            for (int c = 0; c < cols; c += 2) {
                byte y1 = in.get(pos);
                byte y2 = in.get(pos + 1);
                byte cb = in.get(pos + 2);
                byte cr = in.get(pos + 3);
                pos += 4;
                o[k++] = y1;
                o[k++] = cb;
                o[k++] = cr;
                if (c + 1 < cols) {
                    o[k++] = y2;
                    o[k++] = cb;
                    o[k++] = cr;
                }
            }
        }
    }

    private void unpackBits(ImageDescriptor d, ByteBuffer in, FrameBuffer out) {
        out.reset(d, d.photometric());
        byte[] o = out.bytes();
        int n = d.samplesPerFrame();
        int pos = in.position();
        for (int i = 0; i < n; i++) {
            o[i] = (byte) ((in.get(pos + (i >>> 3)) >>> (i & 7)) & 1);
        }
    }

    private byte[] scratchBytes(int n) {
        if (planeScratch.length < n) {
            planeScratch = new byte[n];
        }
        return planeScratch;
    }
}
