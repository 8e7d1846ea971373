package nl.duoviewer.core.codec.jpegls;

import java.util.Set;

import nl.duoviewer.core.codec.FrameCodec;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.codec.PixelSyntax;

/** JPEG-LS (ISO 14495-1) lossless and near-lossless, decoded and encoded in pure Java. */
public final class JpegLsCodec implements FrameCodec {

    @Override
    public Set<PixelSyntax> decodes() {
        return Set.of(PixelSyntax.JPEG_LS_LOSSLESS, PixelSyntax.JPEG_LS_NEAR_LOSSLESS);
    }

    @Override
    public FrameDecoder decoder(PixelSyntax syntax) {
        return new JpegLsFrameDecoder();
    }

    @Override
    public Set<PixelSyntax> encodes() {
        return Set.of(PixelSyntax.JPEG_LS_LOSSLESS, PixelSyntax.JPEG_LS_NEAR_LOSSLESS);
    }

    @Override
    public FrameEncoder encoder(PixelSyntax syntax) {
        return new JpegLsEncoder(syntax == PixelSyntax.JPEG_LS_LOSSLESS ? 0 : FrameEncoders.DEFAULT_JPEG_LS_NEAR);
    }
}
