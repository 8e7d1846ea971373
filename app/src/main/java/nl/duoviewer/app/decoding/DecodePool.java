package nl.duoviewer.app.decoding;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import nl.duoviewer.app.imaging.FramePixels;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.image.FrameBuffer;

/**
 * Decodes frames on a fixed number of daemon threads (one per core by default). Callers hand in frames as they come
 * off the network; {@link #submit} blocks while too many frames wait, so a fast network cannot pile up undecoded
 * bytes in memory. Each task takes a set of decoders and scratch buffers that no other task uses at the same time
 * (decoders are not thread-safe), so steady decoding allocates little beyond the output pixels. Those tools hold the
 * last frame's bytes and pixels (sized to the largest image seen), so {@link #releaseScratch()} drops them when the
 * patient leaves the screen.
 */
public final class DecodePool implements AutoCloseable {

    /** One decoding task's tools. */
    public static final class Worker {
        private final long generation;
        private final Map<String, FrameDecoder> decoders = new HashMap<>();
        private final FrameBuffer buffer = new FrameBuffer();
        private final DisplayPixels display = new DisplayPixels();

        /** A set of tools of its own, outside any pool (tools and tests that decode on one thread). */
        public Worker() {
            this(-1);
        }

        private Worker(long generation) {
            this.generation = generation;
        }

        /** Decodes one frame of an image object into display pixels. */
        public FramePixels decode(ImageAttributes image, ByteBuffer data, int frameIndex)
                throws FrameDecodeException {
            String ts = image.descriptor().transferSyntaxUid();
            FrameDecoder decoder = decoders.get(ts);
            if (decoder == null) {
                decoder = FrameDecoders.create(ts);
                decoders.put(ts, decoder);
            }
            decoder.decode(image.descriptor(), data, frameIndex, buffer);
            return display.of(buffer, image);
        }
    }

    private final ExecutorService threads;
    /** Tools no task is using; at most one set per thread. */
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    /** Tools of an older generation are dropped instead of reused. */
    private final AtomicLong generation = new AtomicLong();
    private final Semaphore waiting;
    private final int size;

    /** One thread per available core, at most twice as many frames waiting as there are threads. */
    public static DecodePool perCore() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new DecodePool(cores, 2 * cores);
    }

    public DecodePool(int threadCount, int maxWaiting) {
        if (threadCount < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("need at least one thread and one waiting frame");
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "duoviewer-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.waiting = new Semaphore(threadCount + maxWaiting);
        this.size = threadCount;
    }

    public int threadCount() {
        return size;
    }

    /**
     * Queues work for a decoding thread, waiting while the pool is full.
     *
     * @throws InterruptedIOException when the caller is interrupted while waiting (a cancelled retrieval)
     */
    public void submit(Consumer<Worker> task) throws InterruptedIOException {
        try {
            waiting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a decoding thread");
        }
        try {
            threads.execute(() -> {
                Worker worker = idle.pollFirst();
                if (worker == null || worker.generation != generation.get()) {
                    worker = new Worker(generation.get());
                }
                try {
                    task.accept(worker);
                } finally {
                    if (worker.generation == generation.get()) {
                        idle.offerFirst(worker);
                    }
                    waiting.release();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.release();
            throw new InterruptedIOException("the decoding pool is closed");
        }
    }

    /**
     * Drops every set of decoders and scratch buffers, with the last frames' bytes and pixels in them: the ones idle
     * now, and the ones in use once their frame is done. Called when a patient leaves the screen, so that nothing of
     * the patient stays in memory (decision record 8) and the buffers sized to their largest image are given back.
     */
    public void releaseScratch() {
        generation.incrementAndGet();
        idle.clear();
    }

    @Override
    public void close() {
        releaseScratch();
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
