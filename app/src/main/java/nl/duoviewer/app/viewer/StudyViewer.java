package nl.duoviewer.app.viewer;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import nl.duoviewer.app.concurrency.UiBatchQueue;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The study viewer: one viewport showing a series of the open study, with a series chooser, CT window presets,
 * load progress and the four-corner overlay (patient, study, position, window).
 *
 * <p>Frames arrive while the study is still loading; the first one is shown as soon as it comes in. Each
 * {@link #begin} starts a new load identity: frames, progress and errors of any earlier load, or of another study,
 * are dropped. Keys: Up/Down/PageUp/PageDown/Home/End scroll, 1-4 pick a CT preset, R resets the view.
 */
public final class StudyViewer extends BorderPane {

    /** Where the open study's retrieval stands. */
    public enum LoadState { IDLE, LOADING, COMPLETE, FAILED }

    private static final DateTimeFormatter STUDY_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Texts texts;
    private final Executor ui;
    private final ImageViewport viewport = new ImageViewport();
    private final ComboBox<SeriesStack> seriesChooser = new ComboBox<>();
    private final MenuButton presets;
    private final Label placeholder = new Label();
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label statusText = new Label();
    private final Label topLeft = overlayLabel("overlay-top-left");
    private final Label topRight = overlayLabel("overlay-top-right");
    private final Label bottomLeft = overlayLabel("overlay-bottom-left");
    private final Label bottomRight = overlayLabel("overlay-bottom-right");
    private final ReadOnlyObjectWrapper<LoadState> loadState = new ReadOnlyObjectWrapper<>(this, "loadState",
            LoadState.IDLE);
    private final Map<String, WindowLevel> windows = new HashMap<>();

    private Feed feed;
    private LaunchContext patient;
    private TimelineEntry study;
    private StudyFrames frames;
    private SeriesStack series;
    private int index;
    private int instancesDone;
    private int instancesTotal;
    private boolean updatingChooser;

    public StudyViewer(Texts texts, Executor ui) {
        this.texts = Objects.requireNonNull(texts);
        this.ui = Objects.requireNonNull(ui);
        getStyleClass().add("study-viewer");
        setFocusTraversable(true);

        seriesChooser.getStyleClass().add("series-chooser");
        seriesChooser.setPromptText(texts.get("viewer.series.prompt"));
        seriesChooser.setCellFactory(l -> new SeriesCell());
        seriesChooser.setButtonCell(new SeriesCell());
        seriesChooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(SeriesStack stack) {
                return describe(stack);
            }

            @Override
            public SeriesStack fromString(String string) {
                return null; // not editable
            }
        });
        seriesChooser.valueProperty().addListener((o, a, b) -> {
            if (!updatingChooser && b != null && b != series) {
                showSeries(b, 0);
            }
        });
        presets = new MenuButton(texts.get("viewer.presets"));
        presets.getStyleClass().add("preset-menu");
        for (WindowLevelPreset p : WindowLevelPreset.values()) {
            MenuItem item = new MenuItem(texts.get(p.textKey()) + "  (" + (p.ordinal() + 1) + ")");
            item.setOnAction(e -> applyPreset(p));
            presets.getItems().add(item);
        }
        Button reset = new Button(texts.get("viewer.reset"));
        reset.setOnAction(e -> resetView());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, seriesChooser, presets, reset, grow);
        toolbar.getStyleClass().add("viewer-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        setTop(toolbar);

        placeholder.getStyleClass().add("viewer-placeholder");
        placeholder.setWrapText(true);
        StackPane.setAlignment(topLeft, Pos.TOP_LEFT);
        StackPane.setAlignment(topRight, Pos.TOP_RIGHT);
        StackPane.setAlignment(bottomLeft, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(bottomRight, Pos.BOTTOM_RIGHT);
        StackPane stage = new StackPane(viewport, placeholder, topLeft, topRight, bottomLeft, bottomRight);
        stage.getStyleClass().add("viewer-stage");
        setCenter(stage);

        progressBar.getStyleClass().add("load-progress");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progressBar, Priority.ALWAYS);
        statusText.getStyleClass().add("load-status");
        VBox bottom = new VBox(2, statusText, progressBar);
        bottom.getStyleClass().add("viewer-statusbar");
        setBottom(bottom);

        viewport.setFocusTraversable(true);
        viewport.setOnWindowDrag(this::dragWindow);
        viewport.zoomProperty().addListener((o, a, b) -> updateOverlay());
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        clear();
    }

    /**
     * Starts showing a study: clears the previous one and returns the listener that feeds this load. Call on the
     * JavaFX thread; the listener may be called from any thread.
     */
    public StudyLoadListener begin(LaunchContext patient, TimelineEntry study) {
        clear();
        this.patient = Objects.requireNonNull(patient);
        this.study = Objects.requireNonNull(study);
        frames = new StudyFrames(StudyFrames.defaultBudget());
        loadState.set(LoadState.LOADING);
        placeholder.setText(texts.get("viewer.loading"));
        placeholder.setVisible(true);
        progressBar.setVisible(true);
        progressBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        statusText.setText(texts.get("viewer.status.retrieving"));
        feed = new Feed();
        updateOverlay();
        return feed;
    }

    /** Empties the viewer: no study, no pixels, no pending load. */
    public void clear() {
        feed = null;
        patient = null;
        study = null;
        frames = null;
        series = null;
        index = 0;
        instancesDone = 0;
        instancesTotal = 0;
        windows.clear();
        viewport.clear();
        updatingChooser = true;
        seriesChooser.getItems().clear();
        seriesChooser.setValue(null);
        updatingChooser = false;
        seriesChooser.setDisable(true);
        presets.setDisable(true);
        loadState.set(LoadState.IDLE);
        placeholder.setText(texts.get("viewer.empty"));
        placeholder.setVisible(true);
        progressBar.setVisible(false);
        statusText.setText("");
        updateOverlay();
    }

    public ImageViewport viewport() {
        return viewport;
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState.getReadOnlyProperty();
    }

    /** The study on screen, null when none. */
    public TimelineEntry study() {
        return study;
    }

    /** The frame on screen, null when none. */
    public DecodedFrame currentFrame() {
        return series == null ? null : series.get(index);
    }

    /** The window of the series on screen, null when none. */
    public WindowLevel currentWindow() {
        return series == null ? null : windows.get(series.seriesInstanceUid());
    }

    /** Position in the current series (0-based). */
    public int frameIndex() {
        return index;
    }

    /** Frames received for the current series. */
    public int framesInSeries() {
        return series == null ? 0 : series.size();
    }

    /** Moves through the current series by {@code delta} frames, stopping at the ends. */
    public void scrollBy(int delta) {
        if (series == null) {
            return;
        }
        int target = Math.max(0, Math.min(series.size() - 1, index + delta));
        if (target != index) {
            index = target;
            render();
        }
    }

    public void applyPreset(WindowLevelPreset preset) {
        setWindow(preset.window());
    }

    /** Sets the window of the current series and re-renders. */
    public void setWindow(WindowLevel window) {
        if (series == null || !(currentFrame().pixels() instanceof GrayscalePixels)) {
            return;
        }
        windows.put(series.seriesInstanceUid(), window);
        render();
    }

    private void resetView() {
        viewport.resetView();
        if (series != null) {
            windows.put(series.seriesInstanceUid(), currentFrame().initialWindow());
            render();
        }
    }

    private void dragWindow(double dx, double dy) {
        WindowLevel w = currentWindow();
        if (w == null) {
            return;
        }
        // scale with the window so a drag feels the same on a 80 HU brain window and a 1500 HU lung window
        double step = Math.max(0.5, w.width() / 256);
        setWindow(w.adjustedBy(-dy * step, dx * step));
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.getDeltaY() == 0) {
            return;
        }
        scrollBy(e.getDeltaY() > 0 ? -1 : 1); // wheel towards the user (negative delta): next image
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case UP, LEFT -> scrollBy(-1);
            case DOWN, RIGHT -> scrollBy(1);
            case PAGE_UP -> scrollBy(-10);
            case PAGE_DOWN -> scrollBy(10);
            case HOME -> scrollBy(Integer.MIN_VALUE / 2);
            case END -> scrollBy(Integer.MAX_VALUE / 2);
            case DIGIT1, NUMPAD1 -> applyPreset(WindowLevelPreset.SOFT_TISSUE);
            case DIGIT2, NUMPAD2 -> applyPreset(WindowLevelPreset.LUNG);
            case DIGIT3, NUMPAD3 -> applyPreset(WindowLevelPreset.BONE);
            case DIGIT4, NUMPAD4 -> applyPreset(WindowLevelPreset.BRAIN);
            case R -> resetView();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void accept(Feed from, List<LoadEvent> events) {
        if (from != feed) {
            return; // a load the user has moved away from
        }
        boolean framesAdded = false;
        for (LoadEvent event : events) {
            switch (event) {
                case FrameArrived f -> framesAdded |= addFrame(f.frame());
                case Progressed p -> {
                    instancesDone = p.done();
                    instancesTotal = p.total();
                }
                case Completed c -> loadState.set(LoadState.COMPLETE);
                case Failed f -> {
                    loadState.set(LoadState.FAILED);
                    statusText.setText(texts.get("viewer.status.failed", f.message()));
                }
            }
        }
        if (framesAdded) {
            refreshChooser(); // new series, and the counts in the chooser
        }
        updateStatus();
        updateOverlay();
    }

    /** @return true when the frame was kept */
    private boolean addFrame(DecodedFrame frame) {
        if (!frame.studyInstanceUid().equals(study.studyInstanceUid())) {
            return false; // never show another study's pixels under this study's labels
        }
        StudyFrames.Added added = frames.add(frame);
        if (added == null) {
            return false;
        }
        windows.putIfAbsent(frame.seriesInstanceUid(), frame.initialWindow());
        if (series == null) {
            showSeries(added.stack(), added.index());
        } else if (added.stack() == series && added.index() <= index && series.size() > 1) {
            index++; // keep the frame the user is looking at
            updateOverlay();
        }
        return true;
    }

    private void showSeries(SeriesStack stack, int at) {
        series = stack;
        index = at;
        placeholder.setVisible(false);
        seriesChooser.setDisable(false);
        presets.setDisable(!"CT".equalsIgnoreCase(stack.first().modality()));
        updatingChooser = true;
        seriesChooser.setValue(stack);
        updatingChooser = false;
        render();
    }

    private void refreshChooser() {
        updatingChooser = true;
        seriesChooser.getItems().setAll(frames.allSeries());
        seriesChooser.setValue(null); // the same value again would not redraw the counts
        seriesChooser.setValue(series);
        updatingChooser = false;
    }

    private void render() {
        DecodedFrame frame = currentFrame();
        if (frame == null) {
            return;
        }
        viewport.show(frame.pixels(), windows.get(series.seriesInstanceUid()));
        updateOverlay();
    }

    private void updateStatus() {
        if (frames == null) {
            return;
        }
        LoadState state = loadState.get();
        if (state == LoadState.FAILED) {
            progressBar.setVisible(false);
            if (frames.frameCount() == 0) {
                placeholder.setText(statusText.getText());
                placeholder.setVisible(true);
            }
            return;
        }
        String text = instancesTotal > 0
                ? texts.get("viewer.status.progress", instancesDone, instancesTotal)
                : texts.get("viewer.status.frames", frames.frameCount());
        if (state == LoadState.COMPLETE) {
            text = texts.get("viewer.status.complete", frames.frameCount());
            progressBar.setVisible(false);
            if (frames.frameCount() == 0) {
                placeholder.setText(texts.get("viewer.noImages"));
            }
        } else {
            progressBar.setProgress(instancesTotal > 0 ? (double) instancesDone / instancesTotal
                    : ProgressBar.INDETERMINATE_PROGRESS);
        }
        if (frames.dropped() > 0) {
            text += " " + texts.get("viewer.status.memoryLimit", frames.dropped());
        }
        statusText.setText(text);
    }

    private void updateOverlay() {
        if (patient == null || study == null) {
            topLeft.setText("");
            topRight.setText("");
            bottomLeft.setText("");
            bottomRight.setText("");
            return;
        }
        String name = patient.demographics().nameIfKnown().map(n -> n + "\n").orElse("");
        topLeft.setText(name + texts.get("overlay.bsn", patient.patient().formatted()));
        String date = study.studyDateTime() == null ? texts.get("timeline.undated")
                : STUDY_DATE.format(study.studyDateTime());
        String sources = study.sources().stream().map(SourceInstitution::name).collect(Collectors.joining(", "));
        topRight.setText(date + "\n" + study.description() + "\n" + sources);
        if (series == null) {
            bottomLeft.setText("");
            bottomRight.setText("");
            return;
        }
        DecodedFrame f = currentFrame();
        bottomLeft.setText(texts.get("overlay.series", f.seriesNumber(), f.seriesDescription()) + "\n"
                + texts.get("overlay.position", index + 1, series.expected()));
        WindowLevel w = windows.get(series.seriesInstanceUid());
        String window = f.pixels() instanceof GrayscalePixels && w != null
                ? texts.get("overlay.window", Math.round(w.width()), Math.round(w.center())) + "\n" : "";
        bottomRight.setText(window + texts.get("overlay.zoom", Math.round(viewport.zoomProperty().get() * 100)));
    }

    private static Label overlayLabel(String styleClass) {
        Label l = new Label();
        l.getStyleClass().addAll("viewport-overlay", styleClass);
        l.setMouseTransparent(true);
        return l;
    }

    private final class SeriesCell extends ListCell<SeriesStack> {
        @Override
        protected void updateItem(SeriesStack item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(describe(item));
        }
    }

    private String describe(SeriesStack stack) {
        if (stack == null) {
            return "";
        }
        DecodedFrame f = stack.first();
        return texts.get("viewer.series.item", f.seriesNumber(), f.modality(), f.seriesDescription(), stack.size(),
                stack.expected());
    }

    private sealed interface LoadEvent permits FrameArrived, Progressed, Completed, Failed {
    }

    private record FrameArrived(DecodedFrame frame) implements LoadEvent {
    }

    private record Progressed(int done, int total) implements LoadEvent {
    }

    private record Completed() implements LoadEvent {
    }

    private record Failed(String message) implements LoadEvent {
    }

    /** Feeds one load's events to the JavaFX thread in batches; ignored once it is no longer the current load. */
    private final class Feed implements StudyLoadListener {
        private final UiBatchQueue<LoadEvent> queue = new UiBatchQueue<>(ui, batch -> accept(this, batch));

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
            queue.offer(new Failed(LoadFailureText.of(texts, reason)));
        }
    }
}
