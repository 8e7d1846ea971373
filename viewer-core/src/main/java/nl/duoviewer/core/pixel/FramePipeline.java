package nl.duoviewer.core.pixel;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import nl.duoviewer.core.codec.FrameDecodeException;

/**
 * The viewer's one decode pipeline: encoded frames of image objects go in as they come off the network (or out of a
 * file), display frames come out, decoded on a fixed set of daemon threads (one per core by default). The app's study
 * loads, the JMH benchmarks and the decoder comparison all go through it, so the published figures are those of the
 * code that ships.
 *
 * <ul>
 *   <li><b>Per-thread reuse.</b> Each decoder thread keeps an {@link ImageFrameDecoder}: a decoder per transfer syntax
 *       and scratch buffers, reused frame after frame.</li>
 *   <li><b>Bounded.</b> {@link Job#submit} blocks while the pipeline holds as many frames as it has threads plus
 *       {@code maxWaiting}, or while the encoded bytes waiting exceed {@code maxWaitingBytes} (a frame larger than
 *       that is let in once nothing else waits). A fast network therefore cannot pile up undecoded bytes in memory:
 *       it is slowed to the speed of decoding.</li>
 *   <li><b>Nearest first.</b> Work is grouped in {@link Job}s (one per study load). The job focused last is served
 *       first; within it, the waiting frame nearest the focus (the frame on screen) is decoded first: the focused
 *       series before others, and in it the frame at the focus, then one after, one before, two after, and so on.
 *       Without a focus, frames are decoded in the order they came in.</li>
 *   <li><b>Cancellable.</b> {@link Job#cancel()} drops the job's waiting frames, releases callers blocked in
 *       {@code submit}, and turns results still being decoded into {@link Outcome.Cancelled}, so nothing of a study
 *       the user left is delivered (a frame whose outcome is being handed over at that moment completes).</li>
 * </ul>
 *
 * <p>Every frame whose {@code submit} returned gets exactly one {@link Outcome}, on a decoder thread (or on the
 * thread that cancels); callers hand it on to the UI thread themselves.
 */
public final class FramePipeline implements AutoCloseable {

    /** Frames allowed to wait per decoder thread, by default. */
    public static final int DEFAULT_WAITING_PER_THREAD = 2;
    /** Encoded bytes allowed to wait, by default (about 16 CT slices of 16 MB, or hundreds of compressed ones). */
    public static final long DEFAULT_WAITING_BYTES = 256L << 20;

    private static final System.Logger LOG = System.getLogger(FramePipeline.class.getName());

    /** What became of one submitted frame. */
    public sealed interface Outcome permits Outcome.Decoded, Outcome.Failed, Outcome.Cancelled {

        /** The frame was decoded. */
        record Decoded(DecodedFrame frame) implements Outcome {
        }

        /** The frame could not be decoded; the exception names the syntax and the frame. */
        record Failed(FrameDecodeException error) implements Outcome {
        }

        /** The job was cancelled (or the pipeline closed) before the frame was delivered. */
        record Cancelled() implements Outcome {
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a frame is waiting for a thread, or on close. */
    private final Condition work = lock.newCondition();
    /** Signalled when room is made (a frame taken or finished, a job cancelled) or on close. */
    private final Condition room = lock.newCondition();
    private final List<Job> waitingJobs = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Bumped by {@link #releaseScratch()}; a thread whose decoder is of an older one drops it. Guarded by lock. */
    private long scratchGeneration;
    /** Threads holding a decoder with its scratch buffers (for the test that they are dropped). */
    private final java.util.concurrent.atomic.AtomicInteger decodersHeld = new java.util.concurrent.atomic.AtomicInteger();
    private final int capacity;
    private final long maxWaitingBytes;
    private int held;
    private long waitingBytes;
    private long clock;
    private boolean closed;

    /** One decoder thread per core, {@link #DEFAULT_WAITING_PER_THREAD} waiting frames per thread. */
    public static FramePipeline perCore() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new FramePipeline(cores, DEFAULT_WAITING_PER_THREAD * cores, DEFAULT_WAITING_BYTES);
    }

    /**
     * @param threadCount     decoder threads
     * @param maxWaiting      frames that may wait for a thread
     * @param maxWaitingBytes encoded bytes that may wait for a thread
     */
    public FramePipeline(int threadCount, int maxWaiting, long maxWaitingBytes) {
        if (threadCount < 1 || maxWaiting < 1 || maxWaitingBytes < 1) {
            throw new IllegalArgumentException("need at least one thread, one waiting frame and one waiting byte");
        }
        this.capacity = threadCount + maxWaiting;
        this.maxWaitingBytes = maxWaitingBytes;
        for (int i = 1; i <= threadCount; i++) {
            threads.add(Thread.ofPlatform().daemon().name("duoviewer-decode-" + i).unstarted(this::runWorker));
        }
        threads.forEach(Thread::start);
    }

    public int threadCount() {
        return threads.size();
    }

    /** A new job, served before the jobs opened or focused earlier. */
    public Job newJob() {
        lock.lock();
        try {
            ensureOpen();
            return new Job(++clock);
        } finally {
            lock.unlock();
        }
    }

    /** Frames waiting for a thread plus frames being decoded, over all jobs. */
    public int held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the decoder threads (waiting up to 2 s for frames being decoded); every waiting frame is
     * {@link Outcome.Cancelled}, callers blocked in {@code submit} are released.
     */
    @Override
    public void close() {
        List<Task> dropped = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Job job : List.copyOf(waitingJobs)) {
                dropped.addAll(job.dropWaitingLocked());
            }
            work.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.forEach(t -> t.deliver(new Outcome.Cancelled()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The frames of one study load (or one benchmark pass): focused, ordered and cancelled together. */
    public final class Job {
        private final List<Task> waiting = new ArrayList<>();
        private long priority;
        private String focusSeries;
        private long focusPosition;
        private boolean focused;
        private boolean cancelled;

        private Job(long priority) {
            this.priority = priority;
        }

        /**
         * Queues a frame for decoding, waiting while the pipeline is full. Unless this throws, {@code done} is called
         * exactly once with the frame's outcome.
         *
         * @param frameIndex zero-based frame of the object
         * @throws InterruptedIOException when the caller is interrupted while waiting, the job is cancelled or the
         *                                pipeline is closed (a stopped retrieval)
         */
        public void submit(ImageAttributes image, ByteBuffer data, int frameIndex, Consumer<Outcome> done)
                throws InterruptedIOException {
            Task task = new Task(this, Objects.requireNonNull(image), Objects.requireNonNull(data), frameIndex,
                    Objects.requireNonNull(done));
            lock.lock();
            try {
                while (!closed && !cancelled && !roomFor(task)) {
                    room.await();
                }
                if (closed || cancelled) {
                    throw new InterruptedIOException(closed ? "the decode pipeline is closed"
                            : "the decode job is cancelled");
                }
                held++;
                waitingBytes += task.bytes;
                if (waiting.isEmpty()) {
                    waitingJobs.add(this);
                }
                waiting.add(task);
                work.signal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a decoder thread");
            } finally {
                lock.unlock();
            }
        }

        /**
         * Puts the frame on screen in focus: this job is served before the others, and its waiting frames nearest the
         * given position are decoded first.
         *
         * @param frameNumber 1-based frame within the instance (1 for single-frame objects)
         */
        public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
            lock.lock();
            try {
                focusSeries = seriesInstanceUid;
                focusPosition = position(instanceNumber, frameNumber);
                focused = true;
                priority = ++clock;
            } finally {
                lock.unlock();
            }
        }

        /** Drops the waiting frames and stops delivery of the ones being decoded; later submits are refused. */
        public void cancel() {
            List<Task> dropped;
            lock.lock();
            try {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                dropped = dropWaitingLocked();
                room.signalAll();
            } finally {
                lock.unlock();
            }
            dropped.forEach(t -> t.deliver(new Outcome.Cancelled()));
        }

        public boolean isCancelled() {
            lock.lock();
            try {
                return cancelled;
            } finally {
                lock.unlock();
            }
        }

        /** Frames of this job waiting for a thread. */
        public int waiting() {
            lock.lock();
            try {
                return waiting.size();
            } finally {
                lock.unlock();
            }
        }

        private List<Task> dropWaitingLocked() {
            List<Task> dropped = new ArrayList<>(waiting);
            for (Task t : dropped) {
                held--;
                waitingBytes -= t.bytes;
            }
            waiting.clear();
            waitingJobs.remove(this);
            return dropped;
        }

        /** Removes and returns the waiting frame to decode next. */
        private Task takeLocked() {
            int best = 0;
            if (focused) {
                long bestKey = Long.MAX_VALUE;
                for (int i = 0; i < waiting.size(); i++) {
                    long key = order(waiting.get(i));
                    if (key < bestKey) {
                        bestKey = key;
                        best = i;
                    }
                }
            }
            Task t = waiting.remove(best);
            waitingBytes -= t.bytes;
            if (waiting.isEmpty()) {
                waitingJobs.remove(this);
            }
            return t;
        }

        /**
         * Lower is sooner: in the focused series by distance from the focus (the frame after before the frame before
         * at equal distance), other series after it.
         */
        private long order(Task t) {
            if (!t.image.seriesInstanceUid().equals(focusSeries)) {
                return Long.MAX_VALUE - 1;
            }
            long d = t.position - focusPosition;
            return d > 0 ? 2 * d - 1 : -2 * d;
        }
    }

    /** Orders frames within a series: by instance, then frame within a multi-frame instance. */
    static long position(int instanceNumber, int frameNumber) {
        return ((long) instanceNumber << 24) + frameNumber;
    }

    /** One frame to decode. */
    private static final class Task {
        final Job job;
        final ImageAttributes image;
        final ByteBuffer data;
        final int frameIndex;
        final Consumer<Outcome> done;
        final long bytes;
        final long position;

        Task(Job job, ImageAttributes image, ByteBuffer data, int frameIndex, Consumer<Outcome> done) {
            this.job = job;
            this.image = image;
            this.data = data;
            this.frameIndex = frameIndex;
            this.done = done;
            this.bytes = data.remaining();
            this.position = position(image.instanceNumber(), frameIndex + 1);
        }

        void deliver(Outcome outcome) {
            try {
                done.accept(outcome);
            } catch (RuntimeException e) {
                // the caller's bug must not stop a decoder thread (or the cancelling one)
                LOG.log(System.Logger.Level.WARNING, "a decode callback failed", e);
            }
        }
    }

    private boolean roomFor(Task task) {
        return held < capacity && (waitingBytes + task.bytes <= maxWaitingBytes || waitingBytes == 0);
    }

    /**
     * Drops every decoder thread's decoders and scratch buffers, which hold the last frame's bytes and pixels sized
     * to the largest image seen (several MB per thread): called when a patient leaves the screen, so nothing of
     * theirs stays held by an idle pipeline. Threads waiting for work drop theirs at once, busy ones after their frame.
     */
    public void releaseScratch() {
        lock.lock();
        try {
            scratchGeneration++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many decoder threads hold a decoder and its scratch buffers now. */
    int decodersHeld() {
        return decodersHeld.get();
    }

    private void runWorker() {
        ImageFrameDecoder decoder = null;
        long generation = scratchGeneration;
        while (true) {
            Task task;
            lock.lock();
            try {
                while (!closed && waitingJobs.isEmpty()) {
                    if (generation != scratchGeneration) {
                        if (decoder != null) {
                            decodersHeld.decrementAndGet();
                        }
                        decoder = null; // the scratch of the patient who left goes now, not at the next frame
                        generation = scratchGeneration;
                    }
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                if (decoder == null || generation != scratchGeneration) {
                    if (decoder == null) {
                        decodersHeld.incrementAndGet();
                    }
                    decoder = new ImageFrameDecoder();
                    generation = scratchGeneration;
                }
                Job next = waitingJobs.getFirst();
                for (Job j : waitingJobs) {
                    if (j.priority > next.priority) {
                        next = j;
                    }
                }
                task = next.takeLocked();
                room.signalAll(); // the bytes it held are no longer waiting
            } finally {
                lock.unlock();
            }
            Outcome outcome = decode(decoder, task);
            boolean deliver;
            lock.lock();
            try {
                deliver = !task.job.cancelled && !closed;
            } finally {
                lock.unlock();
            }
            // the frame holds its place until the caller has taken it over, so held frames bound memory
            task.deliver(deliver ? outcome : new Outcome.Cancelled());
            lock.lock();
            try {
                held--;
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static Outcome decode(ImageFrameDecoder decoder, Task task) {
        String ts = task.image.descriptor().transferSyntaxUid();
        try {
            FramePixels pixels = decoder.decode(task.image, task.data, task.frameIndex);
            return new Outcome.Decoded(task.image.frame(task.frameIndex + 1, pixels));
        } catch (FrameDecodeException e) {
            return new Outcome.Failed(e);
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed(new FrameDecodeException(ts, task.frameIndex, e.getMessage(), e));
        } catch (RuntimeException e) {
            // a decoder bug must cost one frame, not the thread
            return new Outcome.Failed(new FrameDecodeException(ts, task.frameIndex, "decoder failed: " + e, e));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the decode pipeline is closed");
        }
    }
}
