package nl.duoviewer.app.concurrency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Hands items produced on worker threads to the UI thread in batches, in the order they were offered. Bounded both
 * ways: at most {@code capacity} items wait (a producer that finds the queue full waits until the UI thread has
 * taken some, so decoded frames cannot pile up in memory faster than the screen takes them), and one turn of the UI
 * thread takes at most {@code maxBatch} items (the rest in the next turn, so a burst cannot freeze the window). The
 * UI thread itself never waits: an offer made on it goes in even when the queue is full.
 */
public final class UiBatchQueue<T> {

    /** Items that may wait for the UI thread. */
    public static final int DEFAULT_CAPACITY = 256;
    /** Items the UI thread takes in one turn. */
    public static final int DEFAULT_MAX_BATCH = 64;

    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final CoalescingSignal signal;
    private final Consumer<List<T>> consumer;
    private final int capacity;
    private final int maxBatch;
    private final BooleanSupplier onUiThread;
    private boolean closed;

    /** A queue to the JavaFX thread with the default bounds. */
    public UiBatchQueue(Executor ui, Consumer<List<T>> consumer) {
        this(ui, consumer, DEFAULT_CAPACITY, DEFAULT_MAX_BATCH, Platform::isFxApplicationThread);
    }

    /**
     * @param onUiThread true when called on the thread {@code ui} runs its tasks on (that thread must never wait)
     */
    public UiBatchQueue(Executor ui, Consumer<List<T>> consumer, int capacity, int maxBatch,
                        BooleanSupplier onUiThread) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and batch size must be positive");
        }
        this.consumer = Objects.requireNonNull(consumer);
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.onUiThread = Objects.requireNonNull(onUiThread);
        this.signal = new CoalescingSignal(ui, this::drain);
    }

    /**
     * Queues an item, waiting while the queue is full (never on the UI thread).
     *
     * @return false when the item was dropped: the queue was closed, or the producer was interrupted while waiting
     *         (it is being cancelled; the interrupt stays set)
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item);
        lock.lock();
        try {
            while (queue.size() >= capacity && !closed && !onUiThread.getAsBoolean()) {
                try {
                    notFull.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (closed) {
                return false;
            }
            queue.addLast(item);
        } finally {
            lock.unlock();
        }
        signal.signal();
        return true;
    }

    /** Items waiting now. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what waits and everything offered from now on; producers waiting for room return at once. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        List<T> batch = new ArrayList<>(Math.min(maxBatch, capacity));
        boolean more;
        lock.lock();
        try {
            T item;
            while (batch.size() < maxBatch && (item = queue.pollFirst()) != null) {
                batch.add(item);
            }
            more = !queue.isEmpty();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        if (more) {
            signal.signal(); // the rest in the UI thread's next turn
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
