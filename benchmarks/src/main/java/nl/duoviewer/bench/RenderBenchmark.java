package nl.duoviewer.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.pixel.DisplayImage;
import nl.duoviewer.core.pixel.FrameRenderer;
import nl.duoviewer.core.pixel.RenderSettings;

/**
 * Display cost of a real 512 x 512 16-bit CT frame with a soft-tissue window (40/400 HU): the renderer alone
 * (ARGB and grey), the window change that rebuilds its lookup table, and decode + render to ARGB from the native and
 * the JPEG-LS lossless encodings of the same frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RenderBenchmark {

    @Param({"generated/ct_ele.dcm", "generated/ct_jls_lossless_dcmtk.dcm"})
    public String file;

    private ImageDescriptor descriptor;
    private ByteBuffer data;
    private FrameDecoder decoder;
    private final FrameBuffer frame = new FrameBuffer();
    private final FrameRenderer renderer = new FrameRenderer();
    private final DisplayImage image = new DisplayImage();
    private RenderSettings soft;
    private RenderSettings bone;
    private boolean flip;

    @Setup(Level.Trial)
    public void load() throws IOException, FrameDecodeException {
        DicomFile f = DicomReader.read(CorpusFiles.file(file));
        DicomFrameSource source = DicomFrameSource.of(f);
        descriptor = source.descriptor();
        data = DecodeBenchmark.copy(source.frame(0));
        decoder = FrameDecoders.create(descriptor);
        decoder.decode(descriptor, data, 0, frame);
        RenderSettings base = RenderSettings.from(f.dataset(), descriptor.photometric());
        soft = base.withWindow(40, 400);
        bone = base.withWindow(400, 1800);
    }

    @Benchmark
    public DisplayImage renderArgb() {
        renderer.renderArgb(frame, soft, null, image);
        return image;
    }

    @Benchmark
    public DisplayImage renderGrey() {
        renderer.renderGrey(frame, soft, image);
        return image;
    }

    /** Alternates two windows, so every call rebuilds the lookup table (a window drag). */
    @Benchmark
    public DisplayImage renderArgbNewWindow() {
        flip = !flip;
        renderer.renderArgb(frame, flip ? soft : bone, null, image);
        return image;
    }

    @Benchmark
    public DisplayImage decodeAndRenderArgb() throws FrameDecodeException {
        decoder.decode(descriptor, data, 0, frame);
        renderer.renderArgb(frame, soft, null, image);
        return image;
    }
}
