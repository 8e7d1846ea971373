package nl.duoviewer.app.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the app's calls into the imaging service off the JavaFX thread, on a small pool of daemon threads (so an
 * unresponsive network can never keep the application from exiting). Failures are logged, never swallowed silently.
 */
public final class BackgroundExecutor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundExecutor.class.getName());

    private final ExecutorService pool;

    public BackgroundExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Runs the task in the background. */
    public Future<?> submit(Runnable task) {
        return pool.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "background task failed", e);
                throw e;
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
