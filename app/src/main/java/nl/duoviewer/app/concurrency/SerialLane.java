package nl.duoviewer.app.concurrency;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;

/**
 * Runs tasks one after another, in the order they were handed in, on the background executor. Used where order is a
 * safety matter: releasing the previous patient must be over before the next patient's queries start, even when the
 * user reopens the same patient at once.
 */
public final class SerialLane {

    private final BackgroundExecutor background;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public SerialLane(BackgroundExecutor background) {
        this.background = Objects.requireNonNull(background);
    }

    /** Queues a task; it runs after every task queued before it has finished. */
    public void execute(Runnable task) {
        Objects.requireNonNull(task);
        synchronized (this) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        background.submit(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                System.getLogger(SerialLane.class.getName()).log(System.Logger.Level.ERROR, "task failed", e);
            }
        }
    }
}
