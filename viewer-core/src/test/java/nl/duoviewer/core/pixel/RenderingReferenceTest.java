package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/** Display output of the whole pipeline (decode, LUTs, colour) against dcmtk's dcm2pnm rendering. */
class RenderingReferenceTest {

    @Test
    void ctWithExplicitWindowMatchesDcmtk(@TempDir Path work) throws Exception {
        assertGreyMatches("pydicom/CT_small.dcm", List.of("+Ww", "40", "400"), 40, 400, work);
    }

    @Test
    void mrWithItsOwnWindowMatchesDcmtk(@TempDir Path work) throws Exception {
        assertGreyMatches("pydicom/MR_small.dcm", List.of("+Wi", "1"), Double.NaN, 0, work);
    }

    @Test
    void twelveBitJpegWithItsOwnWindowMatchesDcmtk(@TempDir Path work) throws Exception {
        assertGreyMatches("generated/mr12_jpeg_ext12_dcmtk.dcm", List.of("+Wi", "1"), Double.NaN, 0, work);
    }

    @Test
    void uncompressedYbrFull422MatchesDcmtk(@TempDir Path work) throws Exception {
        assertColourMatches("pydicom/SC_ybr_full_422_uncompressed.dcm", 1, work);
    }

    @Test
    void ycbcrJpegMatchesDcmtkExactly(@TempDir Path work) throws Exception {
        assertColourMatches("pydicom/SC_rgb_dcmtk_+eb+cy+s2.dcm", 0, work);
    }

    @Test
    void rgbRleMatchesDcmtkExactly(@TempDir Path work) throws Exception {
        assertColourMatches("pydicom/SC_rgb_rle.dcm", 0, work);
    }

    private static void assertGreyMatches(String file, List<String> windowArgs, double c, double w, Path work)
            throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        FrameBuffer frame = new FrameBuffer();
        FrameDecoders.create(dicom.descriptor()).decode(dicom.descriptor(), dicom.frames().getFirst(), 0, frame);
        RenderSettings s = RenderSettings.from(dicom.file().dataset(), dicom.descriptor().photometric());
        if (!Double.isNaN(c)) {
            s = s.withWindow(c, w);
        } else {
            assertTrue(s.voi() != null, "dataset window expected");
        }
        DisplayImage out = new DisplayImage();
        new FrameRenderer().renderGrey(frame, s, out);
        byte[] ref = pnm(file, windowArgs, work);
        assertEquals(frame.rows() * frame.columns(), ref.length);
        int max = 0;
        for (int i = 0; i < ref.length; i++) {
            max = Math.max(max, Math.abs((ref[i] & 0xFF) - (out.grey()[i] & 0xFF)));
        }
        // dcmtk rounds its window output slightly differently at exact .5 boundaries
        assertTrue(max <= 1, file + " differs from dcm2pnm by up to " + max);
    }

    private static void assertColourMatches(String file, int tolerance, Path work) throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        FrameBuffer frame = new FrameBuffer();
        FrameDecoders.create(dicom.descriptor()).decode(dicom.descriptor(), dicom.frames().getFirst(), 0, frame);
        DisplayImage out = new DisplayImage();
        new FrameRenderer().renderArgb(frame, RenderSettings.from(dicom.file().dataset(), frame.photometric()), null,
                out);
        byte[] ref = pnm(file, List.of(), work);
        int n = frame.rows() * frame.columns();
        assertEquals(3 * n, ref.length);
        int max = 0;
        for (int i = 0; i < n; i++) {
            int argb = out.argb()[i];
            max = Math.max(max, Math.abs((ref[3 * i] & 0xFF) - ((argb >> 16) & 0xFF)));
            max = Math.max(max, Math.abs((ref[3 * i + 1] & 0xFF) - ((argb >> 8) & 0xFF)));
            max = Math.max(max, Math.abs((ref[3 * i + 2] & 0xFF) - (argb & 0xFF)));
        }
        assertTrue(max <= tolerance, file + " differs from dcm2pnm by up to " + max);
    }

    /** Pixel bytes of dcm2pnm's binary PGM/PPM output. */
    private static byte[] pnm(String file, List<String> args, Path work) throws Exception {
        Path out = work.resolve("ref.pnm");
        Path input = Corpus.file(file);
        String ts = TestDicom.read(input).descriptor().transferSyntaxUid();
        if (ts.startsWith("1.2.840.10008.1.2.4.5") || ts.startsWith("1.2.840.10008.1.2.4.7")) {
            // Debian's dcm2pnm has no JPEG codec registered: decompress with dcmdjpeg first
            Path plain = work.resolve("plain.dcm");
            ReferenceTools.run("dcmdjpeg", input.toString(), plain.toString());
            input = plain;
        }
        List<String> cmd = new ArrayList<>(List.of("dcm2pnm", "+op"));
        cmd.addAll(args);
        cmd.add(input.toString());
        cmd.add(out.toString());
        ReferenceTools.run(cmd.toArray(String[]::new));
        byte[] b = Files.readAllBytes(out);
        int pos = 0;
        int fields = 0;
        while (fields < 4) {
            while (Character.isWhitespace(b[pos])) {
                pos++;
            }
            if (b[pos] == '#') {
                while (b[pos] != '\n') {
                    pos++;
                }
                continue;
            }
            while (!Character.isWhitespace(b[pos])) {
                pos++;
            }
            fields++;
        }
        pos++;
        if (pos >= b.length) {
            throw new IOException("empty PNM");
        }
        return java.util.Arrays.copyOfRange(b, pos, b.length);
    }
}
