package nl.duoviewer.core.codec.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameEncoder;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * JPEG Baseline (process 1, 8-bit) encoder using the JDK's ImageIO writer. Grey input stays MONOCHROME2 (or 1); RGB
 * input is written as JFIF YCbCr with 2x2 chroma subsampling, which DICOM labels YBR_FULL_422.
 */
public final class JpegBaselineEncoder implements FrameEncoder {
    private final float quality;

    /** An encoder with quality 0.9. */
    public JpegBaselineEncoder() {
        this(0.9f);
    }

    /** @param quality 0 (smallest) .. 1 (best), as ImageIO's JPEG writer understands it */
    public JpegBaselineEncoder(float quality) {
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must be in (0, 1], got " + quality);
        }
        this.quality = quality;
    }

    @Override
    public String transferSyntaxUid() {
        return PixelSyntax.JPEG_BASELINE.uid();
    }

    @Override
    public EncodedFrame encode(ImageDescriptor d, FrameBuffer frame) {
        FrameEncoder.checkShape(d, frame);
        if (d.bitsAllocated() != 8 || d.signed()) {
            throw new IllegalArgumentException("JPEG baseline codes unsigned 8-bit samples only (Bits Allocated "
                    + d.bitsAllocated() + (d.signed() ? ", signed" : "") + ")");
        }
        Photometric p = frame.photometric();
        boolean colour = frame.samplesPerPixel() == 3;
        if (colour && p != Photometric.RGB) {
            throw new IllegalArgumentException("JPEG baseline encoder takes RGB colour input, got " + p.dicomName());
        }
        if (!colour && !p.isMonochrome()) {
            throw new IllegalArgumentException("JPEG baseline encoder takes MONOCHROME1/2 or RGB, got "
                    + p.dicomName());
        }
        int w = d.columns();
        int h = d.rows();
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] src = frame.bytes();
        if (colour) {
            for (int i = 0, n = w * h * 3; i < n; i += 3) {
                dst[i] = src[i + 2];
                dst[i + 1] = src[i + 1];
                dst[i + 2] = src[i];
            }
        } else {
            System.arraycopy(src, 0, dst, 0, w * h);
        }
        byte[] jpeg = write(img);
        if ((jpeg.length & 1) != 0) {
            jpeg = java.util.Arrays.copyOf(jpeg, jpeg.length + 1);
        }
        return new EncodedFrame(jpeg, transferSyntaxUid(), colour ? Photometric.YBR_FULL_422 : p, true);
    }

    private byte[] write(BufferedImage img) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            // prefer the JDK's own writer should another ImageIO JPEG plugin be on the class path
            if (writer == null || w.getClass().getName().startsWith("com.sun.")) {
                writer = w;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("no ImageIO JPEG writer available");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
