package nl.duoviewer.app.concurrency;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of "something changed" signals from any threads into one run of an action on the UI executor. The
 * action reads the latest state itself, so updates can neither arrive out of order nor pile up on the UI thread.
 */
public final class CoalescingSignal {

    private final Executor ui;
    private final Runnable action;
    private final AtomicBoolean pending = new AtomicBoolean();

    public CoalescingSignal(Executor ui, Runnable action) {
        this.ui = Objects.requireNonNull(ui);
        this.action = Objects.requireNonNull(action);
    }

    /** Schedules the action unless a run is already scheduled and has not started yet. */
    public void signal() {
        if (pending.compareAndSet(false, true)) {
            ui.execute(() -> {
                pending.set(false);
                action.run();
            });
        }
    }
}
