package nl.duoviewer.core.codec;

import java.io.IOException;
import java.nio.ByteBuffer;

import nl.duoviewer.core.image.ImageDescriptor;

/** Where the stored bytes of an image's frames come from: a parsed file, a network stream, a test. */
public interface FrameSource {

    /** The image description the frames follow. */
    ImageDescriptor descriptor();

    /** Frames that can be read now (fewer than declared for a truncated object). */
    int frameCount();

    /**
     * The stored bytes of one frame (native: little endian; encapsulated: the frame's fragments concatenated).
     *
     * @throws IOException when the frame cannot be read (missing, truncated, I/O error)
     */
    ByteBuffer frame(int index) throws IOException;
}
