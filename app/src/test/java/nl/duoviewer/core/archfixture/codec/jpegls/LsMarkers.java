package nl.duoviewer.core.archfixture.codec.jpegls;

import nl.duoviewer.core.archfixture.codec.jpeg.Markers;

/** JPEG-LS sharing JPEG's marker syntax, as the real packages do: allowed, and the rule must not flag it. */
public final class LsMarkers {

    private LsMarkers() {
    }

    public static int soi() {
        return Markers.soi();
    }
}
