package nl.duoviewer.app.viewer;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The image viewer as a whole: its viewports, the one the keyboard and toolbar act on, and the study opened in it.
 * Today the layout is one viewport; a layout of several (a prior beside the study, two series side by side) adds
 * viewports here and lets each show a {@link StudyViewModel} of its own. UI thread only.
 */
public final class ViewerLayoutViewModel {

    private final ObservableList<ViewportViewModel> viewports = FXCollections.observableArrayList(
            List.of(new ViewportViewModel()));
    private final ObservableList<ViewportViewModel> viewportsView = FXCollections.unmodifiableObservableList(
            viewports);
    private final ReadOnlyObjectWrapper<ViewportViewModel> active = new ReadOnlyObjectWrapper<>(this,
            "activeViewport", viewports.getFirst());
    private final ReadOnlyObjectWrapper<StudyViewModel> study = new ReadOnlyObjectWrapper<>(this, "study");

    /** Opens a study in the active viewport; the study open before is closed (its late frames are dropped). */
    public void open(StudyViewModel next) {
        StudyViewModel before = study.get();
        if (before != null && before != next) {
            before.close();
        }
        study.set(next);
        active.get().show(next);
    }

    /** Empties every viewport and closes the open study. */
    public void clear() {
        StudyViewModel before = study.get();
        if (before != null) {
            before.close();
        }
        study.set(null);
        viewports.forEach(v -> v.show(null));
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

    /** The study opened from the timeline, null when none. */
    public ReadOnlyObjectProperty<StudyViewModel> studyProperty() {
        return study.getReadOnlyProperty();
    }

    public StudyViewModel study() {
        return study.get();
    }
}
