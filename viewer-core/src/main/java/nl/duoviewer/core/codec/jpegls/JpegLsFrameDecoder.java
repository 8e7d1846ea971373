package nl.duoviewer.core.codec.jpegls;

import java.nio.ByteBuffer;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * JPEG-LS Lossless (1.2.840.10008.1.2.4.80) and Near-Lossless (.81), pure Java. Samples come out as coded (colour
 * JPEG-LS in DICOM carries RGB or YBR_FULL without a colour transform), masked to Bits Stored.
 */
public final class JpegLsFrameDecoder extends AbstractFrameDecoder {
    private final JpegLsDecoder decoder = new JpegLsDecoder();

    @Override
    protected void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out) {
        byte[] src = arrayView(data);
        decoder.decode(src, viewOffset(), data.remaining(), d, out);
    }
}
