package nl.duoviewer.app.viewer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.core.measure.ImagePoint;
import nl.duoviewer.core.measure.Measure;
import nl.duoviewer.core.measure.Result;
import nl.duoviewer.core.measure.Shape;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * The reading tools of the image viewer, acting on its active viewport: measurements (length, angle, rectangle and
 * ellipse regions), cine, and export of the current view. Holds no controls: the view forwards pointer positions in
 * image coordinates, pulses for cine and the pixels of the picture to export.
 *
 * <p>Measurements belong to their frame (the same frame of the same object, whichever viewport shows it) and are held
 * in memory only, for the patient on screen: a viewer emptied for a patient switch, or a study of another patient,
 * clears them all (decision record 28). UI thread only, except that export writes its file on the I/O executor.
 */
public final class ToolsViewModel {

    private static final System.Logger LOG = System.getLogger(ToolsViewModel.class.getName());

    /** Cine rates the user can choose, frames per second. */
    public static final int MIN_FPS = 1;
    public static final int MAX_FPS = 60;
    static final int DEFAULT_FPS = 10;

    /** What the left mouse button does on the image. */
    public enum Tool {
        PAN(0), LENGTH(2), ANGLE(3), RECTANGLE(2), ELLIPSE(2);

        private final int points;

        Tool(int points) {
            this.points = points;
        }

        /** Points the user places for one measurement (0: not a measuring tool). */
        public int points() {
            return points;
        }
    }

    /** A measurement on a frame and what it reads (computed once, when it was placed). */
    public record Placed(Shape shape, Result result) {
    }

    /**
     * A measurement being drawn: the points placed so far, the last following the pointer, and what it would read
     * once enough points are there (null before).
     */
    public record Draft(Tool tool, List<ImagePoint> points, Placed preview) {
    }

    /** How the last export went; the view words it. */
    public sealed interface ExportStatus {
        record Saved(Path file, boolean deIdentified) implements ExportStatus {
        }

        record Failed(Path file) implements ExportStatus {
        }
    }

    private final ViewerLayoutViewModel layout;
    private final ExportRecorder recorder;
    private final Executor io;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Tool> tool = new ReadOnlyObjectWrapper<>(this, "tool", Tool.PAN);
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyIntegerWrapper fps = new ReadOnlyIntegerWrapper(this, "fps", DEFAULT_FPS);
    private final ReadOnlyObjectWrapper<ExportStatus> exportStatus = new ReadOnlyObjectWrapper<>(this,
            "exportStatus");
    private final ReadOnlyBooleanWrapper tagBrowserOpen = new ReadOnlyBooleanWrapper(this, "tagBrowserOpen");
    private final TagBrowserViewModel tagBrowser = new TagBrowserViewModel();
    private final Map<FrameKey, List<Placed>> measurements = new HashMap<>();
    private Bsn measuredPatient;
    private final List<ImagePoint> fixed = new ArrayList<>();
    private DecodedFrame draftFrame;
    private ViewportViewModel cineViewport;
    private String cineSeries;
    private long lastTick = -1;

    /**
     * @param recorder told of every export
     * @param io       writes exported files (off the UI thread)
     * @param ui       runs on the UI thread
     */
    public ToolsViewModel(ViewerLayoutViewModel layout, ExportRecorder recorder, Executor io, Executor ui) {
        this.layout = Objects.requireNonNull(layout);
        this.recorder = Objects.requireNonNull(recorder);
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
        layout.studyProperty().addListener((o, before, now) -> studyChanged(now));
        layout.activeViewportProperty().addListener((o, before, now) -> {
            cancelDraft();
            stop();
            followTagBrowser();
        });
        for (ViewportViewModel v : layout.viewports()) {
            v.displayedProperty().addListener((o, before, now) -> {
                if (draftFrame != null && (now == null || now.frame() != draftFrame)) {
                    cancelDraft(); // the user scrolled away from the frame being measured
                }
                if (v == active()) {
                    followTagBrowser();
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------ measurements

    public ReadOnlyObjectProperty<Tool> toolProperty() {
        return tool.getReadOnlyProperty();
    }

    public Tool tool() {
        return tool.get();
    }

    /** Chooses what the left button does; a measurement being drawn is dropped. */
    public void selectTool(Tool next) {
        cancelDraft();
        tool.set(next == null ? Tool.PAN : next);
    }

    /** The measurement being drawn, null when none. */
    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** Incremented whenever measurements are placed or removed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The measurements on a frame, in the order they were placed. */
    public List<Placed> measurementsOn(DecodedFrame frame) {
        return frame == null ? List.of() : List.copyOf(measurements.getOrDefault(FrameKey.of(frame), List.of()));
    }

    /**
     * The button went down on the image at this point: the first point of a measurement, or the next one. A
     * measurement is placed once it has its points, whether they came from drags or clicks.
     */
    public void press(ImagePoint at) {
        DecodedFrame frame = active().currentFrame();
        if (tool.get() == Tool.PAN || frame == null || at == null) {
            return;
        }
        if (fixed.isEmpty()) {
            draftFrame = frame;
        }
        place(at);
    }

    /** The pointer moved (button down or not): the point being placed follows it. */
    public void move(ImagePoint at) {
        if (!fixed.isEmpty() && at != null) {
            updateDraft(at);
        }
    }

    /** The button came up; after a drag, this is the next point (a drag draws a line or a region in one go). */
    public void release(ImagePoint at, boolean dragged) {
        if (fixed.isEmpty() || at == null) {
            return;
        }
        if (dragged) {
            place(at);
        } else {
            updateDraft(at);
        }
    }

    /** Drops the measurement being drawn. */
    public void cancelDraft() {
        fixed.clear();
        draftFrame = null;
        draft.set(null);
    }

    /** Removes the last measurement placed on the frame on screen. */
    public void removeLast() {
        DecodedFrame frame = active().currentFrame();
        List<Placed> on = frame == null ? null : measurements.get(FrameKey.of(frame));
        if (on != null && !on.isEmpty()) {
            on.removeLast();
            changed();
        }
    }

    /** Removes every measurement on the frame on screen. */
    public void clearFrame() {
        DecodedFrame frame = active().currentFrame();
        if (frame != null && measurements.remove(FrameKey.of(frame)) != null) {
            changed();
        }
    }

    private void place(ImagePoint at) {
        fixed.add(at);
        if (fixed.size() < tool.get().points()) {
            updateDraft(at);
            return;
        }
        DecodedFrame frame = draftFrame;
        Placed placed = measure(tool.get(), fixed, frame);
        cancelDraft();
        if (placed != null && frame != null && samePatient(frame)) {
            measurements.computeIfAbsent(FrameKey.of(frame), k -> new ArrayList<>()).add(placed);
            changed();
        }
    }

    private void updateDraft(ImagePoint floating) {
        List<ImagePoint> points = new ArrayList<>(fixed);
        if (points.size() < tool.get().points()) {
            points.add(floating);
        }
        Placed preview = points.size() == tool.get().points() ? measure(tool.get(), points, draftFrame) : null;
        draft.set(new Draft(tool.get(), List.copyOf(points), preview));
    }

    /** Null for a shape without extent (a click without a drag on the same spot). */
    private static Placed measure(Tool t, List<ImagePoint> p, DecodedFrame frame) {
        if (frame == null) {
            return null;
        }
        Shape shape = switch (t) {
            case LENGTH -> p.get(0).equals(p.get(1)) ? null : new Shape.Line(p.get(0), p.get(1));
            case ANGLE -> new Shape.Angle(p.get(0), p.get(1), p.get(2));
            case RECTANGLE -> flat(p) ? null : new Shape.Rectangle(p.get(0), p.get(1));
            case ELLIPSE -> flat(p) ? null : new Shape.Ellipse(p.get(0), p.get(1));
            case PAN -> null;
        };
        return shape == null ? null : new Placed(shape, Measure.of(shape, frame.pixels(), frame.header().spacing(),
                frame.header().modalityUnit()));
    }

    private static boolean flat(List<ImagePoint> p) {
        return p.get(0).x() == p.get(1).x() || p.get(0).y() == p.get(1).y();
    }

    private boolean samePatient(DecodedFrame frame) {
        StudyViewModel study = active().study();
        if (study == null || !frame.studyInstanceUid().equals(study.entry().studyInstanceUid())) {
            return false;
        }
        if (!study.patient().equals(measuredPatient)) {
            measurements.clear();
            measuredPatient = study.patient();
        }
        return true;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** Another study (or none) in the viewer: a patient switch or an emptied viewer drops every measurement. */
    private void studyChanged(StudyViewModel now) {
        cancelDraft();
        stop();
        if (now == null || !now.patient().equals(measuredPatient)) {
            measurements.clear();
            measuredPatient = now == null ? null : now.patient();
            changed();
        }
    }

    // ------------------------------------------------------------------------------------------ cine

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The cine rate, frames per second. */
    public ReadOnlyIntegerProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public void setFps(int framesPerSecond) {
        fps.set(Math.max(MIN_FPS, Math.min(MAX_FPS, framesPerSecond)));
    }

    public void faster() {
        setFps(fps.get() + 1);
    }

    public void slower() {
        setFps(fps.get() - 1);
    }

    /**
     * Plays the series in the active viewport in a loop, or stops. A series played for the first time starts at the
     * rate its source recommends, when it names one.
     */
    public void togglePlay() {
        if (playing.get()) {
            stop();
            return;
        }
        ViewportViewModel v = active();
        DecodedFrame f = v.currentFrame();
        if (f == null || v.framesInSeries() < 2) {
            return;
        }
        if (!f.seriesInstanceUid().equals(cineSeries)) {
            cineSeries = f.seriesInstanceUid();
            if (f.header().framesPerSecond() > 0) {
                setFps((int) Math.round(f.header().framesPerSecond()));
            }
        }
        cineViewport = v;
        lastTick = -1;
        playing.set(true);
    }

    public void stop() {
        playing.set(false);
        cineViewport = null;
    }

    /**
     * A display pulse at this time (nanoseconds, monotonic): while playing, moves on one frame when a frame's time
     * has passed, from the last frame back to the first. A pulse far late (a stalled UI) restarts the clock rather
     * than racing to catch up.
     */
    public void tick(long nowNanos) {
        ViewportViewModel v = cineViewport;
        if (!playing.get() || v == null) {
            return;
        }
        if (lastTick < 0) {
            lastTick = nowNanos;
            return;
        }
        long period = 1_000_000_000L / fps.get();
        long elapsed = nowNanos - lastTick;
        if (elapsed < period) {
            return;
        }
        lastTick = elapsed > 4 * period ? nowNanos : lastTick + period;
        if (v.currentFrame() == null || v.framesInSeries() < 2) {
            stop();
        } else if (v.frameIndex() >= v.framesInSeries() - 1) {
            v.scrollToFirst();
        } else {
            v.scrollBy(1);
        }
    }

    // ------------------------------------------------------------------------------------------ export

    /** True when there is an image on screen to export. */
    public boolean canExport() {
        return active().currentFrame() != null && active().study() != null;
    }

    /** A file name that says what the picture is without naming the patient (the name is the user's to change). */
    public String suggestedFileName() {
        DecodedFrame f = active().currentFrame();
        if (f == null) {
            return "duoviewer.png";
        }
        String modality = f.modality().replaceAll("[^A-Za-z0-9]", "");
        return "duoviewer-" + (modality.isEmpty() ? "image" : modality) + "-se" + f.seriesNumber() + "-im"
                + (active().frameIndex() + 1) + ".png";
    }

    /**
     * Writes the picture of the current view the user chose to export (with the patient overlay, or de-identified
     * without it) to the file they chose, and reports it to the {@link ExportRecorder}, also when it fails.
     *
     * @param argb opaque ARGB pixels, row by row
     */
    public void export(int width, int height, int[] argb, Path file, boolean deIdentified) {
        StudyViewModel study = active().study();
        DecodedFrame frame = active().currentFrame();
        if (study == null || frame == null) {
            return;
        }
        PngFile.Picture picture = new PngFile.Picture(width, height, argb);
        Bsn patient = study.patient();
        String studyUid = study.entry().studyInstanceUid();
        String sopUid = frame.header().sopInstanceUid();
        io.execute(() -> {
            boolean ok;
            try {
                PngFile.write(picture, file);
                ok = true;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "The view could not be exported to " + file, e);
                ok = false;
            }
            recorder.exported(new ExportRecorder.ViewExport(patient, studyUid, sopUid, deIdentified, file, ok));
            boolean saved = ok;
            ui.execute(() -> exportStatus.set(saved ? new ExportStatus.Saved(file, deIdentified)
                    : new ExportStatus.Failed(file)));
        });
    }

    /** How the last export went, null before any. */
    public ReadOnlyObjectProperty<ExportStatus> exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------ tag browser

    /** The tag browser's rows: the header of the image in the active viewport while the browser is open. */
    public TagBrowserViewModel tagBrowser() {
        return tagBrowser;
    }

    public ReadOnlyBooleanProperty tagBrowserOpenProperty() {
        return tagBrowserOpen.getReadOnlyProperty();
    }

    /** Opens the tag browser on the image on screen; it follows the image as the user scrolls. */
    public void openTagBrowser() {
        tagBrowserOpen.set(true);
        followTagBrowser();
    }

    public void closeTagBrowser() {
        tagBrowserOpen.set(false);
        tagBrowser.show(null);
    }

    private void followTagBrowser() {
        if (tagBrowserOpen.get()) {
            DecodedFrame f = active().currentFrame();
            tagBrowser.show(f == null ? null : f.header().dataset());
        }
    }

    /** True when the tools act on this viewport (the active one). */
    public boolean actsOn(ViewportViewModel viewport) {
        return active() == viewport;
    }

    private ViewportViewModel active() {
        return layout.activeViewport();
    }
}
