package nl.duoviewer.core.pixel;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.image.FrameBuffer;

/** Told when a {@link FramePipeline} finishes a frame. Called on a decoder thread: hand off to the UI thread. */
public interface FrameListener {

    void frameDecoded(int index, FrameBuffer frame);

    /** A frame could not be decoded (the message names syntax and frame). */
    default void frameFailed(int index, FrameDecodeException error) {
    }
}
