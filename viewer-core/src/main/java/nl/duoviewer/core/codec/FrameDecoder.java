package nl.duoviewer.core.codec;

import java.nio.ByteBuffer;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Decodes the stored bytes of one frame into a reusable {@link FrameBuffer}. Instances keep scratch state so that the
 * hot path does not allocate: they are NOT thread-safe; use one per thread ({@link FrameDecoders#create}).
 */
public interface FrameDecoder {

    /**
     * Decodes one frame.
     *
     * @param descriptor the image description; it bounds the output size whatever the stream claims
     * @param data       the frame's bytes from position to limit: the native frame, or for encapsulated syntaxes
     *                   the frame's fragment(s) concatenated. Not modified; its position is not moved.
     * @param frameIndex zero-based frame number, for error messages
     * @param out        receives the samples colour-by-pixel, masked to Bits Stored and sign-extended; its
     *                   {@link FrameBuffer#photometric()} tells the interpretation after decoding (e.g. RGB for
     *                   a YCbCr JPEG)
     * @throws FrameDecodeException when the data is corrupt, truncated or inconsistent with {@code descriptor}
     */
    void decode(ImageDescriptor descriptor, ByteBuffer data, int frameIndex, FrameBuffer out)
            throws FrameDecodeException;
}
