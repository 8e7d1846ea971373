package nl.duoviewer.core.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.PixelData;
import nl.duoviewer.core.image.ImageDescriptor;

/** The frames of a parsed DICOM object, with the descriptor built from its Image Pixel module. */
public final class DicomFrameSource implements FrameSource {
    private final ImageDescriptor descriptor;
    private final PixelData pixelData;

    private DicomFrameSource(ImageDescriptor descriptor, PixelData pixelData) {
        this.descriptor = descriptor;
        this.pixelData = pixelData;
    }

    /**
     * @throws IllegalArgumentException when the object has no pixel data or its Image Pixel module is unusable
     *                                  (the message says which attribute)
     */
    public static DicomFrameSource of(DicomFile file) {
        Objects.requireNonNull(file, "file");
        PixelData pd = file.pixelData();
        if (pd == null) {
            throw new IllegalArgumentException("the object has no Pixel Data (7FE0,0010)");
        }
        return new DicomFrameSource(ImageDescriptor.from(file.dataset(), file.transferSyntax()), pd);
    }

    @Override
    public ImageDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int frameCount() {
        return Math.min(pixelData.frameCount(), descriptor.numberOfFrames());
    }

    /** Why fewer frames than declared can be read, or null. */
    public String problem() {
        return pixelData.problem();
    }

    @Override
    public ByteBuffer frame(int index) throws IOException {
        return pixelData.frame(index);
    }
}
