package nl.duoviewer.app.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void cancellingAScopeCancelsItsWorkAndWorkRegisteredLaterAtOnce() {
        CancellationScope scope = new CancellationScope();
        AtomicInteger cancelled = new AtomicInteger();
        scope.onCancel(cancelled::incrementAndGet);
        scope.onCancel(() -> {
            throw new IllegalStateException("a broken canceller");
        });
        scope.onCancel(cancelled::incrementAndGet);
        scope.cancel();
        assertEquals(2, cancelled.get(), "a failing canceller does not stop the others");
        scope.onCancel(cancelled::incrementAndGet);
        assertEquals(3, cancelled.get());
        scope.cancel();
        assertEquals(3, cancelled.get());
        assertTrue(scope.isCancelled());
    }

    @Test
    void signalsCoalesceUntilTheScheduledRunStarts() {
        List<Runnable> scheduled = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        CoalescingSignal signal = new CoalescingSignal(scheduled::add, runs::incrementAndGet);
        signal.signal();
        signal.signal();
        signal.signal();
        assertEquals(1, scheduled.size());
        scheduled.getFirst().run();
        assertEquals(1, runs.get());
        signal.signal();
        assertEquals(2, scheduled.size());
    }

    @Test
    void batchQueueDeliversEverythingInOrderInOneBatch() {
        List<Runnable> scheduled = new ArrayList<>();
        List<List<Integer>> batches = new ArrayList<>();
        UiBatchQueue<Integer> queue = new UiBatchQueue<>(scheduled::add, batches::add);
        for (int i = 0; i < 5; i++) {
            queue.offer(i);
        }
        assertEquals(1, scheduled.size());
        scheduled.getFirst().run();
        assertEquals(List.of(List.of(0, 1, 2, 3, 4)), batches);
    }
}
