package nl.duoviewer.app.viewer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Keeps the viewports of a layout in step with the active one: the slice (matched by {@link SliceSync}, each viewport
 * with its own offset in slices), and on a second toggle window/level, zoom and pan. The active viewport leads: what
 * the user does there is copied to the others, and a viewport whose frames arrive later catches up with it. Scrolling
 * the active viewport alone ({@link #scrollAlone}) changes its offset instead, which is how the user lines up two
 * series that share no Frame of Reference. UI thread only; no controls.
 */
public final class ViewportSync {

    /**
     * How a viewport is kept in step, for its badge.
     *
     * @param mode   how its series is matched to the active viewport's (for the active one: to the first other)
     * @param offset its offset in slices against the others
     */
    public record Status(SliceSync.Mode mode, int offset) {
    }

    private final ObservableList<ViewportViewModel> viewports;
    private final ReadOnlyObjectProperty<ViewportViewModel> active;
    private final BooleanProperty scrolling = new SimpleBooleanProperty(this, "scrolling", true);
    private final BooleanProperty view = new SimpleBooleanProperty(this, "view", false);
    private final Map<ViewportViewModel, Integer> offsets = new HashMap<>();
    private final Map<ViewportViewModel, ReadOnlyObjectWrapper<Status>> statuses = new HashMap<>();
    private final Map<ViewportViewModel, ChangeListener<Object>> listeners = new HashMap<>();
    private boolean syncing;

    ViewportSync(ObservableList<ViewportViewModel> viewports, ReadOnlyObjectProperty<ViewportViewModel> active) {
        this.viewports = viewports;
        this.active = active;
        viewports.forEach(this::watch);
        viewports.addListener((ListChangeListener<ViewportViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unwatch);
                c.getAddedSubList().forEach(this::watch);
            }
            catchUp();
        });
        active.addListener(o -> refreshStatus());
        scrolling.addListener(o -> catchUp());
        view.addListener(o -> catchUp());
    }

    private void watch(ViewportViewModel v) {
        // change (not invalidation) listeners: they see every change even when nothing reads the values
        ChangeListener<Object> changed = (o, before, now) -> changed(v);
        listeners.put(v, changed);
        v.overlayProperty().addListener(changed); // every frame shown, every batch of frames, every zoom
        v.panXProperty().addListener(changed);
        v.panYProperty().addListener(changed);
        statuses.computeIfAbsent(v, k -> new ReadOnlyObjectWrapper<>(this, "status"));
    }

    private void unwatch(ViewportViewModel v) {
        ChangeListener<Object> changed = listeners.remove(v);
        if (changed != null) {
            v.overlayProperty().removeListener(changed);
            v.panXProperty().removeListener(changed);
            v.panYProperty().removeListener(changed);
        }
        offsets.remove(v);
        ReadOnlyObjectWrapper<Status> status = statuses.get(v);
        if (status != null) {
            status.set(null);
        }
    }

    /** Scrolling synchronised across viewports (on by default). */
    public BooleanProperty scrollingProperty() {
        return scrolling;
    }

    /** Window/level, zoom and pan synchronised across viewports (off by default). */
    public BooleanProperty viewProperty() {
        return view;
    }

    /** The viewport's sync status; null while it is not synchronised with another. */
    public ReadOnlyObjectProperty<Status> statusProperty(ViewportViewModel v) {
        return statuses.computeIfAbsent(v, k -> new ReadOnlyObjectWrapper<>(this, "status")).getReadOnlyProperty();
    }

    /** The viewport's offset in slices. */
    public int offset(ViewportViewModel v) {
        return offsets.getOrDefault(v, 0);
    }

    /** Scrolls the active viewport by {@code delta} slices without moving the others: its offset changes by as much. */
    public void scrollAlone(int delta) {
        ViewportViewModel lead = active.get();
        if (lead == null || lead.framesInSeries() == 0) {
            return;
        }
        int before = lead.frameIndex();
        syncing = true;
        try {
            lead.scrollBy(delta);
        } finally {
            syncing = false;
        }
        int moved = lead.frameIndex() - before;
        if (moved != 0) {
            offsets.merge(lead, moved, Integer::sum);
        }
        refreshStatus();
    }

    /** Forgets every offset (a new study, a new comparison). */
    public void resetOffsets() {
        offsets.clear();
        catchUp();
    }

    private void changed(ViewportViewModel v) {
        if (syncing) {
            return;
        }
        if (v == active.get()) {
            lead(v);
        } else {
            catchUp(v);
        }
    }

    /** Brings every viewport in step with the active one. */
    private void catchUp() {
        ViewportViewModel lead = active.get();
        if (lead != null) {
            lead(lead);
        } else {
            refreshStatus();
        }
    }

    private void lead(ViewportViewModel lead) {
        syncing = true;
        try {
            for (ViewportViewModel other : List.copyOf(viewports)) {
                if (other != lead) {
                    follow(lead, other);
                }
            }
        } finally {
            syncing = false;
        }
        refreshStatus();
    }

    private void catchUp(ViewportViewModel follower) {
        ViewportViewModel lead = active.get();
        if (lead == null) {
            return;
        }
        syncing = true;
        try {
            follow(lead, follower);
        } finally {
            syncing = false;
        }
        refreshStatus();
    }

    private void follow(ViewportViewModel lead, ViewportViewModel other) {
        SeriesStack from = lead.seriesProperty().get();
        SeriesStack to = other.seriesProperty().get();
        if (from == null || to == null || lead.currentFrame() == null || other.currentFrame() == null) {
            return;
        }
        if (scrolling.get()) {
            int target = SliceSync.map(from, lead.frameIndex(), to, offset(other) - offset(lead));
            if (target >= 0 && target != other.frameIndex()) {
                other.scrollBy(target - other.frameIndex());
            }
        }
        if (view.get()) {
            WindowLevel window = lead.currentWindow();
            if (window != null && other.currentWindow() != null
                    && lead.currentFrame().modality().equalsIgnoreCase(other.currentFrame().modality())
                    && !window.equals(other.currentWindow())) {
                other.setWindow(window);
            }
            double zoom = lead.zoomProperty().get();
            if (zoom != other.zoomProperty().get()) {
                other.zoomBy(zoom / other.zoomProperty().get());
            }
            double dx = lead.panXProperty().get() - other.panXProperty().get();
            double dy = lead.panYProperty().get() - other.panYProperty().get();
            if (dx != 0 || dy != 0) {
                other.panBy(dx, dy);
            }
        }
    }

    private void refreshStatus() {
        ViewportViewModel lead = active.get();
        List<ViewportViewModel> showing = viewports.stream().filter(v -> v.currentFrame() != null).toList();
        for (ViewportViewModel v : viewports) {
            ReadOnlyObjectWrapper<Status> status = statuses.computeIfAbsent(v,
                    k -> new ReadOnlyObjectWrapper<>(this, "status"));
            if (!scrolling.get() || showing.size() < 2 || v.currentFrame() == null || lead == null) {
                status.set(null);
                continue;
            }
            ViewportViewModel partner = v != lead ? lead
                    : showing.stream().filter(o -> o != lead).findFirst().orElse(null);
            if (partner == null || partner.currentFrame() == null) {
                status.set(null);
                continue;
            }
            Status next = new Status(SliceSync.mode(partner.seriesProperty().get(), v.seriesProperty().get()),
                    offset(v));
            if (!next.equals(status.get())) {
                status.set(next);
            }
        }
    }
}
