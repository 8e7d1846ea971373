package nl.duoviewer.core.archfixture.codec.jpeg;

/** The fixture's {@code jpeg}, which {@code jpegls} may use (the one allowed dependency between formats). */
public final class Markers {

    private Markers() {
    }

    public static int soi() {
        return 0xFFD8;
    }
}
