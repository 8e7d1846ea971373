package nl.duoviewer.core.pixel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.FrameSource;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Decodes the frames of one image on a small pool of decoder threads (at most the number of cores), nearest to the
 * viewer's current frame first: the current frame, then one after, one before, two after, and so on. Decoded frames
 * are kept up to a memory budget, farthest from the current frame evicted first. Moving the focus cancels requests
 * outside the new neighbourhood; {@link #close()} cancels everything and stops the threads.
 */
public final class FramePipeline implements AutoCloseable {
    /** Default budget for decoded frames kept in memory. */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;

    private final FrameSource source;
    private final ImageDescriptor descriptor;
    private final int frames;
    private final long cacheBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final BitSet pending = new BitSet();
    private final Map<Integer, CompletableFuture<FrameBuffer>> futures = new HashMap<>();
    private final Map<Integer, FrameBuffer> cache = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile FrameListener listener;
    private long cachedBytes;
    private int focus;
    private boolean closed;

    /** A pipeline with one decoder thread per core and the default cache budget. */
    public FramePipeline(FrameSource source) {
        this(source, Runtime.getRuntime().availableProcessors(), DEFAULT_CACHE_BYTES);
    }

    /**
     * @param threads    decoder threads wanted (capped at the number of cores, at least 1)
     * @param cacheBytes budget for decoded frames kept in memory
     */
    public FramePipeline(FrameSource source, int threads, long cacheBytes) {
        this.source = Objects.requireNonNull(source, "source");
        this.descriptor = source.descriptor();
        this.frames = source.frameCount();
        this.cacheBytes = cacheBytes;
        int n = Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < n; i++) {
            Thread t = Thread.ofPlatform().daemon().name("frame-decoder-" + i).unstarted(this::runWorker);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    public int frameCount() {
        return frames;
    }

    public void listener(FrameListener l) {
        this.listener = l;
    }

    /**
     * Makes {@code current} the focus: schedules it and the frames within {@code radius} of it (nearest first), and
     * cancels pending requests outside that neighbourhood.
     */
    public void focus(int current, int radius) {
        checkIndex(current);
        lock.lock();
        try {
            ensureOpen();
            focus = current;
            int lo = Math.max(0, current - radius);
            int hi = Math.min(frames - 1, current + Math.max(0, radius));
            for (int i = pending.nextSetBit(0); i >= 0; i = pending.nextSetBit(i + 1)) {
                if (i < lo || i > hi) {
                    pending.clear(i);
                    CompletableFuture<FrameBuffer> f = futures.remove(i);
                    if (f != null) {
                        f.cancel(false);
                    }
                }
            }
            for (int i = lo; i <= hi; i++) {
                requestLocked(i);
            }
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The decoded frame, scheduling it when needed. Completes exceptionally with FrameDecodeException. */
    public CompletableFuture<FrameBuffer> frame(int index) {
        checkIndex(index);
        lock.lock();
        try {
            ensureOpen();
            CompletableFuture<FrameBuffer> f = requestLocked(index);
            work.signal();
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** The frame if it is already decoded, else null (never blocks, never schedules). */
    public FrameBuffer decodedOrNull(int index) {
        lock.lock();
        try {
            return cache.get(index);
        } finally {
            lock.unlock();
        }
    }

    /** Cancels all requests, stops the decoder threads (waiting up to 5 s) and drops the cache. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            futures.values().forEach(f -> f.cancel(false));
            futures.clear();
            cache.clear();
            cachedBytes = 0;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private CompletableFuture<FrameBuffer> requestLocked(int index) {
        FrameBuffer done = cache.get(index);
        if (done != null) {
            return CompletableFuture.completedFuture(done);
        }
        CompletableFuture<FrameBuffer> f = futures.get(index);
        if (f == null) {
            f = new CompletableFuture<>();
            futures.put(index, f);
            pending.set(index);
        }
        return f;
    }

    /** The pending frame nearest the focus (ties: the one after), or -1. */
    private int nextLocked() {
        if (pending.isEmpty()) {
            return -1;
        }
        for (int d = 0; d < frames; d++) {
            int after = focus + d;
            if (after < frames && pending.get(after)) {
                return after;
            }
            int before = focus - d;
            if (d > 0 && before >= 0 && pending.get(before)) {
                return before;
            }
        }
        return pending.nextSetBit(0);
    }

    private void runWorker() {
        FrameDecoder decoder = null;
        FrameBuffer scratch = null;
        while (true) {
            int index;
            CompletableFuture<FrameBuffer> future;
            lock.lock();
            try {
                while (!closed && (index = nextLocked()) < 0) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                index = nextLocked();
                pending.clear(index);
                future = futures.get(index);
            } finally {
                lock.unlock();
            }
            FrameBuffer out = scratch != null ? scratch : new FrameBuffer();
            scratch = null;
            try {
                if (decoder == null) {
                    decoder = FrameDecoders.create(descriptor);
                }
                ByteBuffer data;
                try {
                    data = source.frame(index);
                } catch (IOException e) {
                    throw new FrameDecodeException(descriptor.transferSyntaxUid(), index,
                            "frame data unavailable: " + e.getMessage(), e);
                }
                decoder.decode(descriptor, data, index, out);
                deliver(index, future, out);
            } catch (FrameDecodeException e) {
                scratch = out;
                fail(index, future, e);
            } catch (RuntimeException e) {
                scratch = out;
                fail(index, future, new FrameDecodeException(descriptor.transferSyntaxUid(), index,
                        "decoder failed: " + e, e));
            }
        }
    }

    private void deliver(int index, CompletableFuture<FrameBuffer> future, FrameBuffer out) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            cache.put(index, out);
            cachedBytes += bytesOf(out);
            futures.remove(index);
            evictLocked(index);
        } finally {
            lock.unlock();
        }
        if (future != null) {
            future.complete(out);
        }
        FrameListener l = listener;
        if (l != null) {
            l.frameDecoded(index, out);
        }
    }

    private void fail(int index, CompletableFuture<FrameBuffer> future, FrameDecodeException e) {
        lock.lock();
        try {
            futures.remove(index);
        } finally {
            lock.unlock();
        }
        if (future != null) {
            future.completeExceptionally(e);
        }
        FrameListener l = listener;
        if (l != null && !closed) {
            l.frameFailed(index, e);
        }
    }

    private void evictLocked(int justAdded) {
        while (cachedBytes > cacheBytes && cache.size() > 1) {
            int farthest = -1;
            int distance = -1;
            for (int i : cache.keySet()) {
                int dd = Math.abs(i - focus);
                if (i != justAdded && dd > distance) {
                    distance = dd;
                    farthest = i;
                }
            }
            if (farthest < 0) {
                return;
            }
            cachedBytes -= bytesOf(cache.remove(farthest));
        }
    }

    private static long bytesOf(FrameBuffer f) {
        return (long) f.sampleCount() * (f.kind().containerBits() / 8);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frames);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new CancellationException("frame pipeline closed");
        }
    }
}
