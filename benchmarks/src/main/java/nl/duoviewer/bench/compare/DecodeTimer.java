package nl.duoviewer.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import nl.duoviewer.bench.PipelinePass;
import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.ImageAttributes;

/**
 * Times our decoders on whole files for {@code compare-decoders.sh}: every frame of a file is read (from the file,
 * as the viewer does) and decoded, pass after pass, in one JVM after a warm-up. One thread decodes in a plain loop
 * into one reusable {@link FrameBuffer}; more threads go through the viewer's {@link FramePipeline} (into display
 * pixels, as a study load), or with
 * {@code --plain} through plain worker threads that each keep a decoder and a reusable buffer. A pass repeats
 * the file's frames until it lasts at least {@link #MIN_PASS_NANOS}, so single-frame files are timed as precisely
 * as volumes.
 *
 * <p>Prints one tab-separated line per file: {@code file frames threads median_ms_per_frame min_ms max_ms passes}.
 *
 * <pre>DecodeTimer [--threads N] [--plain] [--passes K] [--warmup-ms W] FILE...</pre>
 */
public final class DecodeTimer {
    static final long MIN_PASS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    static final int MAX_WARMUP_PASSES = 10_000;
    static final int MAX_REPEATS = 100_000;
    static final long FRAME_TIMEOUT_SECONDS = 60;

    private final int threads;
    private final boolean plain;

    DecodeTimer(int threads, boolean plain) {
        this.threads = threads;
        this.plain = plain;
    }

    public static void main(String[] args) throws Exception {
        int threads = 1;
        boolean plain = false;
        int passes = 7;
        long warmupMs = 3000;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--plain" -> plain = true;
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || threads < 1 || threads > 64 || passes < 1 || passes > 1000 || warmupMs < 0) {
            System.err.println("usage: DecodeTimer [--threads 1..64] [--plain] [--passes 1..1000] [--warmup-ms W]"
                    + " FILE...");
            System.exit(2);
        }
        DecodeTimer timer = new DecodeTimer(threads, plain);
        for (Path f : files) {
            Result r = timer.measure(f, passes, TimeUnit.MILLISECONDS.toNanos(warmupMs));
            System.out.printf("%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d%n", f, r.frames, threads, r.medianMs, r.minMs,
                    r.maxMs, passes);
        }
    }

    /** Per-frame times of one file. */
    record Result(int frames, double medianMs, double minMs, double maxMs) {
    }

    Result measure(Path file, int passes, long warmupNanos) throws Exception {
        DicomFile dicom = DicomReader.read(file);
        DicomFrameSource source = DicomFrameSource.of(dicom);
        int frames = source.frameCount();
        if (frames == 0) {
            throw new IOException(file + ": no readable frames" + (source.problem() == null ? ""
                    : " (" + source.problem() + ")"));
        }
        Pass pass = threads == 1 ? new LoopPass(source)
                : plain ? new PlainThreadsPass(source, threads) : new PipelinePassOf(dicom, source, threads);
        long warmStart = System.nanoTime();
        long single = Long.MAX_VALUE;
        for (int i = 0; i < MAX_WARMUP_PASSES; i++) {
            long t0 = System.nanoTime();
            pass.run();
            single = Math.min(single, System.nanoTime() - t0);
            if (i >= 1 && System.nanoTime() - warmStart >= warmupNanos) {
                break;
            }
        }
        int repeats = (int) Math.min(MAX_REPEATS, Math.max(1, (MIN_PASS_NANOS + single - 1) / Math.max(1, single)));
        double[] msPerFrame = new double[passes];
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                pass.run();
            }
            msPerFrame[p] = (System.nanoTime() - t0) / 1e6 / ((double) repeats * frames);
        }
        if (pass instanceof AutoCloseable c) {
            c.close();
        }
        Arrays.sort(msPerFrame);
        return new Result(frames, msPerFrame[passes / 2], msPerFrame[0], msPerFrame[passes - 1]);
    }

    /** Decodes every frame of the source once. */
    private interface Pass {
        void run() throws Exception;
    }

    /** One thread, one decoder, one reusable output buffer. */
    private static final class LoopPass implements Pass {
        private final DicomFrameSource source;
        private final ImageDescriptor descriptor;
        private final FrameDecoder decoder;
        private final FrameBuffer out = new FrameBuffer();

        LoopPass(DicomFrameSource source) throws FrameDecodeException {
            this.source = source;
            this.descriptor = source.descriptor();
            this.decoder = FrameDecoders.create(descriptor);
        }

        @Override
        public void run() throws IOException, FrameDecodeException {
            for (int i = 0; i < source.frameCount(); i++) {
                decoder.decode(descriptor, source.frame(i), i, out);
            }
        }
    }

    /** N long-lived worker threads, each with its own decoder and buffer, taking the next undecoded frame. */
    private static final class PlainThreadsPass implements Pass, AutoCloseable {
        private final DicomFrameSource source;
        private final ImageDescriptor descriptor;
        private final FrameDecoder[] decoders;
        private final FrameBuffer[] outs;
        private final ExecutorService pool;

        PlainThreadsPass(DicomFrameSource source, int threads) throws FrameDecodeException {
            this.source = source;
            this.descriptor = source.descriptor();
            decoders = new FrameDecoder[threads];
            outs = new FrameBuffer[threads];
            for (int t = 0; t < threads; t++) {
                decoders[t] = FrameDecoders.create(descriptor);
                outs[t] = new FrameBuffer();
            }
            pool = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().unstarted(r));
        }

        @Override
        public void run() throws InterruptedException, ExecutionException, TimeoutException {
            AtomicInteger next = new AtomicInteger();
            int n = source.frameCount();
            List<Future<Void>> work = new ArrayList<>(decoders.length);
            for (int t = 0; t < decoders.length; t++) {
                FrameDecoder decoder = decoders[t];
                FrameBuffer out = outs[t];
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        decoder.decode(descriptor, source.frame(i), i, out);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get(FRAME_TIMEOUT_SECONDS * n, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /**
     * The viewer's pipeline with N decoder threads, as a study load uses it: one long-lived pipeline, a new job per
     * pass, every frame read from the file and submitted in order, decoded into the display pixels the viewer keeps.
     */
    private static final class PipelinePassOf implements Pass, AutoCloseable {
        private final DicomFrameSource source;
        private final ImageAttributes image;
        private final FramePipeline pipeline;

        PipelinePassOf(DicomFile file, DicomFrameSource source, int threads) {
            this.source = source;
            this.image = ImageAttributes.of(file.dataset(), file.transferSyntax(), 1, 1);
            this.pipeline = new FramePipeline(threads, FramePipeline.DEFAULT_WAITING_PER_THREAD * threads,
                    FramePipeline.DEFAULT_WAITING_BYTES);
        }

        @Override
        public void run() throws IOException, InterruptedException, TimeoutException {
            int n = source.frameCount();
            PipelinePass.run(pipeline, image, n, source::frame, FRAME_TIMEOUT_SECONDS * n);
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }
}
