package nl.duoviewer.app.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.pixel.DecodedFrame;

/** Keeps every call a study load makes, in order, and lets a test wait for the first frame and for the end. */
public final class RecordingListener implements StudyLoadListener {

    /** One call to the listener. */
    public sealed interface Event permits Frame, Progress, Completed, Failed {
    }

    public record Frame(DecodedFrame frame) implements Event {
    }

    public record Progress(int done, int total) implements Event {
    }

    public record Completed() implements Event {
    }

    public record Failed(LoadFailure reason) implements Event {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstFrame = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void frameDecoded(DecodedFrame frame) {
        events.add(new Frame(frame));
        firstFrame.countDown();
    }

    @Override
    public void progress(int instancesDone, int instancesTotal) {
        events.add(new Progress(instancesDone, instancesTotal));
    }

    @Override
    public void completed() {
        events.add(new Completed());
        ended.countDown();
    }

    @Override
    public void failed(LoadFailure reason) {
        events.add(new Failed(reason));
        ended.countDown();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<DecodedFrame> frames() {
        return events.stream().filter(e -> e instanceof Frame).map(e -> ((Frame) e).frame()).toList();
    }

    public void awaitFirstFrame(long seconds) throws InterruptedException {
        if (!firstFrame.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("no frame within " + seconds + " s: " + events);
        }
    }

    /** Waits for completed() or failed() and returns which. */
    public Event awaitEnd(long seconds) throws InterruptedException {
        if (!ended.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the load did not end within " + seconds + " s: " + events.size()
                    + " events, last " + (events.isEmpty() ? "none" : events.getLast()));
        }
        return events.stream().filter(e -> e instanceof Completed || e instanceof Failed).findFirst().orElseThrow();
    }
}
