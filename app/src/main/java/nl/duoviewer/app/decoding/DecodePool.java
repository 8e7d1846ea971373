package nl.duoviewer.app.decoding;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import nl.duoviewer.app.imaging.FramePixels;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.image.FrameBuffer;

/**
 * Decodes frames on a fixed number of daemon threads (one per core by default). Callers hand in frames as they come
 * off the network; {@link #submit} blocks while too many frames wait, so a fast network cannot pile up undecoded
 * bytes in memory. Each thread keeps its own decoders and scratch buffers (decoders are not thread-safe), so steady
 * decoding allocates little beyond the output pixels.
 */
public final class DecodePool implements AutoCloseable {

    /** One decoding thread's tools. */
    public static final class Worker {
        private final Map<String, FrameDecoder> decoders = new HashMap<>();
        private final FrameBuffer buffer = new FrameBuffer();
        private final DisplayPixels display = new DisplayPixels();

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
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
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
                try {
                    task.accept(workers.get());
                } finally {
                    waiting.release();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.release();
            throw new InterruptedIOException("the decoding pool is closed");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
