package nl.duoviewer.core.codec;

/**
 * Thrown inside codec implementations when the compressed data is malformed; {@link AbstractFrameDecoder} turns it
 * into a {@link FrameDecodeException} that names the syntax and frame.
 */
public final class CodestreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodestreamException(String message) {
        super(message, null, false, false);
    }
}
