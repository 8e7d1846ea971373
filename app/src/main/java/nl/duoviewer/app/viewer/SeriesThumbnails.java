package nl.duoviewer.app.viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * The series at a glance: a strip per study on screen (the current one and, while comparing, its prior) with a
 * thumbnail per series, added as soon as the series' first image is decoded and drawn by the viewer's one renderer.
 * A click shows the series in the active viewport; dragging it onto a viewport shows it there.
 */
final class SeriesThumbnails extends ScrollPane {

    static final double SIZE = 84;

    /**
     * One series' thumbnail; it knows its series, so a viewport it is dropped on can show it. Once off the strip it
     * lets go of the series and its pixels ({@link #release}): JavaFX (and a test robot's event log) may keep a
     * removed node as the target of an earlier mouse event, and a closed patient's images must not stay with it.
     */
    static final class Thumbnail extends VBox {
        private final String studyInstanceUid;
        private final String seriesInstanceUid;
        private final ImageViewport image = new ImageViewport();
        private final Label label = new Label();
        private SeriesStack stack;

        Thumbnail(String studyInstanceUid, SeriesStack stack) {
            this.studyInstanceUid = studyInstanceUid;
            this.seriesInstanceUid = stack.seriesInstanceUid();
            this.stack = stack;
            getStyleClass().add("series-thumbnail");
            image.setMinSize(SIZE, SIZE);
            image.setPrefSize(SIZE, SIZE);
            image.setMaxSize(SIZE, SIZE);
            image.setMouseTransparent(true);
            DecodedFrame first = stack.first();
            image.show(first.pixels(), first.initialWindow());
            label.getStyleClass().add("series-thumbnail-label");
            label.setMaxWidth(SIZE + 16);
            label.setWrapText(true);
            label.setMouseTransparent(true);
            getChildren().addAll(image, label);
            setSpacing(2);
        }

        String studyInstanceUid() {
            return studyInstanceUid;
        }

        String seriesInstanceUid() {
            return seriesInstanceUid;
        }

        /** The series shown; null once released. */
        SeriesStack stack() {
            return stack;
        }

        /** Drops the series and the frame drawn: the thumbnail is off the strip for good. */
        void release() {
            stack = null;
            image.clear();
        }
    }

    private final ViewerLayoutViewModel layout;
    private final Texts texts;
    private final VBox content = new VBox(10);
    private final VBox current = new VBox(6);
    private final VBox prior = new VBox(6);
    private final Map<StudyViewModel, InvalidationListener> watching = new HashMap<>();

    SeriesThumbnails(ViewerLayoutViewModel layout, Texts texts) {
        this.layout = Objects.requireNonNull(layout);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("series-thumbnails");
        current.getStyleClass().add("thumbnails-current");
        prior.getStyleClass().add("thumbnails-prior");
        content.getChildren().addAll(current, prior);
        content.getStyleClass().add("series-thumbnails-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(SIZE + 36);
        setPrefWidth(SIZE + 36);
        layout.studyProperty().addListener(o -> rebuild());
        layout.priorProperty().addListener(o -> rebuild());
        layout.activeViewportProperty().addListener(o -> highlight());
        rebuild();
    }

    private void rebuild() {
        watching.forEach((study, listener) -> study.revisionProperty().removeListener(listener));
        watching.clear();
        fill(current, layout.study(), "reading.thumbnails.current");
        fill(prior, layout.prior(), "reading.thumbnails.prior");
    }

    private void fill(VBox box, StudyViewModel study, String titleKey) {
        box.getChildren().forEach(node -> {
            if (node instanceof Thumbnail t) {
                t.release();
            }
        });
        box.getChildren().clear();
        box.setVisible(study != null);
        box.setManaged(study != null);
        if (study == null) {
            return;
        }
        Label title = new Label(texts.get(titleKey));
        title.getStyleClass().add("thumbnails-title");
        box.getChildren().add(title);
        InvalidationListener changed = o -> sync(box, study);
        study.revisionProperty().addListener(changed);
        watching.put(study, changed);
        sync(box, study);
    }

    /** Adds a thumbnail for every series that has its first image now, and refreshes the counts. */
    private void sync(VBox box, StudyViewModel study) {
        if (study != layout.study() && study != layout.prior()) {
            return;
        }
        for (int i = 0; i < study.series().size(); i++) {
            SeriesStack stack = study.series().get(i);
            Thumbnail t = thumbnailOf(box, stack);
            if (t == null && stack.size() > 0) {
                t = new Thumbnail(study.entry().studyInstanceUid(), stack);
                Thumbnail made = t;
                t.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                        layout.showSeriesIn(layout.activeViewport(), made.studyInstanceUid(),
                                made.seriesInstanceUid());
                    }
                });
                t.setOnDragDetected(e -> {
                    made.startFullDrag();
                    e.consume();
                });
                box.getChildren().add(Math.min(box.getChildren().size(), 1 + i), t);
            }
            if (t != null) {
                DecodedFrame f = stack.first();
                t.label.setText(texts.get("reading.thumbnail.item", f.seriesNumber(), f.seriesDescription(),
                        stack.size()));
            }
        }
        highlight();
    }

    private static Thumbnail thumbnailOf(VBox box, SeriesStack stack) {
        for (var node : box.getChildren()) {
            if (node instanceof Thumbnail t && t.stack() == stack) {
                return t;
            }
        }
        return null;
    }

    /** Marks the thumbnail of the series in the active viewport. */
    private void highlight() {
        ViewportViewModel active = layout.activeViewport();
        SeriesStack shown = active == null ? null : active.seriesProperty().get();
        for (VBox box : new VBox[] {current, prior}) {
            for (var node : box.getChildren()) {
                if (node instanceof Thumbnail t) {
                    t.getStyleClass().remove("thumbnail-shown");
                    if (t.stack() == shown) {
                        t.getStyleClass().add("thumbnail-shown");
                    }
                }
            }
        }
    }

    /** Called when the active viewport shows another series. */
    void seriesShown() {
        highlight();
    }
}
