package nl.duoviewer.core.codec.uncompressed;

import java.util.Set;

import nl.duoviewer.core.codec.FrameCodec;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.PixelSyntax;

/** Native (uncompressed) pixel data in the implicit, explicit, deflated and big endian syntaxes. */
public final class NativeCodec implements FrameCodec {

    @Override
    public Set<PixelSyntax> decodes() {
        return Set.of(PixelSyntax.IMPLICIT_VR_LITTLE_ENDIAN, PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                PixelSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, PixelSyntax.EXPLICIT_VR_BIG_ENDIAN);
    }

    @Override
    public FrameDecoder decoder(PixelSyntax syntax) {
        return new NativeFrameDecoder();
    }
}
