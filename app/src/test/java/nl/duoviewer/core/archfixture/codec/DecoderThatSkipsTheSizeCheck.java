package nl.duoviewer.core.archfixture.codec;

import java.nio.ByteBuffer;

import nl.duoviewer.core.archfixture.codec.rle.RleShortcut;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Deliberately breaks the codec rules, for the architecture test only: a decoder implementing FrameDecoder without
 * the common entry point (so without the frame size check), in a package that plays the shared codec API and reaches
 * into a format package ({@code rle}) of its own.
 */
public final class DecoderThatSkipsTheSizeCheck implements FrameDecoder {

    @Override
    public void decode(ImageDescriptor descriptor, ByteBuffer data, int frameIndex, FrameBuffer out) {
        out.reset(descriptor, descriptor.photometric());
        RleShortcut.unpack(data, out);
    }
}
