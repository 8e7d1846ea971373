package nl.duoviewer.app.viewer;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The image viewer as a whole: its layout (1x1, 1x2, 2x2) and viewports, the one the keyboard and toolbar act on,
 * the study opened from the timeline and, while comparing, its prior. In a comparison the current study fills the
 * left column and the prior the right one; {@link ViewportSync} keeps them in step. UI thread only; no controls.
 */
public final class ViewerLayoutViewModel {

    private final ObservableList<ViewportViewModel> viewports = FXCollections.observableArrayList(
            List.of(new ViewportViewModel()));
    private final ObservableList<ViewportViewModel> viewportsView = FXCollections.unmodifiableObservableList(
            viewports);
    private final ReadOnlyObjectWrapper<ViewportViewModel> active = new ReadOnlyObjectWrapper<>(this,
            "activeViewport", viewports.getFirst());
    private final ReadOnlyObjectWrapper<ViewerLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout",
            ViewerLayout.ONE_BY_ONE);
    private final ReadOnlyObjectWrapper<StudyViewModel> study = new ReadOnlyObjectWrapper<>(this, "study");
    private final ReadOnlyObjectWrapper<StudyViewModel> prior = new ReadOnlyObjectWrapper<>(this, "prior");
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(this, "comparing");
    private final ObservableList<TimelineEntry> priorChoices = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> priorChoicesView = FXCollections.unmodifiableObservableList(
            priorChoices);
    private final ViewportSync sync = new ViewportSync(viewportsView, active.getReadOnlyProperty());
    private Runnable onCompare = () -> { };
    private Consumer<TimelineEntry> onPriorChosen = e -> { };

    /**
     * Opens a study from the timeline: every viewport that showed the previous one (or nothing) shows it, and the
     * previous one is closed (its late frames are dropped). A prior on screen stays until the caller replaces it.
     */
    public void open(StudyViewModel next) {
        StudyViewModel before = study.get();
        if (before != null && before != next) {
            before.close();
        }
        study.set(next);
        for (ViewportViewModel v : viewports) {
            if (v.study() == null || v.study() == before || (v.study() != prior.get() && v.study() != next)) {
                v.show(next);
            }
        }
        sync.resetOffsets();
    }

    /** Empties every viewport, closes the open study and its prior, and ends a comparison. */
    public void clear() {
        StudyViewModel before = study.get();
        if (before != null) {
            before.close();
        }
        closePrior();
        study.set(null);
        comparing.set(false);
        priorChoices.clear();
        viewports.forEach(v -> v.show(null));
        sync.resetOffsets();
    }

    /** Shows a layout; viewports added show the current study, viewports removed forget theirs. */
    public void setLayout(ViewerLayout next) {
        if (next == null || next == layout.get()) {
            return;
        }
        layout.set(next);
        while (viewports.size() > next.viewports()) {
            ViewportViewModel gone = viewports.removeLast();
            gone.show(null);
            if (gone == active.get()) {
                active.set(viewports.getFirst());
            }
        }
        while (viewports.size() < next.viewports()) {
            ViewportViewModel added = new ViewportViewModel();
            viewports.add(added);
            added.show(comparing.get() && inRightColumn(viewports.size() - 1) && prior.get() != null
                    ? prior.get() : study.get());
        }
        if (next == ViewerLayout.ONE_BY_ONE && comparing.get()) {
            endComparison(); // one viewport leaves no room for the prior
        }
    }

    /**
     * Starts comparing: at least two viewports, the current study in the left column; the prior (when already
     * chosen) follows with {@link #showPrior}. With {@code choices} non-empty the user must pick one first.
     */
    public void startComparison(List<TimelineEntry> choices) {
        if (study.get() == null) {
            return;
        }
        comparing.set(true);
        if (layout.get() == ViewerLayout.ONE_BY_ONE) {
            setLayout(ViewerLayout.ONE_BY_TWO);
        }
        if (!choices.isEmpty()) {
            closePrior(); // the right column waits for the user's pick
            for (int i = 0; i < viewports.size(); i++) {
                viewports.get(i).show(inRightColumn(i) ? null : study.get());
            }
        }
        priorChoices.setAll(choices);
    }

    /** Shows the prior in the right column; the prior shown before is closed. */
    public void showPrior(StudyViewModel next) {
        if (!comparing.get()) {
            startComparison(List.of());
        }
        priorChoices.clear();
        StudyViewModel before = prior.get();
        if (before != null && before != next) {
            before.close();
        }
        prior.set(next);
        for (int i = 0; i < viewports.size(); i++) {
            viewports.get(i).show(inRightColumn(i) ? next : study.get());
        }
        active.set(viewports.getFirst());
        sync.resetOffsets();
    }

    /** Ends the comparison: the prior is closed and every viewport shows the current study again. */
    public void endComparison() {
        if (!comparing.get()) {
            return;
        }
        comparing.set(false);
        priorChoices.clear();
        closePrior();
        viewports.forEach(v -> {
            if (v.study() != study.get()) {
                v.show(study.get());
            }
        });
        sync.resetOffsets();
    }

    private void closePrior() {
        StudyViewModel before = prior.get();
        if (before != null) {
            before.close();
        }
        prior.set(null);
    }

    private boolean inRightColumn(int index) {
        int columns = layout.get().columns();
        return columns > 1 && index % columns == columns - 1;
    }

    /** Asks for a comparison with the prior (the workspace chooses it and loads it); see {@link #setOnCompare}. */
    public void requestComparison() {
        onCompare.run();
    }

    /** The user picked a prior from {@link #priorChoices()}. */
    public void choosePrior(TimelineEntry entry) {
        if (entry != null && priorChoices.contains(entry)) {
            onPriorChosen.accept(entry);
        }
    }

    /** What the compare button and key do: the workspace's toggle. */
    public void setOnCompare(Runnable handler) {
        onCompare = handler == null ? () -> { } : handler;
    }

    /** What a pick from the prior list does: the workspace loads it. */
    public void setOnPriorChosen(Consumer<TimelineEntry> handler) {
        onPriorChosen = handler == null ? e -> { } : handler;
    }

    /**
     * Moves the active viewport to the next ({@code +1}) or previous ({@code -1}) series of its study, in series
     * order, stopping at the ends.
     */
    public void stepSeries(int delta) {
        ViewportViewModel v = active.get();
        StudyViewModel shown = v.study();
        if (shown == null || shown.series().isEmpty()) {
            return;
        }
        int at = shown.series().indexOf(v.seriesProperty().get());
        int next = Math.max(0, Math.min(shown.series().size() - 1, at + delta));
        if (at < 0 || next != at) {
            v.showSeries(shown.series().get(at < 0 ? 0 : next));
        }
    }

    /**
     * Shows a series of the current study or the prior in a viewport (a thumbnail dropped on it) and makes that
     * viewport the active one. Series of any other study are ignored.
     */
    public void showSeriesIn(ViewportViewModel viewport, String studyInstanceUid, String seriesInstanceUid) {
        if (viewport == null || !viewports.contains(viewport)) {
            return;
        }
        StudyViewModel owner = null;
        for (StudyViewModel candidate : new StudyViewModel[] {study.get(), prior.get()}) {
            if (candidate != null && candidate.entry().studyInstanceUid().equals(studyInstanceUid)) {
                owner = candidate;
            }
        }
        if (owner == null) {
            return;
        }
        SeriesStack stack = owner.series().stream().filter(st -> st.seriesInstanceUid().equals(seriesInstanceUid))
                .findFirst().orElse(null);
        if (stack == null) {
            return;
        }
        if (viewport.study() != owner) {
            viewport.show(owner);
        }
        viewport.showSeries(stack);
        active.set(viewport);
    }

    /** Makes a viewport the one the keyboard and toolbar act on, and the one the others follow. */
    public void activate(ViewportViewModel viewport) {
        if (viewport != null && viewports.contains(viewport)) {
            active.set(viewport);
        }
    }

    /** Moves the keyboard to the next viewport, in reading order. */
    public void activateNext() {
        int at = viewports.indexOf(active.get());
        active.set(viewports.get((at + 1) % viewports.size()));
    }

    /** The viewports, in reading order (left to right, top to bottom). */
    public ObservableList<ViewportViewModel> viewports() {
        return viewportsView;
    }

    /** The viewport the keyboard, toolbar and status line refer to. */
    public ReadOnlyObjectProperty<ViewportViewModel> activeViewportProperty() {
        return active.getReadOnlyProperty();
    }

    public ViewportViewModel activeViewport() {
        return active.get();
    }

    public ReadOnlyObjectProperty<ViewerLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The study opened from the timeline, null when none. */
    public ReadOnlyObjectProperty<StudyViewModel> studyProperty() {
        return study.getReadOnlyProperty();
    }

    public StudyViewModel study() {
        return study.get();
    }

    /** The prior compared with the study, null when none. */
    public ReadOnlyObjectProperty<StudyViewModel> priorProperty() {
        return prior.getReadOnlyProperty();
    }

    public StudyViewModel prior() {
        return prior.get();
    }

    /** True while comparing the study with a prior (chosen, or still to be picked). */
    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    /** The studies to pick a prior from when none was chosen automatically; empty otherwise. */
    public ObservableList<TimelineEntry> priorChoices() {
        return priorChoicesView;
    }

    /** Synchronisation of the viewports. */
    public ViewportSync sync() {
        return sync;
    }
}
