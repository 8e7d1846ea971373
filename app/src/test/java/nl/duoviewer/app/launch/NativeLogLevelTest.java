package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * OpenCV prints its own errors to the process's stderr when OpenJPEG meets a damaged JPEG 2000 stream. The viewer
 * silences that from inside its own process (a jpackage launcher cannot set environment variables): proven in a child
 * JVM started without OPENCV_LOG_LEVEL, against the same JVM without the call.
 */
class NativeLogLevelTest {

    /** Child JVM: optionally silences OpenCV, then decodes a damaged JPEG 2000 frame. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("silence")) {
            System.out.println("OPENCV_LOG_LEVEL=" + NativeLogLevel.silenceOpenCv().orElse("(not set)"));
        }
        ImageDescriptor d = ImageDescriptor.monochrome(128, 128, 16, 12, false, 1,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        ByteBuffer pixels = ByteBuffer.allocate(128 * 128 * 2);
        for (int i = 0; i < 128 * 128; i++) {
            pixels.putShort(2 * i, (short) ((i * 37) & 0xFFF));
        }
        EncodedFrame j2k = FrameEncoders.encodeNative(d, pixels, "1.2.840.10008.1.2.4.90");
        byte[] damaged = java.util.Arrays.copyOf(j2k.data(), j2k.data().length / 3);
        for (int i = 200; i < damaged.length; i += 7) {
            damaged[i] ^= 0x5A;
        }
        ImageDescriptor j = ImageDescriptor.monochrome(128, 128, 16, 12, false, 1, "1.2.840.10008.1.2.4.90");
        try {
            FrameDecoders.create(j).decode(j, ByteBuffer.wrap(damaged), 0, new FrameBuffer());
            System.out.println("decoded");
        } catch (FrameDecodeException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    private record Run(String out, String err) {
    }

    private static Run child(Path dir, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NativeLogLevelTest.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove(NativeLogLevel.VARIABLE); // the build sets it for the test JVM
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child finished");
        assertEquals(0, p.exitValue(), () -> read(err));
        return new Run(read(out), read(err));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void theViewerSilencesOpenCvInItsOwnProcess(@TempDir Path dir) throws Exception {
        Run loud = child(dir);
        assertTrue(loud.out().contains("refused:"), loud.out());
        assertTrue(loud.err().contains("OpenJPEG"), "without the call OpenCV speaks (the check can fail): "
                + loud.err());

        Run quiet = child(dir, "silence");
        assertTrue(quiet.out().startsWith("OPENCV_LOG_LEVEL=SILENT"), quiet.out());
        assertTrue(quiet.out().contains("refused:"), "the failure still reaches the caller: " + quiet.out());
        assertFalse(quiet.err().contains("OpenJPEG") || quiet.err().contains("[ERROR"), quiet.err());
        assertEquals("", quiet.err().strip());
    }
}
