package nl.duoviewer.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * Listens to one study load as the viewer does and keeps every decoded frame, as the viewer's series stacks do (so
 * memory is what the viewer would hold). Times are nanoseconds after {@link #started}.
 */
final class StudyLoadProbe implements StudyLoadListener {

    private final long started;
    private final List<DecodedFrame> frames = new ArrayList<>();
    private final CompletableFuture<String> end = new CompletableFuture<>();
    private volatile long manifestNanos = -1;
    private volatile long firstFrameNanos = -1;
    private volatile long lastFrameNanos = -1;
    private volatile int instancesTotal;
    private volatile long endNanos = -1;

    StudyLoadProbe(long started) {
        this.started = started;
    }

    @Override
    public void frameDecoded(DecodedFrame frame) {
        long now = System.nanoTime();
        synchronized (frames) {
            if (frames.isEmpty()) {
                firstFrameNanos = now - started;
            }
            frames.add(frame);
            lastFrameNanos = now - started;
        }
    }

    @Override
    public void progress(int instancesDone, int instancesTotal) {
        if (instancesTotal > 0 && manifestNanos < 0) {
            manifestNanos = System.nanoTime() - started; // the first call with a total: the manifest is in
        }
        this.instancesTotal = instancesTotal;
    }

    @Override
    public void completed() {
        endNanos = System.nanoTime() - started;
        end.complete("");
    }

    @Override
    public void failed(LoadFailure reason) {
        endNanos = System.nanoTime() - started;
        end.complete(String.valueOf(reason));
    }

    /** Waits for the load to end; returns "" when it completed, else what went wrong. */
    String await(long timeoutSeconds) throws InterruptedException {
        try {
            return end.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "no end within " + timeoutSeconds + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }

    long manifestNanos() {
        return manifestNanos;
    }

    long firstFrameNanos() {
        return firstFrameNanos;
    }

    long lastFrameNanos() {
        return lastFrameNanos;
    }

    /** When the load reported its end (completed or failed), after the last frame was handed over. */
    long endNanos() {
        return endNanos;
    }

    int instancesTotal() {
        return instancesTotal;
    }

    int frameCount() {
        synchronized (frames) {
            return frames.size();
        }
    }

    /** Lets the frames go, as the viewer does when another study is opened. */
    void release() {
        synchronized (frames) {
            frames.clear();
        }
    }
}
