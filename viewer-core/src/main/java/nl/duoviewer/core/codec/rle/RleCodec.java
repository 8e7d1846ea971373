package nl.duoviewer.core.codec.rle;

import java.util.Set;

import nl.duoviewer.core.codec.FrameCodec;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.PixelSyntax;

/** RLE Lossless (PS3.5 Annex G), decoded and encoded in pure Java. */
public final class RleCodec implements FrameCodec {

    @Override
    public Set<PixelSyntax> decodes() {
        return Set.of(PixelSyntax.RLE_LOSSLESS);
    }

    @Override
    public FrameDecoder decoder(PixelSyntax syntax) {
        return new RleFrameDecoder();
    }

    @Override
    public Set<PixelSyntax> encodes() {
        return Set.of(PixelSyntax.RLE_LOSSLESS);
    }

    @Override
    public FrameEncoder encoder(PixelSyntax syntax) {
        return new RleEncoder();
    }
}
