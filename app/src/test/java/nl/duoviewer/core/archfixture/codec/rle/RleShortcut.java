package nl.duoviewer.core.archfixture.codec.rle;

import java.nio.ByteBuffer;

import nl.duoviewer.core.archfixture.codec.jpeg2000.J2kSizes;
import nl.duoviewer.core.image.FrameBuffer;

/** A format package of the fixture that uses another format ({@code jpeg2000}): what the codec rules forbid. */
public final class RleShortcut {

    private RleShortcut() {
    }

    public static void unpack(ByteBuffer data, FrameBuffer out) {
        out.setSample(0, J2kSizes.first(data));
    }
}
