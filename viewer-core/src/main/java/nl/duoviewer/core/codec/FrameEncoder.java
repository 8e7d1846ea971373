package nl.duoviewer.core.codec;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Compresses one decoded frame into the codestream of a transfer syntax. Instances may keep scratch state: not
 * thread-safe, use one per thread.
 */
public interface FrameEncoder {

    /** The transfer syntax this encoder produces. */
    String transferSyntaxUid();

    /**
     * Encodes a frame.
     *
     * @param descriptor describes the source samples (rows, columns, bits, signedness, photometric)
     * @param frame      the samples, colour-by-pixel, as a {@link FrameDecoder} produces them
     * @throws IllegalArgumentException when the encoder cannot represent this image (e.g. 16-bit baseline JPEG)
     */
    EncodedFrame encode(ImageDescriptor descriptor, FrameBuffer frame);
}
