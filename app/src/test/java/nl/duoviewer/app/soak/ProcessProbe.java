package nl.duoviewer.app.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * What a leak would make grow, read from this process: platform threads (thread MX bean), virtual threads and the
 * thread containers (executors) holding them (the JDK's JSON thread dump, the one view that lists virtual threads;
 * the JDK's own socket pollers, started once per process, are not counted),
 * open file descriptors and, of them, sockets ({@code /proc/self/fd}), and the heap that is live after a full
 * collection. Linux only: the soak is meant to fail, not to pass blind, where {@code /proc} is missing.
 */
public final class ProcessProbe {

    /** One reading. */
    public record Sample(String label, int platformThreads, int virtualThreads, int threadContainers, int fds, int sockets,
                  long liveHeapBytes) {

        public double liveHeapMb() {
            return liveHeapBytes / (1024.0 * 1024.0);
        }

        /** Tab-separated: label, threads, virtual threads, containers, fds, sockets, heap MB. */
        public String tsv() {
            return String.join("\t", label, Integer.toString(platformThreads), Integer.toString(virtualThreads),
                    Integer.toString(threadContainers), Integer.toString(fds), Integer.toString(sockets),
                    String.format(java.util.Locale.ROOT, "%.1f", liveHeapMb()));
        }

        static final String TSV_HEADER = "point\tplatform threads\tvirtual threads\tthread containers\topen fds"
                + "\tsockets\tlive heap MB";
    }

    /** How far a reading may lie above the reference without counting as growth. */
    public record Band(int platformThreads, int virtualThreads, int threadContainers, int fds, int sockets,
                long liveHeapBytes) {

        /** What exceeds the band, one line per measure; empty when {@code after} is within it. */
        public List<String> exceeded(Sample reference, Sample after) {
            List<String> out = new java.util.ArrayList<>();
            check(out, "platform threads", reference.platformThreads(), after.platformThreads(), platformThreads);
            check(out, "virtual threads", reference.virtualThreads(), after.virtualThreads(), virtualThreads);
            check(out, "thread containers", reference.threadContainers(), after.threadContainers(),
                    threadContainers);
            check(out, "open file descriptors", reference.fds(), after.fds(), fds);
            check(out, "sockets", reference.sockets(), after.sockets(), sockets);
            check(out, "live heap bytes", reference.liveHeapBytes(), after.liveHeapBytes(), liveHeapBytes);
            return out;
        }

        private static void check(List<String> out, String what, long before, long after, long band) {
            if (after - before > band) {
                out.add(what + ": " + before + " -> " + after + " (band +" + band + ")");
            }
        }
    }

    /** The JDK's own socket pollers: virtual threads it starts once, at the first blocking socket operation. */
    private static final Pattern JDK_POLLER = Pattern.compile("SubPoller-\\d+");
    private static final Pattern CONTAINER = Pattern.compile("\"container\"\\s*:");

    private final Path scratch;

    /** @param scratch a folder for the thread dumps */
    public ProcessProbe(Path scratch) {
        this.scratch = scratch;
    }

    /** Collects garbage (twice, the second time for what finalisation and reference handling freed) and reads. */
    public Sample sample(String label) {
        System.gc();
        pause(100);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String dump = threadDump();
        int virtual = (int) virtualThreadNames(dump).stream().filter(n -> !JDK_POLLER.matcher(n).matches()).count();
        return new Sample(label, ManagementFactory.getThreadMXBean().getThreadCount(), virtual,
                count(CONTAINER, dump), fds(false), fds(true), heap);
    }

    /** Waits (at most {@code seconds}) until {@code idle} holds: work that ends on its own is not counted. */
    public static void settle(int seconds, BooleanSupplier idle) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!idle.getAsBoolean() && System.nanoTime() < end) {
            pause(50);
        }
    }

    /** Names of the live virtual threads, e.g. to wait until a retrieval's worker has ended. */
    public List<String> virtualThreadNames() {
        return virtualThreadNames(threadDump());
    }

    private static List<String> virtualThreadNames(String dump) {
        List<String> names = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"virtual\"\\s*:\\s*true,\\s*\"name\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(dump);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Live objects per class after a full collection (the {@code GC.class_histogram} diagnostic command), as
     * class name to bytes: where a heap growth is.
     */
    public static Map<String, Long> histogram() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
            Map<String, Long> out = new HashMap<>();
            Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text);
            while (m.find()) {
                out.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
            }
            return out;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }

    /** The classes whose live bytes grew most from {@code before} to {@code after}, largest first. */
    public static List<String> growth(Map<String, Long> before, Map<String, Long> after, int top) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KB")
                .toList();
    }

    /** Names of the live platform threads, without the numbers pools append, sorted: what a growth consists of. */
    public static List<String> platformThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual())
                .map(t -> t.getName().replaceAll("[-#]?\\d+", "#")).sorted().toList();
    }

    private String threadDump() {
        try {
            Path file = Files.createTempFile(scratch, "threads", ".json");
            Files.delete(file); // the dump refuses to overwrite
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(file.toString(),
                    HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            try {
                return Files.readString(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int fds(boolean socketsOnly) {
        try (Stream<Path> all = Files.list(Path.of("/proc/self/fd"))) {
            return (int) all.filter(p -> !socketsOnly || isSocket(p)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd", e);
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed between listing and reading
        }
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
