package nl.duoviewer.core.archfixture.codec.jpeg2000;

import java.nio.ByteBuffer;

/** The format package the fixture's {@code rle} wrongly uses. */
public final class J2kSizes {

    private J2kSizes() {
    }

    public static int first(ByteBuffer data) {
        return data.get(0);
    }
}
