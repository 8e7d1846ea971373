package nl.duoviewer.core.pixel;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.image.FrameBuffer;

/**
 * One thread's tools for turning an encoded frame of an image object into the pixels the viewer holds: a decoder per
 * transfer syntax, kept and reused frame after frame (decoders are not thread-safe and carry scratch buffers), one
 * reusable {@link FrameBuffer} for the decoded samples, and {@link DisplayPixels} for the mapping to display pixels.
 * Steady decoding therefore allocates little beyond the output pixels. Not thread-safe: one per thread;
 * {@link FramePipeline} keeps one per decoder thread.
 */
public final class ImageFrameDecoder {

    private final Map<String, FrameDecoder> decoders = new HashMap<>();
    private final FrameBuffer samples = new FrameBuffer();
    private final DisplayPixels display = new DisplayPixels();

    /**
     * Decodes one frame of an image object into display pixels.
     *
     * @param frameIndex zero-based frame of the object
     * @throws FrameDecodeException     when the codestream is damaged or no decoder exists for the syntax
     * @throws IllegalArgumentException when the decoded samples contradict the object's other attributes
     */
    public FramePixels decode(ImageAttributes image, ByteBuffer data, int frameIndex) throws FrameDecodeException {
        String ts = image.descriptor().transferSyntaxUid();
        FrameDecoder decoder = decoders.get(ts);
        if (decoder == null) {
            decoder = FrameDecoders.create(ts);
            decoders.put(ts, decoder);
        }
        decoder.decode(image.descriptor(), data, frameIndex, samples);
        return display.of(samples, image);
    }
}
