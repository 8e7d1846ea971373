package nl.duoviewer.app.viewer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import nl.duoviewer.app.concurrency.UiBatchQueue;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * One open study: the frames retrieved so far, grouped in series within a memory budget, and how its load stands.
 * Any number of viewports may show it (the study and a prior side by side, two series of one study).
 *
 * <p>Frames arrive through {@link #listener()} on the service's threads and are applied on the UI thread in batches;
 * a frame of any other study is dropped, and once {@link #close()} has run nothing of the load is applied any more.
 * Everything else: UI thread only. Holds no controls and no text: the view translates {@link #statusProperty()}.
 */
public final class StudyViewModel {

    /** Where the study's retrieval stands. */
    public enum LoadState { LOADING, COMPLETE, FAILED }

    /**
     * The load as the status line reports it.
     *
     * @param instancesDone  instances retrieved and decoded so far
     * @param instancesTotal instances in the study, 0 while the manifest is not in
     * @param frames         frames received and kept
     * @param dropped        frames not kept because the memory budget was reached
     * @param failure        why the load stopped, when {@code state} is FAILED
     */
    public record LoadStatus(LoadState state, int instancesDone, int instancesTotal, int frames, int dropped,
                             LoadFailure failure) {

        static final LoadStatus STARTED = new LoadStatus(LoadState.LOADING, 0, 0, 0, 0, null);
    }

    private final Bsn patient;
    private final TimelineEntry entry;
    private final ObservableValue<String> patientName;
    private final StudyFrames frames;
    private final ObservableList<SeriesStack> series = FXCollections.observableArrayList();
    private final ObservableList<SeriesStack> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ReadOnlyObjectWrapper<LoadStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            LoadStatus.STARTED);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final Feed feed;
    private volatile StudyLoad load;
    private DecodedFrame firstFrame;
    private boolean closed;

    /**
     * @param patientName the name the banner shows for the patient (null when unknown), for the overlay
     * @param ui          runs tasks on the UI thread, in order
     * @param budgetBytes pixel memory the study may hold
     */
    public StudyViewModel(Bsn patient, TimelineEntry entry, ObservableValue<String> patientName, Executor ui,
                          long budgetBytes) {
        this.patient = Objects.requireNonNull(patient);
        this.entry = Objects.requireNonNull(entry);
        if (!entry.patient().equals(patient)) {
            throw new IllegalArgumentException("a study is only ever opened under its own patient");
        }
        this.patientName = Objects.requireNonNull(patientName);
        this.frames = new StudyFrames(budgetBytes);
        this.feed = new Feed(Objects.requireNonNull(ui));
    }

    /** Feeds this study; may be called from any thread. */
    public StudyLoadListener listener() {
        return feed;
    }

    /** The running retrieval, so the frame on screen can be decoded first; may be called from any thread. */
    public void attach(StudyLoad running) {
        this.load = running;
    }

    /** Tells the load which frame a viewport shows: waiting frames nearest to it are decoded first. */
    void focus(DecodedFrame onScreen) {
        StudyLoad l = load;
        if (l != null && onScreen != null && !closed) {
            l.focus(onScreen.seriesInstanceUid(), onScreen.instanceNumber(), onScreen.frameNumber());
        }
    }

    /** Stops applying the load's events (the user moved on); the frames already held stay readable. */
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    public Bsn patient() {
        return patient;
    }

    public TimelineEntry entry() {
        return entry;
    }

    public ObservableValue<String> patientName() {
        return patientName;
    }

    /** The study's series received so far, in series-number order. */
    public ObservableList<SeriesStack> series() {
        return seriesView;
    }

    public ReadOnlyObjectProperty<LoadStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public LoadState loadState() {
        return status.get().state();
    }

    /** Incremented after every batch that added frames (positions in a series may have moved). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The first frame that arrived (what a viewport shows first), null before any. */
    public DecodedFrame firstFrame() {
        return firstFrame;
    }

    public int frameCount() {
        return frames.frameCount();
    }

    private void accept(List<LoadEvent> events) {
        if (closed) {
            return; // a load the user has moved away from
        }
        LoadStatus s = status.get();
        boolean framesAdded = false;
        LoadState state = s.state();
        int done = s.instancesDone();
        int total = s.instancesTotal();
        LoadFailure failure = s.failure();
        for (LoadEvent event : events) {
            switch (event) {
                case FrameArrived f -> framesAdded |= add(f.frame());
                case Progressed p -> {
                    done = p.done();
                    total = p.total();
                }
                case Completed c -> state = state == LoadState.FAILED ? state : LoadState.COMPLETE;
                case Failed f -> {
                    state = LoadState.FAILED;
                    failure = f.reason();
                }
            }
        }
        if (framesAdded) {
            series.setAll(frames.allSeries());
        }
        status.set(new LoadStatus(state, done, total, frames.frameCount(), frames.dropped(), failure));
        if (framesAdded) {
            revision.set(revision.get() + 1);
        }
    }

    /** @return true when the frame was kept */
    private boolean add(DecodedFrame frame) {
        if (!frame.studyInstanceUid().equals(entry.studyInstanceUid())) {
            return false; // never show another study's pixels under this study's labels
        }
        if (frames.add(frame) == null) {
            return false;
        }
        if (firstFrame == null) {
            firstFrame = frame;
        }
        return true;
    }

    private sealed interface LoadEvent permits FrameArrived, Progressed, Completed, Failed {
    }

    private record FrameArrived(DecodedFrame frame) implements LoadEvent {
    }

    private record Progressed(int done, int total) implements LoadEvent {
    }

    private record Completed() implements LoadEvent {
    }

    private record Failed(LoadFailure reason) implements LoadEvent {
    }

    /** Hands the load's calls to the UI thread in batches. */
    private final class Feed implements StudyLoadListener {
        private final UiBatchQueue<LoadEvent> queue;

        Feed(Executor ui) {
            this.queue = new UiBatchQueue<>(ui, StudyViewModel.this::accept);
        }

        @Override
        public void frameDecoded(DecodedFrame frame) {
            queue.offer(new FrameArrived(frame));
        }

        @Override
        public void progress(int done, int total) {
            queue.offer(new Progressed(done, total));
        }

        @Override
        public void completed() {
            queue.offer(new Completed());
        }

        @Override
        public void failed(LoadFailure reason) {
            queue.offer(new Failed(Objects.requireNonNull(reason)));
        }
    }
}
