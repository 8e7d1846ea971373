package nl.duoviewer.app.viewer;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.InstanceHeader;
import nl.duoviewer.core.pixel.VoiLut;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * One viewport: which study and series it shows, the frame on screen, the window (or the source's VOI LUT table) per
 * series, zoom and pan, rotation, flips and inversion. The view renders {@link #displayedProperty()} and forwards the
 * user's scrolling, dragging and keys to the actions here; it never decides anything itself. UI thread only.
 *
 * <p>The viewport follows its frame, not its index: when frames arrive before the one on screen, the index moves so
 * the user keeps looking at the same slice. The first frame of a study that arrives is shown at once.
 */
public final class ViewportViewModel {

    /** Zoom limits relative to "fit to the viewport" (1). */
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 16;

    /**
     * What the view renders: a frame through a window (null for colour frames) or, when the user chose one, the
     * source's VOI LUT table (then null otherwise), turned and inverted as the user asked.
     */
    public record Displayed(DecodedFrame frame, WindowLevel window, VoiLut.Table voiTable, Orientation orientation,
                            boolean inverted) {

        public Displayed {
            orientation = orientation == null ? Orientation.NONE : orientation;
        }

        /** A frame through a window, as stored. */
        public Displayed(DecodedFrame frame, WindowLevel window) {
            this(frame, window, null, Orientation.NONE, false);
        }
    }

    /**
     * What the four corners say, as data; the view words it.
     *
     * @param patientName  the name the banner shows, null when unknown
     * @param bsnFormatted the BSN as shown, grouped
     * @param sources      the institutions that hold the study
     * @param frame        the frame on screen, null when none
     * @param position     1-based position in the series, 0 when no frame is shown
     * @param expected     frames the series will have, as far as known
     * @param window       the window of a greyscale frame, else null
     * @param zoomPercent  magnification relative to fit, in percent
     * @param voiTable     the source's VOI LUT table in use instead of a window (its explanation may be empty), else
     *                     null
     */
    public record Overlay(String patientName, String bsnFormatted, LocalDateTime studyDateTime,
                          String studyDescription, List<String> sources, DecodedFrame frame, int position,
                          int expected, WindowLevel window, long zoomPercent, InstanceHeader.SourceVoi voiTable) {
    }

    private final ReadOnlyObjectWrapper<StudyViewModel> study = new ReadOnlyObjectWrapper<>(this, "study");
    private final ReadOnlyObjectWrapper<SeriesStack> series = new ReadOnlyObjectWrapper<>(this, "series");
    private final ReadOnlyObjectWrapper<Displayed> displayed = new ReadOnlyObjectWrapper<>(this, "displayed");
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyBooleanWrapper presetsAvailable = new ReadOnlyBooleanWrapper(this, "presetsAvailable");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ReadOnlyDoubleWrapper panX = new ReadOnlyDoubleWrapper(this, "panX");
    private final ReadOnlyDoubleWrapper panY = new ReadOnlyDoubleWrapper(this, "panY");
    private final Map<String, WindowLevel> windows = new HashMap<>();
    /** The source VOI LUT table chosen per series instead of its window. */
    private final Map<String, InstanceHeader.SourceVoi> tables = new HashMap<>();
    private final ReadOnlyObjectWrapper<Orientation> orientation = new ReadOnlyObjectWrapper<>(this, "orientation",
            Orientation.NONE);
    private final ReadOnlyBooleanWrapper inverted = new ReadOnlyBooleanWrapper(this, "inverted");
    private final InvalidationListener framesArrived = o -> framesArrived();
    private final InvalidationListener nameChanged = o -> updateOverlay();
    private DecodedFrame current;
    private int index;

    /** Shows a study (null: nothing). The previous study's frames, windows and view are forgotten. */
    public void show(StudyViewModel next) {
        StudyViewModel before = study.get();
        if (before != null) {
            before.revisionProperty().removeListener(framesArrived);
            before.patientName().removeListener(nameChanged);
        }
        windows.clear();
        tables.clear();
        orientation.set(Orientation.NONE);
        inverted.set(false);
        current = null;
        index = 0;
        series.set(null);
        displayed.set(null);
        presetsAvailable.set(false);
        resetZoomAndPan();
        study.set(next);
        if (next != null) {
            next.revisionProperty().addListener(framesArrived);
            next.patientName().addListener(nameChanged);
            framesArrived();
        }
        updateOverlay();
    }

    /** Shows a series of the study, at its first frame. */
    public void showSeries(SeriesStack stack) {
        if (stack == null || stack == series.get() || stack.size() == 0) {
            return;
        }
        showFrame(stack, stack.get(0));
    }

    /** Moves through the series by {@code delta} frames, stopping at the ends. */
    public void scrollBy(int delta) {
        SeriesStack s = series.get();
        if (s == null) {
            return;
        }
        long target = Math.max(0, Math.min(s.size() - 1L, (long) index + delta));
        if (target != index) {
            showFrame(s, s.get((int) target));
        }
    }

    public void scrollToFirst() {
        scrollBy(Integer.MIN_VALUE);
    }

    public void scrollToLast() {
        scrollBy(Integer.MAX_VALUE);
    }

    /** Sets the window of the series on screen (greyscale only); a source VOI LUT table in use gives way to it. */
    public void setWindow(WindowLevel window) {
        if (current == null || !(current.pixels() instanceof GrayscalePixels) || window == null) {
            return;
        }
        windows.put(current.seriesInstanceUid(), window);
        tables.remove(current.seriesInstanceUid());
        display();
    }

    /** The windows and VOI LUT tables the source offers for the frame on screen (greyscale only). */
    public List<InstanceHeader.SourceVoi> sourceVois() {
        return current == null || !(current.pixels() instanceof GrayscalePixels) ? List.of()
                : current.header().sourceVois();
    }

    /** Uses one of the source's windows or VOI LUT tables ({@link #sourceVois()}) for the series on screen. */
    public void useSourceVoi(InstanceHeader.SourceVoi choice) {
        if (choice == null || !sourceVois().contains(choice)) {
            return;
        }
        switch (choice.voi()) {
            case VoiLut.Window w -> setWindow(new WindowLevel(w.center(), w.width()));
            case VoiLut.Table t -> {
                tables.put(current.seriesInstanceUid(), choice);
                display();
            }
        }
    }

    /** Turns the picture a quarter clockwise. */
    public void rotateClockwise() {
        orient(orientation.get().rotatedClockwise());
    }

    /** Mirrors the picture left to right. */
    public void flipHorizontal() {
        orient(orientation.get().flippedHorizontally());
    }

    /** Mirrors the picture top to bottom. */
    public void flipVertical() {
        orient(orientation.get().flippedVertically());
    }

    /** Inverts the grey scale (or the colours) on screen, on top of how the source says to show it. */
    public void toggleInvert() {
        if (current != null) {
            inverted.set(!inverted.get());
            display();
        }
    }

    private void orient(Orientation next) {
        if (current != null) {
            orientation.set(next);
            display();
        }
    }

    public void applyPreset(WindowLevelPreset preset) {
        if (presetsAvailable.get()) {
            setWindow(preset.window());
        }
    }

    /**
     * A right-button drag: horizontal widens or narrows the window, vertical lowers or raises the level, scaled with
     * the width so a drag feels the same on an 80 HU brain window and a 1500 HU lung window.
     */
    public void dragWindow(double dx, double dy) {
        WindowLevel w = currentWindow();
        if (w == null) {
            return;
        }
        double step = Math.max(0.5, w.width() / 256);
        setWindow(w.adjustedBy(-dy * step, dx * step));
    }

    /** Zooms by a factor, within {@link #MIN_ZOOM}..{@link #MAX_ZOOM}. */
    public void zoomBy(double factor) {
        if (current == null || !(factor > 0)) {
            return;
        }
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
        updateOverlay();
    }

    /** Moves the image by screen pixels. */
    public void panBy(double dx, double dy) {
        if (current == null) {
            return;
        }
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Back to fit-to-viewport, centred. */
    public void resetZoomAndPan() {
        zoom.set(1);
        panX.set(0);
        panY.set(0);
        updateOverlay();
    }

    /** Zoom, pan, orientation, inversion and the window of the series on screen back to how they started. */
    public void resetView() {
        resetZoomAndPan();
        orientation.set(Orientation.NONE);
        inverted.set(false);
        if (current != null) {
            windows.put(current.seriesInstanceUid(), current.initialWindow());
            tables.remove(current.seriesInstanceUid());
            display();
        }
    }

    public ReadOnlyObjectProperty<Orientation> orientationProperty() {
        return orientation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty invertedProperty() {
        return inverted.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StudyViewModel> studyProperty() {
        return study.getReadOnlyProperty();
    }

    public StudyViewModel study() {
        return study.get();
    }

    public ReadOnlyObjectProperty<SeriesStack> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** The frame on screen and its window; null when nothing is shown. */
    public ReadOnlyObjectProperty<Displayed> displayedProperty() {
        return displayed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** True when the CT presets mean something (a CT series, whose values are Hounsfield units). */
    public ReadOnlyBooleanProperty presetsAvailableProperty() {
        return presetsAvailable.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty panXProperty() {
        return panX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty panYProperty() {
        return panY.getReadOnlyProperty();
    }

    /** The frame on screen, null when none. */
    public DecodedFrame currentFrame() {
        return current;
    }

    /** Position of the frame on screen in its series (0-based). */
    public int frameIndex() {
        return index;
    }

    /** Frames received for the series on screen. */
    public int framesInSeries() {
        return series.get() == null ? 0 : series.get().size();
    }

    /** The window of the series on screen, null when none or colour. */
    public WindowLevel currentWindow() {
        return current == null || !(current.pixels() instanceof GrayscalePixels) ? null
                : windows.get(current.seriesInstanceUid());
    }

    /** New frames in the study: show the first one if nothing is shown yet, else keep the same frame in view. */
    private void framesArrived() {
        StudyViewModel s = study.get();
        if (s == null) {
            return;
        }
        if (current == null) {
            DecodedFrame first = s.firstFrame();
            SeriesStack stack = first == null ? null : seriesOf(s, first);
            if (stack != null) {
                showFrame(stack, first);
            }
            return;
        }
        int at = series.get().indexOf(current);
        if (at >= 0) {
            index = at;
        }
        updateOverlay();
    }

    private static SeriesStack seriesOf(StudyViewModel s, DecodedFrame frame) {
        for (SeriesStack stack : s.series()) {
            if (stack.seriesInstanceUid().equals(frame.seriesInstanceUid())) {
                return stack;
            }
        }
        return null;
    }

    private void showFrame(SeriesStack stack, DecodedFrame frame) {
        int at = stack.indexOf(frame);
        if (at < 0) {
            return;
        }
        if (stack != series.get()) {
            series.set(stack);
            presetsAvailable.set("CT".equalsIgnoreCase(stack.first().modality()));
        }
        current = frame;
        index = at;
        windows.putIfAbsent(frame.seriesInstanceUid(), frame.initialWindow());
        display();
        study.get().focus(frame);
    }

    private void display() {
        InstanceHeader.SourceVoi table = currentTable();
        displayed.set(current == null ? null : new Displayed(current, table == null ? currentWindow() : null,
                table == null ? null : (VoiLut.Table) table.voi(), orientation.get(), inverted.get()));
        updateOverlay();
    }

    /** The source VOI LUT table in use for the series on screen, null when its window is. */
    private InstanceHeader.SourceVoi currentTable() {
        return current == null || !(current.pixels() instanceof GrayscalePixels) ? null
                : tables.get(current.seriesInstanceUid());
    }

    private void updateOverlay() {
        StudyViewModel s = study.get();
        if (s == null) {
            overlay.set(null);
            return;
        }
        var entry = s.entry();
        List<String> sources = entry.sources().stream().map(SourceInstitution::name).toList();
        SeriesStack stack = series.get();
        overlay.set(new Overlay(s.patientName().getValue(), s.patient().formatted(), entry.studyDateTime(),
                entry.description(), sources, current, current == null ? 0 : index + 1,
                stack == null ? 0 : stack.expected(), currentTable() == null ? currentWindow() : null,
                Math.round(zoom.get() * 100), currentTable()));
    }
}
