package nl.duoviewer.app.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands items produced on worker threads to the UI thread in batches, in the order they were offered: one scheduled
 * drain takes everything queued so far. Keeps a fast producer (a decoder) from flooding the UI thread with tasks.
 */
public final class UiBatchQueue<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final CoalescingSignal signal;
    private final Consumer<List<T>> consumer;

    public UiBatchQueue(Executor ui, Consumer<List<T>> consumer) {
        this.consumer = Objects.requireNonNull(consumer);
        this.signal = new CoalescingSignal(ui, this::drain);
    }

    public void offer(T item) {
        queue.add(Objects.requireNonNull(item));
        signal.signal();
    }

    private void drain() {
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = queue.poll()) != null) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
