package nl.duoviewer.app.viewer;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * One viewport on screen: the image, a placeholder while there is none, and the four-corner overlay (patient, study,
 * position, window and zoom). Binds a {@link ViewportViewModel} and forwards the mouse to it; decides nothing.
 */
public final class ViewportView extends StackPane {

    private static final DateTimeFormatter STUDY_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final ViewportViewModel model;
    private final Texts texts;
    private final ImageViewport image = new ImageViewport();
    private final StackPane picture = new StackPane(image);
    private final Label placeholder = new Label();
    private final Label topLeft = overlayLabel("overlay-top-left");
    private final Label topRight = overlayLabel("overlay-top-right");
    private final Label bottomLeft = overlayLabel("overlay-bottom-left");
    private final Label bottomRight = overlayLabel("overlay-bottom-right");
    private final InvalidationListener statusChanged = o -> updatePlaceholder();

    public ViewportView(ViewportViewModel model, Texts texts) {
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("viewer-stage");
        placeholder.getStyleClass().add("viewer-placeholder");
        placeholder.setWrapText(true);
        StackPane.setAlignment(topLeft, Pos.TOP_LEFT);
        StackPane.setAlignment(topRight, Pos.TOP_RIGHT);
        StackPane.setAlignment(bottomLeft, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(bottomRight, Pos.BOTTOM_RIGHT);
        picture.getStyleClass().add("viewport-picture");
        getChildren().addAll(picture, placeholder, topLeft, topRight, bottomLeft, bottomRight);

        image.setFocusTraversable(true);
        image.setInput(new ImageViewport.Input() {
            @Override
            public void windowDrag(double dx, double dy) {
                model.dragWindow(dx, dy);
            }

            @Override
            public void pan(double dx, double dy) {
                model.panBy(dx, dy);
            }

            @Override
            public void zoom(double factor) {
                model.zoomBy(factor);
            }

            @Override
            public void scroll(int frames) {
                model.scrollBy(frames);
            }

            @Override
            public void resetZoomAndPan() {
                model.resetZoomAndPan();
            }
        });
        model.displayedProperty().addListener((o, before, now) -> render(now));
        InvalidationListener placed = o -> image.setView(model.zoomProperty().get(), model.panXProperty().get(),
                model.panYProperty().get());
        model.zoomProperty().addListener(placed);
        model.panXProperty().addListener(placed);
        model.panYProperty().addListener(placed);
        model.overlayProperty().addListener((o, before, now) -> updateOverlay(now));
        model.studyProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.statusProperty().removeListener(statusChanged);
            }
            if (now != null) {
                now.statusProperty().addListener(statusChanged);
            }
            updatePlaceholder();
        });
        render(model.displayedProperty().get());
        updateOverlay(model.overlayProperty().get());
        updatePlaceholder();
    }

    /** The image control (tests read its pixels; benchmarks watch it). */
    public ImageViewport imageViewport() {
        return image;
    }

    /**
     * The image with what is drawn on it (measurements) but without the four-corner overlay: what a de-identified
     * export shows. Layers over the image go in here.
     */
    public StackPane picture() {
        return picture;
    }

    public ViewportViewModel viewModel() {
        return model;
    }

    private void render(ViewportViewModel.Displayed d) {
        if (d == null) {
            image.clear();
        } else {
            image.show(d.frame().pixels(), d.window(), new FrameRenderer.Look(d.voiTable(), d.orientation(),
                    d.inverted()));
        }
        updatePlaceholder();
    }

    private void updatePlaceholder() {
        StudyViewModel study = model.study();
        boolean showing = model.displayedProperty().get() != null;
        placeholder.setVisible(!showing);
        if (showing) {
            return;
        }
        if (study == null) {
            placeholder.setText(texts.get("viewer.empty"));
            return;
        }
        StudyViewModel.LoadStatus s = study.statusProperty().get();
        placeholder.setText(switch (s.state()) {
            case LOADING -> texts.get("viewer.loading");
            case COMPLETE -> texts.get("viewer.noImages");
            case FAILED -> texts.get("viewer.status.failed", LoadFailureText.of(texts, s.failure()));
        });
    }

    private void updateOverlay(ViewportViewModel.Overlay o) {
        if (o == null) {
            setTexts("", "", "", "");
            return;
        }
        String name = o.patientName() == null ? "" : o.patientName() + "\n";
        String left = name + texts.get("overlay.bsn", o.bsnFormatted());
        String date = o.studyDateTime() == null ? texts.get("timeline.undated") : STUDY_DATE.format(o.studyDateTime());
        String right = date + "\n" + o.studyDescription() + "\n" + String.join(", ", o.sources());
        DecodedFrame f = o.frame();
        if (f == null) {
            setTexts(left, right, "", "");
            return;
        }
        String series = texts.get("overlay.series", f.seriesNumber(), f.seriesDescription()) + "\n"
                + texts.get("overlay.position", o.position(), o.expected());
        String window = o.voiTable() != null ? texts.get("overlay.voiTable", o.voiTable().explanation()) + "\n"
                : o.window() == null ? ""
                : texts.get("overlay.window", Math.round(o.window().width()), Math.round(o.window().center())) + "\n";
        setTexts(left, right, series, window + texts.get("overlay.zoom", o.zoomPercent()));
    }

    private void setTexts(String tl, String tr, String bl, String br) {
        topLeft.setText(tl);
        topRight.setText(tr);
        bottomLeft.setText(bl);
        bottomRight.setText(br);
    }

    private static Label overlayLabel(String styleClass) {
        Label l = new Label();
        l.getStyleClass().addAll("viewport-overlay", styleClass);
        l.setMouseTransparent(true);
        return l;
    }
}
