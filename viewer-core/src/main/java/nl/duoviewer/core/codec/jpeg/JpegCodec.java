package nl.duoviewer.core.codec.jpeg;

import java.util.Set;

import nl.duoviewer.core.codec.FrameCodec;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.codec.PixelSyntax;

/** JPEG (ISO 10918-1): baseline, extended 12-bit and lossless decoded in pure Java; baseline encoded by ImageIO. */
public final class JpegCodec implements FrameCodec {

    @Override
    public Set<PixelSyntax> decodes() {
        return Set.of(PixelSyntax.JPEG_BASELINE, PixelSyntax.JPEG_EXTENDED, PixelSyntax.JPEG_LOSSLESS,
                PixelSyntax.JPEG_LOSSLESS_SV1);
    }

    @Override
    public FrameDecoder decoder(PixelSyntax syntax) {
        return new JpegFrameDecoder();
    }

    @Override
    public Set<PixelSyntax> encodes() {
        return Set.of(PixelSyntax.JPEG_BASELINE);
    }

    @Override
    public FrameEncoder encoder(PixelSyntax syntax) {
        return new JpegBaselineEncoder(FrameEncoders.DEFAULT_JPEG_QUALITY);
    }
}
