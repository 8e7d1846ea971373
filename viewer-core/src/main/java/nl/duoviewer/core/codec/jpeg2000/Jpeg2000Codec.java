package nl.duoviewer.core.codec.jpeg2000;

import java.util.Set;

import nl.duoviewer.core.codec.FrameCodec;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.codec.PixelSyntax;

/** JPEG 2000 and HTJ2K through OpenCV's OpenJPEG: every syntax decoded, classic JPEG 2000 encoded. */
public final class Jpeg2000Codec implements FrameCodec {

    @Override
    public Set<PixelSyntax> decodes() {
        return Set.of(PixelSyntax.JPEG_2000_LOSSLESS, PixelSyntax.JPEG_2000, PixelSyntax.HTJ2K_LOSSLESS,
                PixelSyntax.HTJ2K_LOSSLESS_RPCL, PixelSyntax.HTJ2K);
    }

    @Override
    public FrameDecoder decoder(PixelSyntax syntax) {
        return new Jpeg2000FrameDecoder();
    }

    @Override
    public Set<PixelSyntax> encodes() {
        return Set.of(PixelSyntax.JPEG_2000_LOSSLESS, PixelSyntax.JPEG_2000);
    }

    @Override
    public FrameEncoder encoder(PixelSyntax syntax) {
        return syntax == PixelSyntax.JPEG_2000_LOSSLESS ? new Jpeg2000Encoder()
                : new Jpeg2000Encoder(FrameEncoders.DEFAULT_J2K_COMPRESSION_X1000);
    }
}
