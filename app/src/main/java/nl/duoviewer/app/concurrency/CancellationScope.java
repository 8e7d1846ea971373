package nl.duoviewer.app.concurrency;

import java.util.ArrayList;
import java.util.List;

/**
 * The work that belongs to one thing on screen (a patient session, an open study). Cancelling the scope cancels
 * everything registered with it, and anything registered later is cancelled at once, so a task that finishes after the
 * user moved on can never re-attach itself. Thread-safe.
 */
public final class CancellationScope {

    private static final System.Logger LOG = System.getLogger(CancellationScope.class.getName());

    private final List<Runnable> cancellers = new ArrayList<>();
    private boolean cancelled;

    /** Registers how to cancel a piece of work; runs it now when the scope is already cancelled. */
    public void onCancel(Runnable canceller) {
        synchronized (this) {
            if (!cancelled) {
                cancellers.add(canceller);
                return;
            }
        }
        runQuietly(canceller);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Cancels all registered work; later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(cancellers);
            cancellers.clear();
        }
        toRun.forEach(CancellationScope::runQuietly);
    }

    private static void runQuietly(Runnable canceller) {
        try {
            canceller.run();
        } catch (RuntimeException e) {
            // a failing canceller must not keep the others from running
            LOG.log(System.Logger.Level.WARNING, "cancelling failed", e);
        }
    }
}
