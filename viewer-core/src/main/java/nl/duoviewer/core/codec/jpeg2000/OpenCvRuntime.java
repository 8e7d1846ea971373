package nl.duoviewer.core.codec.jpeg2000;

/**
 * Loads the OpenCV native library (org.openpnp:opencv, which bundles OpenJPEG 2.5.0) once per JVM. OpenCV's log
 * verbosity is taken from the environment variable OPENCV_LOG_LEVEL (no Java API for it): launchers should set
 * it to SILENT, since every failure already reaches the caller as a FrameDecodeException.
 */
final class OpenCvRuntime {
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;
    private static volatile Throwable failure;

    private OpenCvRuntime() {
    }

    /** Loads the library if needed; returns null on success or the reason it is unavailable. */
    static String ensureLoaded() {
        if (loaded) {
            return null;
        }
        synchronized (LOCK) {
            if (!loaded && failure == null) {
                try {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                } catch (Throwable t) {
                    failure = t;
                }
            }
        }
        return loaded ? null : "OpenCV/OpenJPEG native library unavailable: " + failure;
    }
}
