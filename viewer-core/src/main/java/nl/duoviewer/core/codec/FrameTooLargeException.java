package nl.duoviewer.core.codec;

/**
 * A frame refused before decoding because of its size: above the configured maximum, or more than its compressed
 * data can hold (a tiny frame declaring huge dimensions). Nothing was allocated for it. The typed {@link #reason()}
 * lets a screen say so in its own language.
 */
public final class FrameTooLargeException extends FrameDecodeException {
    private static final long serialVersionUID = 1L;

    /** Why the frame was refused. */
    public enum Reason {
        /** The decoded frame would take more memory than {@link FrameSizeLimit#maxFrameBytes()} allows. */
        ABOVE_LIMIT,
        /** The compressed data is smaller than any valid codestream of this image can be. */
        MORE_THAN_THE_DATA_HOLDS
    }

    private final Reason reason;
    private final long decodedBytes;
    private final long compressedBytes;
    private final long bound;

    FrameTooLargeException(String transferSyntaxUid, int frameIndex, Reason reason, long decodedBytes,
                           long compressedBytes, long bound, String message) {
        super(transferSyntaxUid, frameIndex, message);
        this.reason = reason;
        this.decodedBytes = decodedBytes;
        this.compressedBytes = compressedBytes;
        this.bound = bound;
    }

    public Reason reason() {
        return reason;
    }

    /** Bytes the decoded frame would take (rows x columns x samples x bytes per sample). */
    public long decodedBytes() {
        return decodedBytes;
    }

    /** Bytes of compressed data the frame came with. */
    public long compressedBytes() {
        return compressedBytes;
    }

    /**
     * For {@link Reason#ABOVE_LIMIT} the maximum frame size in bytes; for {@link Reason#MORE_THAN_THE_DATA_HOLDS}
     * the fewest compressed bytes a valid codestream of this image needs.
     */
    public long bound() {
        return bound;
    }
}
