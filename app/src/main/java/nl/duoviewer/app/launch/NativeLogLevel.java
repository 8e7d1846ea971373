package nl.duoviewer.app.launch;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Silences OpenCV's own console output (OpenJPEG decode errors and the like: every failure already reaches the viewer
 * as an exception). OpenCV reads only the environment variable {@value #VARIABLE}, when its native library
 * initialises; a jpackage launcher cannot set environment variables, so the viewer sets it in its own process, through
 * the C library, before anything loads OpenCV. A value the user set is left alone.
 */
public final class NativeLogLevel {

    public static final String VARIABLE = "OPENCV_LOG_LEVEL";
    public static final String SILENT = "SILENT";

    private NativeLogLevel() {
    }

    /**
     * Sets {@value #VARIABLE}=SILENT for this process unless it is set already.
     *
     * @return the value in effect afterwards, or empty when it could not be set (no native access granted, or no C
     *         library call for it on this platform)
     */
    // "restricted": Linker.downcallHandle is a restricted method by design; calling setenv is this class's whole job,
    // and the launchers grant it (--enable-native-access=ALL-UNNAMED)
    @SuppressWarnings("restricted")
    public static Optional<String> silenceOpenCv() {
        String current = System.getenv(VARIABLE);
        if (current != null) {
            return Optional.of(current);
        }
        if (!NativeLogLevel.class.getModule().isNativeAccessEnabled()) {
            return Optional.empty(); // calling would only print the JDK's restricted-method warning
        }
        try {
            Linker linker = Linker.nativeLinker();
            boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
            Optional<MemorySegment> symbol = linker.defaultLookup().find(windows ? "_putenv_s" : "setenv");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocateFrom(VARIABLE);
                MemorySegment value = arena.allocateFrom(SILENT);
                int rc;
                if (windows) {
                    MethodHandle putenv = linker.downcallHandle(symbol.get(), FunctionDescriptor.of(
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
                    rc = (int) putenv.invokeExact(name, value);
                } else {
                    MethodHandle setenv = linker.downcallHandle(symbol.get(), FunctionDescriptor.of(
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
                    rc = (int) setenv.invokeExact(name, value, 0);
                }
                return rc == 0 ? Optional.of(SILENT) : Optional.empty();
            }
        } catch (Throwable e) {
            // noisy native logs are a nuisance, not a reason to refuse to start
            return Optional.empty();
        }
    }
}
