package nl.duoviewer.core.codec;

import java.util.Set;

/**
 * One compression format's decoders and encoders (a package {@code core.codec.<format>}), found by
 * {@link java.util.ServiceLoader} through {@code META-INF/services/nl.duoviewer.core.codec.FrameCodec}. The format
 * packages depend on this package and never the reverse, so the packages stay free of cycles and a format is added
 * without touching shared code (decision record 19).
 */
public interface FrameCodec {

    /** The transfer syntaxes this codec decodes. */
    Set<PixelSyntax> decodes();

    /** A new decoder (with its own scratch state) for one of {@link #decodes()}. */
    FrameDecoder decoder(PixelSyntax syntax);

    /** The transfer syntaxes this codec encodes with the defaults of {@link FrameEncoders}; none by default. */
    default Set<PixelSyntax> encodes() {
        return Set.of();
    }

    /**
     * A new encoder for one of {@link #encodes()}, with {@link FrameEncoders}' default parameters.
     *
     * @throws IllegalArgumentException for a syntax this codec does not encode
     */
    default FrameEncoder encoder(PixelSyntax syntax) {
        throw new IllegalArgumentException("no encoder for " + syntax.displayName());
    }
}
