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

    /**
     * The check every encoder makes first: the samples have the descriptor's size and container.
     *
     * @throws IllegalArgumentException when they do not
     */
    static void checkShape(ImageDescriptor d, FrameBuffer f) {
        if (f.rows() != d.rows() || f.columns() != d.columns()) {
            throw new IllegalArgumentException("frame " + f.rows() + "x" + f.columns() + " does not match descriptor "
                    + d.rows() + "x" + d.columns());
        }
        if (f.kind().containerBits() != Math.max(8, d.bitsAllocated())) {
            throw new IllegalArgumentException("frame container " + f.kind() + " does not match Bits Allocated "
                    + d.bitsAllocated());
        }
    }
}
