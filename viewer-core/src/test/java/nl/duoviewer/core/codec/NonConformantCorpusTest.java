package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.TestDicom;

/** Corpus files whose codestream is broken (MANIFEST notes) must fail with a clear, specific message. */
class NonConformantCorpusTest {

    private static FrameDecodeException decodeFails(String file) throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        FrameDecoder decoder = FrameDecoders.create(dicom.descriptor());
        return assertThrows(FrameDecodeException.class,
                () -> decoder.decode(dicom.descriptor(), dicom.frames().getFirst(), 0, new FrameBuffer()));
    }

    @Test
    void sixteenBitDctJpegIsRefused() throws Exception {
        FrameDecodeException e = decodeFails("generated/mr12_jpeg_lossy_gdcm.dcm");
        assertTrue(e.getMessage().contains("precision 16"), e.getMessage());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.51"), e.getMessage());
        assertEquals(0, e.frameIndex());
    }

    @Test
    void sequenceDelimiterBytesInsideTheJ2kHeaderAreReported() throws Exception {
        // the FFFE,E0DD bytes overwrite Rsiz/Xsiz of the SIZ marker: the codestream itself is broken
        FrameDecodeException e = decodeFails("pydicom/JPEG2000-embedded-sequence-delimiter.dcm");
        assertTrue(e.getMessage().contains("JPEG 2000 image size"), e.getMessage());
    }
}
