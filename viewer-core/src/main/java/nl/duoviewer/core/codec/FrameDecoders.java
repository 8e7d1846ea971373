package nl.duoviewer.core.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Chooses the {@link FrameDecoder} for a transfer syntax. Each call to {@link #create} returns a new decoder with its
 * own scratch buffers (decoders are not thread-safe; keep one per thread and reuse it frame after frame).
 *
 * <p>Every decoder checks each frame against the {@link FrameSizeLimit} configured for the JVM (or the one given to
 * {@link #create(String, FrameSizeLimit)}) before it allocates anything for it.
 *
 * <p>The decoders come from the format packages' {@link FrameCodec}s, loaded once with {@link ServiceLoader}; two
 * codecs claiming one syntax is a packaging error and fails at first use, so no codec can silently replace another.
 */
public final class FrameDecoders {
    private static final List<FrameCodec> CODECS =
            ServiceLoader.load(FrameCodec.class, FrameCodec.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList();
    private static final Map<String, FrameCodec> DECODING = bySyntax(CODECS, FrameCodec::decodes, "decode");

    private FrameDecoders() {
    }

    /** The codecs found on the class path, in service-file order. */
    static List<FrameCodec> codecs() {
        return CODECS;
    }

    /**
     * Every syntax to the one codec that claims it through {@code claims}.
     *
     * @throws IllegalStateException when two codecs claim one syntax
     */
    static Map<String, FrameCodec> bySyntax(List<FrameCodec> codecs, Function<FrameCodec, Set<PixelSyntax>> claims,
                                            String what) {
        Map<String, FrameCodec> map = new HashMap<>();
        for (FrameCodec codec : codecs) {
            for (PixelSyntax s : claims.apply(codec)) {
                FrameCodec other = map.putIfAbsent(s.uid(), codec);
                if (other != null) {
                    throw new IllegalStateException(other.getClass().getName() + " and " + codec.getClass().getName()
                            + " both " + what + " " + s.displayName());
                }
            }
        }
        return Map.copyOf(map);
    }

    /** True when frames of this transfer syntax can be decoded. */
    public static boolean supports(String transferSyntaxUid) {
        return transferSyntaxUid != null && DECODING.containsKey(transferSyntaxUid.trim());
    }

    /** The transfer syntax UIDs with a decoder. */
    public static Set<String> supportedTransferSyntaxes() {
        return DECODING.keySet();
    }

    /**
     * A new decoder for the transfer syntax.
     *
     * @throws FrameDecodeException (frame index 0) when no decoder exists for it
     */
    public static FrameDecoder create(String transferSyntaxUid) throws FrameDecodeException {
        FrameCodec codec = transferSyntaxUid == null ? null : DECODING.get(transferSyntaxUid.trim());
        if (codec == null) {
            throw new FrameDecodeException(transferSyntaxUid, 0, "no decoder for this transfer syntax");
        }
        return codec.decoder(PixelSyntax.of(transferSyntaxUid).orElseThrow());
    }

    /**
     * A new decoder for the transfer syntax that refuses frames above {@code limit} instead of the configured one.
     *
     * @throws FrameDecodeException (frame index 0) when no decoder exists for it
     */
    public static FrameDecoder create(String transferSyntaxUid, FrameSizeLimit limit) throws FrameDecodeException {
        FrameDecoder decoder = create(transferSyntaxUid);
        if (!(decoder instanceof AbstractFrameDecoder checked)) {
            throw new IllegalStateException(decoder.getClass().getName() + " does not extend AbstractFrameDecoder");
        }
        checked.limit(limit);
        return decoder;
    }

    /** A new decoder for the descriptor's transfer syntax. */
    public static FrameDecoder create(ImageDescriptor descriptor) throws FrameDecodeException {
        return create(descriptor.transferSyntaxUid());
    }
}
