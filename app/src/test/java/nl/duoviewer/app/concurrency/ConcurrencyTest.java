package nl.duoviewer.app.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aFullBatchQueueHoldsItsProducerUntilTheUiThreadHasTakenSome() throws Exception {
        ConcurrentLinkedQueue<Runnable> scheduled = new ConcurrentLinkedQueue<>();
        List<Integer> delivered = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        UiBatchQueue<Integer> queue = new UiBatchQueue<>(scheduled::add, batch -> {
            delivered.addAll(batch);
            batchSizes.add(batch.size());
        }, 4, 3, () -> false);
        AtomicInteger offered = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 20; i++) {
                queue.offer(i);
                offered.incrementAndGet();
            }
        });
        // the producer fills the queue and then waits: memory in flight stays bounded
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, producer.getState());
        assertEquals(4, offered.get());
        assertEquals(4, queue.size());
        int maxSeen = queue.size();
        // the UI thread's turns: each takes at most three, and frees room for the producer
        while (delivered.size() < 20 && System.nanoTime() < deadline) {
            Runnable turn = scheduled.poll();
            if (turn == null) {
                Thread.sleep(1);
                continue;
            }
            turn.run();
            maxSeen = Math.max(maxSeen, queue.size());
        }
        producer.join(5000);
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), delivered, "in order, none lost");
        assertTrue(maxSeen <= 4, "never more than the capacity waiting: " + maxSeen);
        assertTrue(batchSizes.stream().allMatch(n -> n <= 3), "bounded turns: " + batchSizes);
    }

    @Test
    void theUiThreadNeverWaitsAndClosingReleasesWaitingProducers() throws Exception {
        List<Runnable> scheduled = new ArrayList<>();
        UiBatchQueue<Integer> onUi = new UiBatchQueue<>(scheduled::add, batch -> { }, 2, 2, () -> true);
        for (int i = 0; i < 5; i++) {
            assertTrue(onUi.offer(i), "an offer on the UI thread goes in at once");
        }
        assertEquals(5, onUi.size());

        UiBatchQueue<Integer> full = new UiBatchQueue<>(r -> { }, batch -> { }, 1, 1, () -> false);
        full.offer(0);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicInteger dropped = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> {
            if (!full.offer(1)) {
                dropped.incrementAndGet();
            }
            returned.countDown();
        });
        assertTrue(!returned.await(200, TimeUnit.MILLISECONDS), "waits while the queue is full");
        full.close();
        assertTrue(returned.await(5, TimeUnit.SECONDS));
        assertEquals(1, dropped.get());
        assertEquals(0, full.size());
        producer.join();

        UiBatchQueue<Integer> cancelled = new UiBatchQueue<>(r -> { }, batch -> { }, 1, 1, () -> false);
        cancelled.offer(0);
        Thread interrupted = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            dropped.addAndGet(cancelled.offer(1) ? 0 : 10);
        });
        interrupted.join(5000);
        assertEquals(11, dropped.get(), "an interrupted (cancelled) producer gives up");
    }

    @Test
    void aBurstOfTimelineUpdatesFromManyThreadsCostsOneUiTask() throws Exception {
        // the path from the timeline to the screen (Workspace): every change signals, the UI re-reads the snapshot
        nl.duoviewer.core.timeline.Timeline timeline = new nl.duoviewer.core.timeline.Timeline(
                nl.duoviewer.core.patient.Bsn.parse("999999011"));
        ConcurrentLinkedQueue<Runnable> scheduled = new ConcurrentLinkedQueue<>();
        AtomicInteger maxPending = new AtomicInteger();
        CoalescingSignal changed = new CoalescingSignal(r -> {
            scheduled.add(r);
            maxPending.accumulateAndGet(scheduled.size(), Math::max);
        }, () -> { });
        timeline.addListener(snapshot -> changed.signal());
        List<Thread> sources = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int source = t;
            sources.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    timeline.updateSource(new nl.duoviewer.core.timeline.SourceStatus("urn:oid:1." + source,
                            "Source " + source, nl.duoviewer.core.timeline.SourceStatus.State.QUERYING, "#" + i));
                }
            }));
        }
        for (Thread t : sources) {
            t.join(10_000);
        }
        assertEquals(1, maxPending.get(), "4000 updates, never more than one task waiting for the UI thread");
        assertEquals(8, timeline.snapshot().sources().size());
    }
}
