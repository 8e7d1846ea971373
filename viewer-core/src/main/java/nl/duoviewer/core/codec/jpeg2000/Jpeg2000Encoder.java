package nl.duoviewer.core.codec.jpeg2000;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * JPEG 2000 encoder through OpenCV's OpenJPEG: lossless (syntax .90) or rate-limited lossy (.91), 5/3 wavelet, no
 * colour transform (RGB stays RGB). OpenCV writes a JP2 file; the raw codestream (jp2c box) is what DICOM stores.
 * Signed samples, which OpenCV cannot take, are offset by 2^(P-1) and the SIZ sign bit is then set: the codestream
 * holds exactly the signed values (the encoder's own level shift cancels the offset). Precision is 8 or 16 bits.
 */
public final class Jpeg2000Encoder implements FrameEncoder {
    private final int compressionX1000;

    /** A lossless encoder. */
    public Jpeg2000Encoder() {
        this(1000);
    }

    /**
     * @param compressionX1000 OpenCV's IMWRITE_JPEG2000_COMPRESSION_X1000: 1000 = lossless, lower = smaller and lossy
     */
    public Jpeg2000Encoder(int compressionX1000) {
        if (compressionX1000 < 1 || compressionX1000 > 1000) {
            throw new IllegalArgumentException("compressionX1000 must be 1..1000, got " + compressionX1000);
        }
        this.compressionX1000 = compressionX1000;
    }

    public boolean lossless() {
        return compressionX1000 == 1000;
    }

    @Override
    public String transferSyntaxUid() {
        return lossless() ? PixelSyntax.JPEG_2000_LOSSLESS.uid() : PixelSyntax.JPEG_2000.uid();
    }

    @Override
    public EncodedFrame encode(ImageDescriptor d, FrameBuffer frame) {
        FrameEncoder.checkShape(d, frame);
        String unavailable = OpenCvRuntime.ensureLoaded();
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        int spp = frame.samplesPerPixel();
        if (spp != 1 && spp != 3) {
            throw new IllegalArgumentException("JPEG 2000 encoder takes 1 or 3 samples per pixel, got " + spp);
        }
        int bits = frame.kind().containerBits();
        if (bits == 32) {
            throw new IllegalArgumentException("JPEG 2000 encoder takes 8- or 16-bit samples");
        }
        int n = frame.sampleCount();
        int offset = d.signed() ? 1 << (bits - 1) : 0;
        Mat mat = new Mat(d.rows(), d.columns(), CvType.makeType(bits == 8 ? CvType.CV_8U : CvType.CV_16U, spp));
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG2000_COMPRESSION_X1000, compressionX1000);
        try {
            if (bits == 8) {
                byte[] a = new byte[n];
                byte[] s = frame.bytes();
                for (int i = 0; i < n; i++) {
                    a[i] = (byte) (s[i] + offset);
                }
                toBgr(a, spp);
                mat.put(0, 0, a);
            } else {
                short[] a = new short[n];
                short[] s = frame.shorts();
                for (int i = 0; i < n; i++) {
                    a[i] = (short) (s[i] + offset);
                }
                if (spp == 3) {
                    for (int i = 0; i < n; i += 3) {
                        short t = a[i];
                        a[i] = a[i + 2];
                        a[i + 2] = t;
                    }
                }
                mat.put(0, 0, a);
            }
            if (!Imgcodecs.imencode(".jp2", mat, out, params)) {
                throw new IllegalStateException("OpenJPEG refused to encode the frame");
            }
            byte[] codestream = codestreamOf(out.toArray());
            if (d.signed()) {
                J2kCodestream.read(codestream, 0, codestream.length).setSigned(codestream, true);
            }
            if ((codestream.length & 1) != 0) {
                codestream = java.util.Arrays.copyOf(codestream, codestream.length + 1);
            }
            return new EncodedFrame(codestream, transferSyntaxUid(), frame.photometric(), !lossless());
        } finally {
            mat.release();
            out.release();
            params.release();
        }
    }

    private static void toBgr(byte[] a, int spp) {
        if (spp == 3) {
            for (int i = 0; i < a.length; i += 3) {
                byte t = a[i];
                a[i] = a[i + 2];
                a[i + 2] = t;
            }
        }
    }

    /** The contents of the contiguous codestream box ('jp2c') of a JP2 file (ISO 15444-1 I.5.4). */
    static byte[] codestreamOf(byte[] jp2) {
        int p = 0;
        while (p + 8 <= jp2.length) {
            long len = ((jp2[p] & 0xFFL) << 24) | ((jp2[p + 1] & 0xFF) << 16) | ((jp2[p + 2] & 0xFF) << 8)
                    | (jp2[p + 3] & 0xFF);
            int type = ((jp2[p + 4] & 0xFF) << 24) | ((jp2[p + 5] & 0xFF) << 16) | ((jp2[p + 6] & 0xFF) << 8)
                    | (jp2[p + 7] & 0xFF);
            int header = 8;
            if (len == 1) {
                throw new IllegalStateException("JP2 box with 64-bit length not expected from OpenCV");
            }
            long end = len == 0 ? jp2.length : p + len;
            if (end > jp2.length || end < p + header) {
                throw new IllegalStateException("malformed JP2 box at " + p);
            }
            if (type == 0x6A703263) { // 'jp2c'
                return java.util.Arrays.copyOfRange(jp2, p + header, (int) end);
            }
            p = (int) end;
        }
        throw new IllegalStateException("JP2 output has no codestream box");
    }
}
