package nl.duoviewer.core.codec;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Chooses the {@link FrameDecoder} for a transfer syntax. Each call to {@link #create} returns a new decoder with its
 * own scratch buffers (decoders are not thread-safe; keep one per thread and reuse it frame after frame).
 */
public final class FrameDecoders {
    private static final Map<String, Supplier<FrameDecoder>> FACTORIES = Map.ofEntries(
            Map.entry(PixelSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), NativeFrameDecoder::new),
            Map.entry(PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), NativeFrameDecoder::new),
            Map.entry(PixelSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(), NativeFrameDecoder::new),
            Map.entry(PixelSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), NativeFrameDecoder::new),
            Map.entry(PixelSyntax.RLE_LOSSLESS.uid(), RleFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_BASELINE.uid(), JpegFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_EXTENDED.uid(), JpegFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_LOSSLESS.uid(), JpegFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_LOSSLESS_SV1.uid(), JpegFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_LS_LOSSLESS.uid(), JpegLsFrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_2000_LOSSLESS.uid(), Jpeg2000FrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_2000.uid(), Jpeg2000FrameDecoder::new),
            Map.entry(PixelSyntax.HTJ2K_LOSSLESS.uid(), Jpeg2000FrameDecoder::new),
            Map.entry(PixelSyntax.HTJ2K_LOSSLESS_RPCL.uid(), Jpeg2000FrameDecoder::new),
            Map.entry(PixelSyntax.HTJ2K.uid(), Jpeg2000FrameDecoder::new),
            Map.entry(PixelSyntax.JPEG_LS_NEAR_LOSSLESS.uid(), JpegLsFrameDecoder::new));

    private FrameDecoders() {
    }

    /** True when frames of this transfer syntax can be decoded. */
    public static boolean supports(String transferSyntaxUid) {
        return transferSyntaxUid != null && FACTORIES.containsKey(transferSyntaxUid.trim());
    }

    /** The transfer syntax UIDs with a decoder. */
    public static Set<String> supportedTransferSyntaxes() {
        return FACTORIES.keySet();
    }

    /**
     * A new decoder for the transfer syntax.
     *
     * @throws FrameDecodeException (frame index 0) when no decoder exists for it
     */
    public static FrameDecoder create(String transferSyntaxUid) throws FrameDecodeException {
        Supplier<FrameDecoder> f = transferSyntaxUid == null ? null : FACTORIES.get(transferSyntaxUid.trim());
        if (f == null) {
            throw new FrameDecodeException(transferSyntaxUid, 0, "no decoder for this transfer syntax");
        }
        return f.get();
    }

    /** A new decoder for the descriptor's transfer syntax. */
    public static FrameDecoder create(ImageDescriptor descriptor) throws FrameDecodeException {
        return create(descriptor.transferSyntaxUid());
    }
}
