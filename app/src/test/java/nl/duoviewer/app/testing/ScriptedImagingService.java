package nl.duoviewer.app.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.report.ReportDocument;

/**
 * An {@link ImagingService} for UI component tests: it hands out real {@link Timeline}s that the test fills as the
 * sources would (from the test thread), and serves studies as generated CT slices on a worker thread. The first slice
 * of a study is delivered at once; the rest wait until the test calls {@link #releaseRemainingFrames()}, so a test can
 * see the first image while the study is still loading.
 */
public final class ScriptedImagingService implements ImagingService {

    private final Map<Bsn, List<Timeline>> timelines = new ConcurrentHashMap<>();
    private final List<String> retried = new CopyOnWriteArrayList<>();
    private final List<Bsn> released = new CopyOnWriteArrayList<>();
    private final List<Load> loads = new CopyOnWriteArrayList<>();
    private final List<ReportRecord> reportsOpened = new CopyOnWriteArrayList<>();
    private volatile Function<ReportRecord, Object> reportOutcome = r -> ReportProblem.NOT_AVAILABLE;
    private volatile BiConsumer<Timeline, String> onRetry = (t, id) -> { };
    private volatile CountDownLatch remainingFrames = new CountDownLatch(1);
    private volatile int slicesPerStudy = 12;
    private volatile int sliceSize = 256;
    private final List<UserIdentity> signedIn = new CopyOnWriteArrayList<>();

    @Override
    public Timeline startTimeline(Bsn patient) {
        Timeline t = new Timeline(patient);
        timelines.computeIfAbsent(patient, p -> new CopyOnWriteArrayList<>()).add(t);
        return t;
    }

    @Override
    public void signIn(UserIdentity user) {
        signedIn.add(user);
    }

    /** The users launches named, in order. */
    public List<UserIdentity> signedIn() {
        return List.copyOf(signedIn);
    }

    /** The latest timeline started for the patient, waiting up to 5 s for the app to start it. */
    public Timeline awaitTimeline(Bsn patient) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<Timeline> list = timelines.get(patient);
            if (list != null && !list.isEmpty()) {
                return list.getLast();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the app never started a timeline for " + patient);
    }

    public int timelinesStarted(Bsn patient) {
        return timelines.getOrDefault(patient, List.of()).size();
    }

    @Override
    public void retrySource(Timeline timeline, String sourceId) {
        retried.add(sourceId);
        onRetry.accept(timeline, sourceId);
    }

    /** What a retry does (called on the app's background thread). */
    public void onRetry(BiConsumer<Timeline, String> action) {
        this.onRetry = action;
    }

    public List<String> retried() {
        return retried;
    }

    public List<Bsn> released() {
        return released;
    }

    public void slices(int count, int size) {
        this.slicesPerStudy = count;
        this.sliceSize = size;
    }

    /** Lets every running study deliver its frames after the first. */
    public void releaseRemainingFrames() {
        remainingFrames.countDown();
    }

    public List<Load> loads() {
        return loads;
    }

    @Override
    public StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener) {
        CountDownLatch gate = remainingFrames;
        int count = slicesPerStudy;
        int size = sliceSize;
        Load load = new Load();
        loads.add(load);
        Thread worker = new Thread(() -> {
            String series = study.studyInstanceUid() + ".1";
            // deliver the middle slice first, as a progressive loader would, then the rest in order
            int first = count / 2 + 1;
            listener.frameDecoded(Phantom.frame(study.studyInstanceUid(), series, 1, first, count, size));
            listener.progress(1, count);
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    listener.failed(new LoadFailure.TimedOut("test gate never opened"));
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            int done = 1;
            for (int i = 1; i <= count && !load.isCancelled(); i++) {
                if (i == first) {
                    continue;
                }
                listener.frameDecoded(Phantom.frame(study.studyInstanceUid(), series, 1, i, count, size));
                listener.progress(++done, count);
            }
            if (!load.isCancelled()) {
                listener.completed();
            }
        }, "scripted-study-load");
        worker.setDaemon(true);
        worker.start();
        return load;
    }

    /** What {@link #openReport} delivers for a report: a {@link ReportDocument} or a {@link ReportProblem}. */
    public void reports(Function<ReportRecord, Object> outcome) {
        this.reportOutcome = outcome;
    }

    public List<ReportRecord> reportsOpened() {
        return reportsOpened;
    }

    @Override
    public ReportLoad openReport(ReportRecord report, ReportLoadListener listener) {
        reportsOpened.add(report);
        Object outcome = reportOutcome.apply(report);
        Thread worker = new Thread(() -> {
            if (outcome instanceof ReportDocument d) {
                listener.loaded(d);
            } else {
                listener.failed((ReportProblem) outcome);
            }
        }, "scripted-report-load");
        worker.setDaemon(true);
        worker.start();
        return () -> { };
    }

    @Override
    public void releasePatient(Bsn patient) {
        released.add(patient);
    }

    @Override
    public String networkDescription() {
        return "Scripted test network";
    }

    @Override
    public void close() {
        releaseRemainingFrames();
    }

    /** A scripted load; remembers the last frame the viewer said it shows. */
    public static final class Load implements StudyLoad {
        private volatile boolean cancelled;
        private volatile String focus;

        /** The last focus as "series#instance.frame", null when none was given. */
        public String focus() {
            return focus;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
            focus = seriesInstanceUid + "#" + instanceNumber + "." + frameNumber;
        }
    }
}
