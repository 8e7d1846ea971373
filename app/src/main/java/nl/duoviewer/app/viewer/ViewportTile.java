package nl.duoviewer.app.viewer;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * One cell of the viewer's grid: a {@link ViewportView} with what a layout adds around it: a frame marking the active
 * viewport, a caption naming its study as current or prior with date and institution, how it is synchronised, the
 * list to pick a prior from when none was chosen automatically, and the drop target for a series thumbnail. A press
 * or a wheel turn makes it the active viewport first, so the others follow it.
 */
final class ViewportTile extends BorderPane {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ViewerLayoutViewModel layout;
    private final ViewportViewModel model;
    private final Texts texts;
    private final ViewportView view;
    private final Label caption = new Label();
    private final Label syncLabel = new Label();
    private final VBox chooser;
    private final HBox bar;
    private final InvalidationListener update = o -> update();
    private final ListChangeListener<TimelineEntry> choicesChanged = c -> update();

    ViewportTile(ViewerLayoutViewModel layout, ViewportViewModel model, Texts texts) {
        this.layout = Objects.requireNonNull(layout);
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("viewport-tile");
        view = new ViewportView(model, texts);
        caption.getStyleClass().addAll("viewport-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE); // the sync status gives way first
        syncLabel.getStyleClass().add("viewport-sync");
        syncLabel.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // above the image, not over it: the viewport's own four-corner overlay keeps its place
        bar = new HBox(8, caption, grow, syncLabel);
        bar.getStyleClass().add("viewport-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMouseTransparent(true);

        ListView<TimelineEntry> choices = new ListView<>(layout.priorChoices());
        choices.getStyleClass().add("prior-choices");
        choices.setCellFactory(l -> new ChoiceCell());
        choices.setMaxHeight(320);
        choices.setOnMouseClicked(e -> layout.choosePrior(choices.getSelectionModel().getSelectedItem()));
        choices.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                layout.choosePrior(choices.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Label title = new Label(texts.get("reading.choose.title"));
        title.setWrapText(true);
        title.getStyleClass().add("prior-choices-title");
        chooser = new VBox(8, title, choices);
        chooser.getStyleClass().add("prior-chooser");
        chooser.setMaxWidth(520);
        chooser.setMaxHeight(380);
        StackPane stage = new StackPane(view, chooser);
        stage.setMinSize(0, 0);
        setCenter(stage);
        setTop(bar);

        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            layout.activate(model);
            if (!chooser.isVisible()) {
                view.imageViewport().requestFocus(); // the reading keys act on what was clicked
            }
        });
        addEventFilter(ScrollEvent.SCROLL, e -> layout.activate(model));
        addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            if (e.getGestureSource() instanceof SeriesThumbnails.Thumbnail t) {
                layout.showSeriesIn(model, t.studyInstanceUid(), t.seriesInstanceUid());
                e.consume();
            }
        });
        addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> pseudoDrop(e, true));
        addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> pseudoDrop(e, false));

        layout.activeViewportProperty().addListener(update);
        layout.comparingProperty().addListener(update);
        layout.priorProperty().addListener(update);
        layout.studyProperty().addListener(update);
        layout.priorChoices().addListener(choicesChanged);
        model.studyProperty().addListener(update);
        layout.sync().statusProperty(model).addListener(update);
        update();
    }

    private void pseudoDrop(MouseDragEvent e, boolean over) {
        if (e.getGestureSource() instanceof SeriesThumbnails.Thumbnail) {
            getStyleClass().remove("drop-target");
            if (over) {
                getStyleClass().add("drop-target");
            }
        }
    }

    ViewportView view() {
        return view;
    }

    ViewportViewModel viewModel() {
        return model;
    }

    /** Detaches from the layout's properties when the tile leaves the grid. */
    void dispose() {
        layout.activeViewportProperty().removeListener(update);
        layout.comparingProperty().removeListener(update);
        layout.priorProperty().removeListener(update);
        layout.studyProperty().removeListener(update);
        layout.priorChoices().removeListener(choicesChanged);
        model.studyProperty().removeListener(update);
        layout.sync().statusProperty(model).removeListener(update);
    }

    private void update() {
        boolean several = layout.viewports().size() > 1;
        getStyleClass().remove("active-viewport");
        if (several && layout.activeViewport() == model) {
            getStyleClass().add("active-viewport");
        }
        StudyViewModel shown = model.study();
        boolean comparing = layout.comparingProperty().get();
        if (comparing && shown != null) {
            TimelineEntry e = shown.entry();
            String date = e.studyDateTime() == null ? texts.get("timeline.undated") : DATE.format(e.studyDateTime());
            String where = String.join(", ", e.sources().stream().map(SourceInstitution::name).toList());
            caption.setText(texts.get(shown == layout.prior() ? "reading.role.prior" : "reading.role.current", date,
                    where));
            caption.getStyleClass().removeAll("caption-prior", "caption-current");
            caption.getStyleClass().add(shown == layout.prior() ? "caption-prior" : "caption-current");
            caption.setVisible(true);
        } else {
            caption.setText("");
            caption.setVisible(false);
        }
        ViewportSync.Status status = layout.sync().statusProperty(model).get();
        if (status == null) {
            syncLabel.setText("");
            syncLabel.setVisible(false);
        } else {
            syncLabel.setText(status.mode() == SliceSync.Mode.POSITION
                    ? (status.offset() == 0 ? texts.get("reading.sync.position")
                    : texts.get("reading.sync.positionOffset", signed(status.offset())))
                    : texts.get("reading.sync.relative", signed(status.offset())));
            syncLabel.setVisible(true);
        }
        boolean barShown = caption.isVisible() || syncLabel.isVisible();
        bar.setVisible(barShown);
        bar.setManaged(barShown);
        boolean choosing = comparing && shown == null && !layout.priorChoices().isEmpty()
                && layout.viewports().indexOf(model) % layout.layoutProperty().get().columns()
                        == layout.layoutProperty().get().columns() - 1;
        chooser.setVisible(choosing);
        chooser.setManaged(choosing);
    }

    private static String signed(int offset) {
        return offset > 0 ? "+" + offset : Integer.toString(offset);
    }

    private final class ChoiceCell extends ListCell<TimelineEntry> {
        @Override
        protected void updateItem(TimelineEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            String date = item.studyDateTime() == null ? texts.get("timeline.undated")
                    : DATE.format(item.studyDateTime());
            setText(texts.get("reading.choose.item", date, String.join("/", item.modalities()),
                    item.description(), String.join(", ", item.sources().stream().map(SourceInstitution::name)
                            .toList())));
        }
    }
}
