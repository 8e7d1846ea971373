package nl.duoviewer.xca.retrieve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Abandons a transfer that stops moving: when no byte has arrived for the idle limit, the reading thread is
 * interrupted (the JDK HTTP client's body stream gives way to that), so a source that stalls half way cannot hold a
 * retrieval forever. Slow but moving transfers are left alone. Use one guard per exchange, on the reading thread.
 */
public final class StallGuard implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retrieve-stall-guard");
        t.setDaemon(true);
        return t;
    });

    private final Thread reader = Thread.currentThread();
    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private volatile boolean closed;

    public StallGuard(Duration idle) {
        this.idleNanos = idle.toNanos();
        long period = Math.max(50, idle.toMillis() / 4);
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void check() {
        if (!closed && !stalled && System.nanoTime() - lastProgress > idleNanos) {
            stalled = true;
            reader.interrupt();
        }
    }

    /** Counts bytes read from this stream as progress. */
    public InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                progress();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                progress();
                return n;
            }
        };
    }

    /** Something arrived (or the caller finished a step): restart the idle clock. */
    public void progress() {
        lastProgress = System.nanoTime();
    }

    /** True when this guard gave up on the transfer. */
    public boolean stalled() {
        return stalled;
    }

    /** Stops watching; clears an interrupt this guard caused so that it does not leak into the caller's work. */
    @Override
    public synchronized void close() {
        closed = true;
        check.cancel(false);
        if (stalled && Thread.currentThread() == reader) {
            Thread.interrupted();
        }
    }
}
