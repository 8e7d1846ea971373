package nl.duoviewer.core.codec.jpeg;

import java.nio.ByteBuffer;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * JPEG Baseline (.50), Extended 12-bit (.51), Lossless (.57) and Lossless SV1 (.70), pure Java.
 * <p>
 * Colour: when the dataset says YBR_FULL / YBR_FULL_422 (the JPEG holds YCbCr) the default decoder converts to RGB
 * with IJG's arithmetic and reports {@code RGB}, exactly as dcmtk's dcmdjpeg does; an RGB-labelled stream is left
 * untouched (no guessing from JFIF/Adobe markers, also as dcmtk). {@link #keepingYbr()} instead delivers upsampled
 * YCbCr as {@code YBR_FULL}, as gdcm does. 12-bit lossy output is the 0..4095 sample value, not scaled.
 */
public final class JpegFrameDecoder extends AbstractFrameDecoder {
    private final JpegDecoder decoder = new JpegDecoder();
    private final boolean convertToRgb;

    public JpegFrameDecoder() {
        this(true);
    }

    private JpegFrameDecoder(boolean convertToRgb) {
        this.convertToRgb = convertToRgb;
    }

    /** A decoder that leaves YCbCr colour unconverted (photometric YBR_FULL), for gdcm-compatible output. */
    public static JpegFrameDecoder keepingYbr() {
        return new JpegFrameDecoder(false);
    }

    @Override
    protected void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out) {
        byte[] src = arrayView(data);
        decoder.decode(src, viewOffset(), data.remaining(), d, out, convertToRgb);
    }
}
