package nl.duoviewer.core.codec;

import java.nio.ByteBuffer;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Common frame for decoders: works on a duplicate of the input, and turns every failure inside the codec (including
 * index errors provoked by hostile data) into a {@link FrameDecodeException} naming the syntax and frame.
 */
public abstract class AbstractFrameDecoder implements FrameDecoder {

    @Override
    public final void decode(ImageDescriptor descriptor, ByteBuffer data, int frameIndex, FrameBuffer out)
            throws FrameDecodeException {
        String ts = descriptor.transferSyntaxUid();
        if (data == null || !data.hasRemaining()) {
            throw new FrameDecodeException(ts, frameIndex, "no data for the frame");
        }
        try {
            decodeFrame(descriptor, data.slice(), out);
        } catch (CodestreamException e) {
            throw new FrameDecodeException(ts, frameIndex, e.getMessage(), e);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException
                 | ArithmeticException | NegativeArraySizeException e) {
            throw new FrameDecodeException(ts, frameIndex, "malformed data (" + e + ")", e);
        }
    }

    /**
     * Decodes a frame whose bytes run from position 0 to the limit of {@code data} (a private slice).
     *
     * @throws CodestreamException for malformed data
     */
    protected abstract void decodeFrame(ImageDescriptor d, ByteBuffer data, FrameBuffer out)
            throws FrameDecodeException;

    private byte[] scratch = new byte[0];
    private int viewOffset;

    /**
     * The data as a byte array starting at {@link #viewOffset()}: the backing array when there is one, otherwise a
     * reusable scratch copy (so direct and mapped buffers do not allocate per frame once warmed up).
     */
    protected final byte[] arrayView(ByteBuffer data) {
        if (data.hasArray()) {
            viewOffset = data.arrayOffset() + data.position();
            return data.array();
        }
        int n = data.remaining();
        if (scratch.length < n) {
            scratch = new byte[n];
        }
        data.duplicate().get(scratch, 0, n);
        viewOffset = 0;
        return scratch;
    }

    /** Offset of the first data byte in the array returned by the last {@link #arrayView} call. */
    protected final int viewOffset() {
        return viewOffset;
    }
}
