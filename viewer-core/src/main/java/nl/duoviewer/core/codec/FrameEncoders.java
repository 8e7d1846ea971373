package nl.duoviewer.core.codec;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Encoders by transfer syntax, with defaults suited to generating demo studies. Each call returns a new encoder
 * (encoders are not thread-safe).
 */
public final class FrameEncoders {
    /** NEAR used by {@link #create} for JPEG-LS near-lossless. */
    public static final int DEFAULT_JPEG_LS_NEAR = 2;
    /** Quality used by {@link #create} for JPEG baseline. */
    public static final float DEFAULT_JPEG_QUALITY = 0.9f;
    /** OpenCV compression x1000 used by {@link #create} for lossy JPEG 2000 (about 10:1). */
    public static final int DEFAULT_J2K_COMPRESSION_X1000 = 100;

    private static final Map<String, FrameCodec> ENCODING = FrameDecoders.bySyntax(FrameDecoders.codecs(),
            FrameCodec::encodes, "encode");

    private FrameEncoders() {
    }

    /** The transfer syntax UIDs with an encoder. */
    public static Set<String> supportedTransferSyntaxes() {
        return ENCODING.keySet();
    }

    /**
     * Compresses one native frame (little endian, as stored in native Pixel Data) into the target transfer syntax
     * with default parameters: the one-call path for generating demo studies. Allocates; not for hot loops.
     *
     * @param nativeDescriptor the frame's description (its transfer syntax must be a native one)
     * @throws FrameDecodeException     when the native frame does not match the descriptor (e.g. too short)
     * @throws IllegalArgumentException when the target syntax has no encoder or cannot represent the image
     */
    public static EncodedFrame encodeNative(ImageDescriptor nativeDescriptor, ByteBuffer nativeFrame,
                                            String targetTransferSyntaxUid) throws FrameDecodeException {
        PixelSyntax source = PixelSyntax.of(nativeDescriptor.transferSyntaxUid()).orElse(null);
        if (source == null || !source.isNative()) {
            throw new IllegalArgumentException("source frame must be native, not "
                    + PixelSyntax.describe(nativeDescriptor.transferSyntaxUid()));
        }
        FrameBuffer samples = new FrameBuffer();
        FrameDecoders.create(source.uid()).decode(nativeDescriptor, nativeFrame, 0, samples);
        return create(targetTransferSyntaxUid).encode(nativeDescriptor, samples);
    }

    /**
     * A new encoder for the transfer syntax with default parameters.
     *
     * @throws IllegalArgumentException when there is no encoder for it
     */
    public static FrameEncoder create(String transferSyntaxUid) {
        PixelSyntax s = PixelSyntax.of(transferSyntaxUid)
                .orElseThrow(() -> new IllegalArgumentException("unknown transfer syntax " + transferSyntaxUid));
        FrameCodec codec = ENCODING.get(s.uid());
        if (codec == null) {
            throw new IllegalArgumentException("no encoder for " + s.displayName());
        }
        return codec.encoder(s);
    }
}
