package nl.duoviewer.core.codec;

/**
 * A frame could not be decoded: corrupt or truncated codestream, data that contradicts the image description, or a
 * transfer syntax without a decoder. The message names the transfer syntax and the frame.
 */
public class FrameDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String transferSyntaxUid;
    private final int frameIndex;

    public FrameDecodeException(String transferSyntaxUid, int frameIndex, String reason, Throwable cause) {
        super("Cannot decode frame " + (frameIndex + 1) + " (" + PixelSyntax.describe(transferSyntaxUid) + "): "
                + reason, cause);
        this.transferSyntaxUid = transferSyntaxUid;
        this.frameIndex = frameIndex;
    }

    public FrameDecodeException(String transferSyntaxUid, int frameIndex, String reason) {
        this(transferSyntaxUid, frameIndex, reason, null);
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** Zero-based frame index (the message counts from 1). */
    public int frameIndex() {
        return frameIndex;
    }
}
