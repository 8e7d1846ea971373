package nl.duoviewer.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The highest heap occupancy while it watches. Heap use peaks just before a collection, so every collection's
 * "before" figure is taken from the GC notification (no sampler can catch that moment); a sampler every few
 * milliseconds covers the stretch after the last collection.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final AtomicLong peak = new AtomicLong();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final NotificationListener onGc = this::collected;
    private final List<NotificationEmitter> emitters;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        this.emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> b instanceof NotificationEmitter).map(b -> (NotificationEmitter) b).toList();
        emitters.forEach(e -> e.addNotificationListener(onGc, null, null));
        this.sampler = Thread.ofPlatform().daemon().name("heap-watch").start(this::sample);
    }

    /** Starts watching now. */
    static HeapWatch start() {
        return new HeapWatch();
    }

    /** Heap in use now, in bytes. */
    static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The live heap: used after a full collection. */
    static long usedAfterGc() {
        System.gc();
        return usedNow();
    }

    /** The highest heap use seen so far, in bytes. */
    long peakBytes() {
        record(usedNow());
        return peak.get();
    }

    private void sample() {
        while (running) {
            record(heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) n.getUserData());
        long before = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.stream().anyMatch(p -> p.getName().equals(e.getKey()))) {
                before += e.getValue().getUsed();
            }
        }
        record(before);
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(onGc);
            } catch (javax.management.ListenerNotFoundException gone) {
                // already removed
            }
        }
    }
}
