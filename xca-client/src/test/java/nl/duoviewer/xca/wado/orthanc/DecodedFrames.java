package nl.duoviewer.xca.wado.orthanc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * The frames of an instance decoded with the project's own codecs ({@link FrameDecoders}), and a sample-by-sample
 * comparison that names the first difference.
 */
final class DecodedFrames {

    private DecodedFrames() {
    }

    /** Every frame of a parsed instance, decoded. */
    static List<FrameBuffer> of(DicomFile file) throws IOException, FrameDecodeException {
        DicomFrameSource source = DicomFrameSource.of(file);
        List<FrameBuffer> out = new ArrayList<>();
        FrameDecoder decoder = FrameDecoders.create(source.descriptor());
        for (int i = 0; i < source.frameCount(); i++) {
            out.add(decode(decoder, source.descriptor(), source.frame(i), i));
        }
        return out;
    }

    /** One frame (0-based) of a parsed instance, decoded. */
    static FrameBuffer of(DicomFile file, int index) throws IOException, FrameDecodeException {
        DicomFrameSource source = DicomFrameSource.of(file);
        return decode(source.descriptor(), source.frame(index), index);
    }

    /** One frame's bytes (native or a codestream) decoded as {@code descriptor} says. */
    static FrameBuffer decode(ImageDescriptor descriptor, ByteBuffer data, int index)
            throws FrameDecodeException {
        return decode(FrameDecoders.create(descriptor), descriptor, data, index);
    }

    private static FrameBuffer decode(FrameDecoder decoder, ImageDescriptor d, ByteBuffer data, int index)
            throws FrameDecodeException {
        FrameBuffer out = new FrameBuffer();
        decoder.decode(d, data, index, out);
        return out;
    }

    /**
     * Null when the frames hold the same samples, else what differs first. Exact even for lossy sources: Orthanc
     * (libjpeg via DCMTK) and our decoder were seen to agree to the sample on baseline and 12-bit extended JPEG.
     */
    static String difference(FrameBuffer expected, FrameBuffer actual) {
        if (expected.rows() != actual.rows() || expected.columns() != actual.columns()
                || expected.samplesPerPixel() != actual.samplesPerPixel()) {
            return "shape " + actual.rows() + "x" + actual.columns() + "x" + actual.samplesPerPixel() + " != "
                    + expected.rows() + "x" + expected.columns() + "x" + expected.samplesPerPixel();
        }
        if (expected.photometric() != actual.photometric()) {
            return "photometric " + actual.photometric() + " != " + expected.photometric();
        }
        int differing = 0;
        int first = -1;
        for (int i = 0; i < expected.sampleCount(); i++) {
            if (expected.sampleLong(i) != actual.sampleLong(i)) {
                first = first < 0 ? i : first;
                differing++;
            }
        }
        return first < 0 ? null : differing + " samples differ; first " + first + ": expected "
                + expected.sampleLong(first) + ", got " + actual.sampleLong(first);
    }
}
