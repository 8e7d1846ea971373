package nl.duoviewer.core.codec.jpeg2000;

import java.nio.ByteBuffer;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.codec.CodestreamException;
import nl.duoviewer.core.codec.SampleMasking;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * JPEG 2000 (.90 / .91) and HTJ2K (.201 / .202 / .203) through OpenCV's OpenJPEG 2.5.0, raw codestreams and
 * (non-conformant but seen) JP2-wrapped ones. The SIZ marker is checked against the dataset before decoding, so the
 * output size comes from the descriptor. Signed codestreams, which OpenCV refuses, are decoded by clearing the sign
 * bit (OpenJPEG then adds the 2^(P-1) level shift) and subtracting the shift again: exact for lossless and lossy.
 * A codestream whose signedness contradicts Pixel Representation is taken at its stored bits and then read per the
 * dataset (Bits Stored masking / sign extension), as pydicom and gdcm do. Colour comes out as coded: with the
 * multi-component transform undone (YBR_RCT / YBR_ICT become RGB), other interpretations unchanged.
 */
public final class Jpeg2000FrameDecoder extends AbstractFrameDecoder {
    private byte[] stream = new byte[0];

    @Override
    protected void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out) {
        String unavailable = OpenCvRuntime.ensureLoaded();
        if (unavailable != null) {
            throw new CodestreamException(unavailable);
        }
        byte[] src = arrayView(data);
        int len = data.remaining();
        J2kCodestream cs = J2kCodestream.read(src, viewOffset(), len);
        if (cs.width() != d.columns() || cs.height() != d.rows() || cs.components() != d.samplesPerPixel()) {
            throw new CodestreamException("JPEG 2000 image is " + cs.width() + "x" + cs.height() + "x"
                    + cs.components() + ", the dataset says " + d.columns() + "x" + d.rows() + "x"
                    + d.samplesPerPixel());
        }
        if (cs.precision() > 16 || cs.precision() > Math.max(8, d.bitsAllocated())) {
            throw new CodestreamException("JPEG 2000 precision " + cs.precision() + " does not fit Bits Allocated "
                    + d.bitsAllocated());
        }
        byte[] copy = src;
        int copyOff = viewOffset();
        if (cs.signed()) {
            if (stream.length < len) {
                stream = new byte[len];
            }
            System.arraycopy(src, viewOffset(), stream, 0, len);
            copy = stream;
            copyOff = 0;
            J2kCodestream local = J2kCodestream.read(copy, 0, len);
            local.setSigned(copy, false);
        }
        Photometric outPhotometric = d.photometric() == Photometric.YBR_RCT || d.photometric() == Photometric.YBR_ICT
                ? Photometric.RGB : d.photometric();
        out.reset(d, outPhotometric);
        MatOfByte encoded = new MatOfByte();
        Mat decoded = null;
        try {
            encoded.fromArray(copyOff == 0 && copy.length == len ? copy : slice(copy, copyOff, len));
            try {
                decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
            } catch (org.opencv.core.CvException e) {
                throw new CodestreamException("OpenJPEG rejected the JPEG 2000 codestream: " + e.getMessage());
            }
            if (decoded == null || decoded.empty()) {
                throw new CodestreamException("OpenJPEG could not decode the JPEG 2000 codestream (corrupt or "
                        + "truncated)");
            }
            copyOut(decoded, d, cs, out);
        } finally {
            encoded.release();
            if (decoded != null) {
                decoded.release();
            }
        }
        int shift = cs.signed() ? 1 << (cs.precision() - 1) : 0;
        finish(out, d, shift);
    }

    private static byte[] slice(byte[] b, int off, int len) {
        byte[] s = new byte[len];
        System.arraycopy(b, off, s, 0, len);
        return s;
    }

    private static void copyOut(Mat m, ImageDescriptor d, J2kCodestream cs, FrameBuffer out) {
        if (m.cols() != d.columns() || m.rows() != d.rows() || m.channels() != d.samplesPerPixel()) {
            throw new CodestreamException("OpenJPEG returned " + m.cols() + "x" + m.rows() + "x" + m.channels()
                    + ", expected " + d.columns() + "x" + d.rows() + "x" + d.samplesPerPixel());
        }
        int n = out.sampleCount();
        int depth = CvType.depth(m.type());
        int container = out.kind().containerBits();
        if (depth == CvType.CV_8U && container == 8) {
            m.get(0, 0, out.bytes()); // copies min(array, image) elements
        } else if (depth == CvType.CV_8U) {
            byte[] tmp = new byte[n];
            m.get(0, 0, tmp);
            short[] o = out.shorts();
            for (int i = 0; i < n; i++) {
                o[i] = (short) (tmp[i] & 0xFF);
            }
        } else if (depth == CvType.CV_16U && container == 16) {
            m.get(0, 0, out.shorts());
        } else {
            throw new CodestreamException("OpenJPEG returned " + CvType.typeToString(m.type())
                    + " for a " + cs.precision() + "-bit codestream in a " + container + "-bit container");
        }
        if (m.channels() >= 3) {
            swapBgr(out, n, m.channels());
        }
    }

    /** OpenCV hands colour out as BGR(A); DICOM wants the codestream's component order. */
    private static void swapBgr(FrameBuffer out, int n, int channels) {
        if (out.kind().containerBits() == 8) {
            byte[] a = out.bytes();
            for (int i = 0; i < n; i += channels) {
                byte t = a[i];
                a[i] = a[i + 2];
                a[i + 2] = t;
            }
        } else {
            short[] a = out.shorts();
            for (int i = 0; i < n; i += channels) {
                short t = a[i];
                a[i] = a[i + 2];
                a[i + 2] = t;
            }
        }
    }

    private static void finish(FrameBuffer out, ImageDescriptor d, int shift) {
        int n = out.sampleCount();
        if (shift != 0) {
            if (out.kind().containerBits() == 8) {
                byte[] a = out.bytes();
                for (int i = 0; i < n; i++) {
                    a[i] = (byte) ((a[i] & 0xFF) - shift);
                }
            } else {
                short[] a = out.shorts();
                for (int i = 0; i < n; i++) {
                    a[i] = (short) ((a[i] & 0xFFFF) - shift);
                }
            }
        }
        if (d.bitsStored() < out.kind().containerBits()) {
            SampleMasking.apply(out, n, d.bitsStored(), 0, d.signed());
        }
    }
}
