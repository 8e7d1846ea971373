package nl.duoviewer.core.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * The one entry every decode passes through, whatever the format: checks the frame's size against the
 * {@link FrameSizeLimit} before the decoder allocates anything, works on a duplicate of the input, and turns every
 * failure inside the codec (including index errors provoked by hostile data) into a {@link FrameDecodeException}
 * naming the syntax and frame. Every decoder {@link FrameDecoders} hands out extends it (an architecture rule).
 */
public abstract class AbstractFrameDecoder implements FrameDecoder {

    private FrameSizeLimit limit = FrameSizeLimit.configured();

    protected AbstractFrameDecoder() {
    }

    /** The size limit this decoder enforces ({@link FrameSizeLimit#configured()} unless set by FrameDecoders). */
    public final FrameSizeLimit limit() {
        return limit;
    }

    final void limit(FrameSizeLimit l) {
        limit = Objects.requireNonNull(l, "limit");
    }

    @Override
    public final void decode(ImageDescriptor descriptor, ByteBuffer data, int frameIndex, FrameBuffer out)
            throws FrameDecodeException {
        String ts = descriptor.transferSyntaxUid();
        if (data == null || !data.hasRemaining()) {
            throw new FrameDecodeException(ts, frameIndex, "no data for the frame");
        }
        limit.check(descriptor, data.remaining(), frameIndex); // before anything is allocated for the frame
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
