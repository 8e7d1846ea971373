package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomStream;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.testsupport.Corpus;

/**
 * Real files from the corpus (testdata/corpus), streamed and decoded the way retrieved objects are, mapped to the pixels the
 * viewer holds: colour after decoding (JPEG YBR comes out RGB), depth, MONOCHROME1, sign and rescale.
 */
class DisplayPixelsCorpusTest {

    /** Streams a file as the network would and decodes every frame. */
    static List<FramePixels> decode(String relative) throws Exception {
        Path file = Corpus.file(relative);
        ImageFrameDecoder worker = new ImageFrameDecoder();
        List<FramePixels> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DicomStream stream = DicomStream.open(in)) {
            ImageAttributes image = ImageAttributes.of(stream.dataset(), stream.transferSyntax(), 1, 1);
            ByteBuffer frame;
            while ((frame = stream.nextFrame()) != null) {
                out.add(worker.decode(image, frame, out.size()));
            }
        }
        return out;
    }

    /** Reference: the RGB bands of pydicom's SC_rgb test image, top to bottom. */
    static final int[][] BANDS = {{255, 0, 0}, {255, 128, 128}, {0, 255, 0}, {128, 255, 128}, {0, 0, 255},
        {128, 128, 255}, {0, 0, 0}, {64, 64, 64}, {192, 192, 192}, {255, 255, 255}};

    static void assertBands(ColorPixels c, int tolerance) {
        for (int band = 0; band < BANDS.length; band++) {
            int argb = c.argb()[(5 + 10 * band) * c.width() + 50];
            int[] got = {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
            for (int k = 0; k < 3; k++) {
                assertTrue(Math.abs(got[k] - BANDS[band][k]) <= tolerance, "band " + band + ": "
                        + java.util.Arrays.toString(got));
            }
            assertEquals(0xFF, argb >>> 24, "opaque");
        }
    }

    @Test
    void rgbAndYbrJpegAndYbr422AllBecomeTheSameColours() throws Exception {
        assertBands(assertInstanceOf(ColorPixels.class, decode("pydicom/SC_rgb_rle.dcm").getFirst()), 0);
        // YBR_FULL in the header; the JPEG decoder hands back RGB, which must not be converted a second time
        assertBands(assertInstanceOf(ColorPixels.class, decode("pydicom/SC_rgb_jpeg_dcmtk.dcm").getFirst()), 6);
        assertBands(assertInstanceOf(ColorPixels.class, decode("pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm").getFirst()),
                6);
        // uncompressed YBR_FULL_422 is converted here
        assertBands(assertInstanceOf(ColorPixels.class,
                decode("pydicom/SC_ybr_full_422_uncompressed.dcm").getFirst()), 6);
    }

    @Test
    void sixteenAndThirtyTwoBitColourIsScaledToEightBits() throws Exception {
        assertBands(assertInstanceOf(ColorPixels.class, decode("pydicom/SC_rgb_rle_16bit.dcm").getFirst()), 1);
        assertBands(assertInstanceOf(ColorPixels.class, decode("pydicom/SC_rgb_rle_32bit.dcm").getFirst()), 1);
    }

    @Test
    void everyFrameOfAMultiFrameObjectComesOut() throws Exception {
        List<FramePixels> frames = decode("pydicom/SC_rgb_rle_2frame.dcm");
        assertEquals(2, frames.size());
        ColorPixels first = assertInstanceOf(ColorPixels.class, frames.get(0));
        ColorPixels second = assertInstanceOf(ColorPixels.class, frames.get(1));
        assertBands(first, 0);
        for (int i = 0; i < first.argb().length; i++) {
            assertEquals(first.argb()[i] ^ 0x00FFFFFF, second.argb()[i], "the second frame is the negative");
        }
    }

    @Test
    void monochrome1IsMarkedInvertedAndKeepsItsStoredValues() throws Exception {
        String file = "pydicom/dicomdirtests/77654033/CR1/6154";
        GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, decode(file).getFirst());
        assertTrue(g.inverted(), "MONOCHROME1: low values are white");
        assertFalse(assertInstanceOf(GrayscalePixels.class, decode("pydicom/MR_small.dcm").getFirst()).inverted());
        assertArrayEquals(reference(file), g);
    }

    @Test
    void signedCtKeepsItsSignAndRescale() throws Exception {
        String file = "pydicom/CT_small.dcm";
        GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, decode(file).getFirst());
        DicomFile f = DicomReader.read(Corpus.file(file));
        assertTrue(g.signed());
        ModalityLut.Rescale rescale = assertInstanceOf(ModalityLut.Rescale.class, g.modality());
        assertEquals(f.dataset().getDouble(nl.duoviewer.core.dicom.Tag.RescaleSlope, 1), rescale.slope());
        assertEquals(f.dataset().getDouble(nl.duoviewer.core.dicom.Tag.RescaleIntercept, 0), rescale.intercept());
        assertEquals(VoiFunction.LINEAR, g.voiFunction());
        assertArrayEquals(reference(file), g);
    }

    @Test
    void modalityLutSequenceAndVoiFunctionFromTheHeaderReachThePixels() throws Exception {
        Path file = Corpus.file("pydicom/MR_small.dcm");
        try (InputStream in = Files.newInputStream(file); DicomStream stream = DicomStream.open(in)) {
            DicomObject ds = stream.dataset();
            // a table doubling every stored value (16-bit MR: 4096 entries cover its range), and SIGMOID windows
            int entries = 4096;
            byte[] lut = new byte[2 * entries];
            for (int i = 0; i < entries; i++) {
                lut[2 * i] = (byte) (2 * i);
                lut[2 * i + 1] = (byte) (2 * i >> 8);
            }
            DicomObject item = ds.newSequence(Tag.ModalityLUTSequence).addItem();
            item.setInt(Tag.LUTDescriptor, VR.US, entries, 0, 16);
            item.setBytes(Tag.LUTData, VR.OW, lut);
            ds.setString(Tag.VOILUTFunction, VR.CS, "SIGMOID");
            ImageAttributes image = ImageAttributes.of(ds, stream.transferSyntax(), 1, 1);
            GrayscalePixels g = assertInstanceOf(GrayscalePixels.class,
                    new ImageFrameDecoder().decode(image, stream.nextFrame(), 0));
            assertEquals(VoiFunction.SIGMOID, g.voiFunction());
            assertInstanceOf(ModalityLut.Table.class, g.modality());
            GrayscalePixels plain = assertInstanceOf(GrayscalePixels.class, decode("pydicom/MR_small.dcm").getFirst());
            for (int i = 0; i < g.stored().length; i += 97) {
                assertEquals(2.0 * plain.storedAt(i), g.modality().apply(g.storedAt(i)), "pixel " + i);
            }
            // the default window spans the table's output, not the stored values
            assertEquals(2 * plain.fullRange().width(), g.fullRange().width(), 2.0);
        }
    }

    @Test
    void aModalityLutSequenceThatDoesNotFitItsDataIsAClearErrorForThatImage() throws Exception {
        try (InputStream in = Files.newInputStream(Corpus.file("pydicom/MR_small.dcm"));
             DicomStream stream = DicomStream.open(in)) {
            DicomObject item = stream.dataset().newSequence(Tag.ModalityLUTSequence).addItem();
            item.setInt(Tag.LUTDescriptor, VR.US, 4096, 0, 16);
            item.setBytes(Tag.LUTData, VR.OW, new byte[10]);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ImageAttributes.of(stream.dataset(), stream.transferSyntax(), 1, 1));
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("lut"), e.getMessage());
        }
    }

    @Test
    void compressedGreyDecodesToTheSameValuesAsUncompressed() throws Exception {
        GrayscalePixels raw = assertInstanceOf(GrayscalePixels.class, decode("pydicom/MR_small.dcm").getFirst());
        for (String variant : List.of("pydicom/MR_small_RLE.dcm", "pydicom/MR_small_jp2klossless.dcm",
                "pydicom/MR_small_jpeg_ls_lossless.dcm", "pydicom/MR_small_bigendian.dcm")) {
            GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, decode(variant).getFirst());
            assertEquals(java.util.Arrays.toString(raw.stored()), java.util.Arrays.toString(g.stored()), variant);
            assertEquals(raw.signed(), g.signed(), variant);
        }
    }

    @Test
    void thirtyTwoBitGreyIsNarrowedWithoutChangingModalityValues() throws Exception {
        String file = "pydicom/rtdose.dcm";
        List<FramePixels> frames = decode(file);
        DicomFile f = DicomReader.read(Corpus.file(file));
        DicomFrameSource source = DicomFrameSource.of(f);
        assertEquals(source.frameCount(), frames.size());
        for (int frame = 0; frame < frames.size(); frame++) {
            GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, frames.get(frame));
            FrameBuffer b = new FrameBuffer();
            FrameDecoders.create(source.descriptor()).decode(source.descriptor(), source.frame(frame), frame, b);
            long max = 0;
            for (int i = 0; i < g.stored().length; i++) {
                max = Math.max(max, b.sampleLong(i));
            }
            double step = Math.max(1, max / 65535.0) * 2;
            for (int i = 0; i < g.stored().length; i++) {
                double shown = g.modality().apply(g.storedAt(i));
                assertTrue(Math.abs(shown - b.sampleLong(i)) <= step, "pixel " + i + ": " + shown + " vs "
                        + b.sampleLong(i));
            }
        }
    }

    /** The stored values as viewer-core decodes the file read whole. */
    static short[] reference(String relative) throws Exception {
        DicomFile f = DicomReader.read(Corpus.file(relative));
        DicomFrameSource source = DicomFrameSource.of(f);
        FrameBuffer b = new FrameBuffer();
        FrameDecoders.create(source.descriptor()).decode(source.descriptor(), source.frame(0), 0, b);
        short[] out = new short[b.rows() * b.columns()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) b.sample(i);
        }
        return out;
    }

    static void assertArrayEquals(short[] expected, GrayscalePixels actual) {
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual.stored()));
    }
}
