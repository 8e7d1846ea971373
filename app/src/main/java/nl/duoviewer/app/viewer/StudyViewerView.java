package nl.duoviewer.app.viewer;

import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * The image viewer on screen: a toolbar (series chooser, CT window presets, reset, and the {@link ReadingToolbar}'s
 * layout, compare and sync controls), the reading tools' bar ({@link ToolsBar}), the series thumbnails, the grid of
 * viewports with their measurements, and a status line with the load's progress. Binds a
 * {@link ViewerLayoutViewModel} and its {@link ToolsViewModel}; the toolbars and keys act on its active viewport.
 * Keys: Up/Down/Left/Right/PageUp/PageDown/Home/End scroll, 1-4 pick a CT preset, R resets the view; the reading
 * keys are {@link ReadingToolbar}'s, the tools' keys are listed at {@link ToolsBar#handleKey}.
 */
public final class StudyViewerView extends BorderPane {

    private final ViewerLayoutViewModel model;
    private final Texts texts;
    private final ViewportGrid grid;
    private final ToolsBar toolsBar;
    private final ComboBox<SeriesStack> seriesChooser = new ComboBox<>();
    private final MenuButton presets;
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label statusText = new Label();
    private final InvalidationListener studyChanged = o -> studyUpdated();
    private StudyViewModel shownStudy;
    private boolean updatingChooser;

    public StudyViewerView(ViewerLayoutViewModel model, ToolsViewModel tools, Texts texts) {
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("study-viewer");
        setFocusTraversable(true);

        seriesChooser.getStyleClass().add("series-chooser");
        seriesChooser.setPromptText(texts.get("viewer.series.prompt"));
        seriesChooser.setCellFactory(l -> new SeriesCell());
        seriesChooser.setButtonCell(new SeriesCell());
        seriesChooser.valueProperty().addListener((o, a, b) -> {
            if (!updatingChooser && b != null) {
                active().showSeries(b);
            }
        });
        presets = new MenuButton(texts.get("viewer.presets"));
        presets.getStyleClass().add("preset-menu");
        for (WindowLevelPreset p : WindowLevelPreset.values()) {
            MenuItem item = new MenuItem(texts.get(p.textKey()) + "  (" + (p.ordinal() + 1) + ")");
            item.setOnAction(e -> active().applyPreset(p));
            presets.getItems().add(item);
        }
        Button reset = new Button(texts.get("viewer.reset"));
        reset.setOnAction(e -> active().resetView());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ReadingToolbar reading = new ReadingToolbar(model, texts);
        HBox toolbar = new HBox(8, seriesChooser, presets, reset, grow);
        toolbar.getStyleClass().add("viewer-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        reading.getStyleClass().add("viewer-toolbar");

        // every viewport of the layout gets its measurement layer; the tools act on the active one
        grid = new ViewportGrid(model, texts, tile -> {
            MeasurementLayer measurements = new MeasurementLayer(tile.viewModel(), tools,
                    tile.view().imageViewport(), texts);
            tile.view().picture().getChildren().add(measurements);
            measurements.takeMouseFrom(tile.view());
        });
        setCenter(grid);
        toolsBar = new ToolsBar(tools, model, this::viewportView, texts);
        setTop(new VBox(toolbar, reading, toolsBar));
        SeriesThumbnails thumbnails = new SeriesThumbnails(model, texts);
        setLeft(thumbnails);

        progressBar.getStyleClass().add("load-progress");
        progressBar.setMaxWidth(Double.MAX_VALUE);
        statusText.getStyleClass().add("load-status");
        VBox bottom = new VBox(2, statusText, progressBar);
        bottom.getStyleClass().add("viewer-statusbar");
        setBottom(bottom);

        // the chooser, presets and status line follow whichever viewport is active
        javafx.beans.value.ChangeListener<StudyViewModel> studyOfActive = (o, a, b) -> follow(b);
        javafx.beans.value.ChangeListener<SeriesStack> seriesOfActive = (o, a, b) -> {
            selectSeries(b);
            thumbnails.seriesShown();
        };
        model.activeViewportProperty().addListener((o, before, now) -> {
            before.studyProperty().removeListener(studyOfActive);
            before.seriesProperty().removeListener(seriesOfActive);
            watchActive(now, studyOfActive, seriesOfActive);
        });
        watchActive(model.activeViewport(), studyOfActive, seriesOfActive);
        addEventFilter(KeyEvent.KEY_PRESSED, reading::keyPressed);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void watchActive(ViewportViewModel active, javafx.beans.value.ChangeListener<StudyViewModel> study,
                             javafx.beans.value.ChangeListener<SeriesStack> series) {
        active.studyProperty().addListener(study);
        active.seriesProperty().addListener(series);
        presets.disableProperty().bind(active.presetsAvailableProperty().not());
        follow(active.study());
    }

    /** The layout this view shows. */
    public ViewerLayoutViewModel viewModel() {
        return model;
    }

    /** The reading tools' bar. */
    public ToolsBar toolsBar() {
        return toolsBar;
    }

    /** The active viewport on screen. */
    public ViewportView viewportView() {
        return grid.tileOf(model.activeViewport()).view();
    }

    /** The image control of the active viewport. */
    public ImageViewport imageViewport() {
        return grid.tileOf(model.activeViewport()).view().imageViewport();
    }

    private ViewportViewModel active() {
        return model.activeViewport();
    }

    /** The active viewport shows another study (or none): the chooser and status line follow it. */
    private void follow(StudyViewModel study) {
        if (shownStudy != null) {
            shownStudy.statusProperty().removeListener(studyChanged);
            shownStudy.revisionProperty().removeListener(studyChanged);
        }
        shownStudy = study;
        updatingChooser = true;
        seriesChooser.setItems(study == null ? FXCollections.observableArrayList() : study.series());
        seriesChooser.setValue(null);
        updatingChooser = false;
        if (study != null) {
            study.statusProperty().addListener(studyChanged);
            study.revisionProperty().addListener(studyChanged);
        }
        studyUpdated();
    }

    private void studyUpdated() {
        seriesChooser.setDisable(shownStudy == null || shownStudy.series().isEmpty());
        selectSeries(active().seriesProperty().get());
        updateStatus();
    }

    private void selectSeries(SeriesStack stack) {
        updatingChooser = true;
        seriesChooser.setValue(null); // the same value again would not redraw the counts
        seriesChooser.setValue(stack);
        updatingChooser = false;
    }

    private void updateStatus() {
        if (shownStudy == null) {
            progressBar.setVisible(false);
            statusText.setText("");
            return;
        }
        StudyViewModel.LoadStatus s = shownStudy.statusProperty().get();
        String text = switch (s.state()) {
            case LOADING -> s.instancesTotal() > 0
                    ? texts.get("viewer.status.progress", s.instancesDone(), s.instancesTotal())
                    : s.frames() > 0 ? texts.get("viewer.status.frames", s.frames())
                    : texts.get("viewer.status.retrieving");
            case COMPLETE -> texts.get("viewer.status.complete", s.frames());
            case FAILED -> texts.get("viewer.status.failed", LoadFailureText.of(texts, s.failure()));
        };
        if (s.dropped() > 0) {
            text += " " + texts.get("viewer.status.memoryLimit", s.dropped());
        }
        statusText.setText(text);
        progressBar.setVisible(s.state() == StudyViewModel.LoadState.LOADING);
        progressBar.setProgress(s.instancesTotal() > 0 ? (double) s.instancesDone() / s.instancesTotal()
                : ProgressBar.INDETERMINATE_PROGRESS);
    }

    private void keyPressed(KeyEvent e) {
        ViewportViewModel v = active();
        switch (e.getCode()) {
            case UP, LEFT -> v.scrollBy(-1);
            case DOWN, RIGHT -> v.scrollBy(1);
            case PAGE_UP -> v.scrollBy(-10);
            case PAGE_DOWN -> v.scrollBy(10);
            case HOME -> v.scrollToFirst();
            case END -> v.scrollToLast();
            case DIGIT1, NUMPAD1 -> v.applyPreset(WindowLevelPreset.SOFT_TISSUE);
            case DIGIT2, NUMPAD2 -> v.applyPreset(WindowLevelPreset.LUNG);
            case DIGIT3, NUMPAD3 -> v.applyPreset(WindowLevelPreset.BONE);
            case DIGIT4, NUMPAD4 -> v.applyPreset(WindowLevelPreset.BRAIN);
            case R -> v.resetView();
            default -> {
                if (!toolsBar.handleKey(e)) {
                    return;
                }
            }
        }
        e.consume();
    }

    private String describe(SeriesStack stack) {
        if (stack == null) {
            return "";
        }
        DecodedFrame f = stack.first();
        return texts.get("viewer.series.item", f.seriesNumber(), f.modality(), f.seriesDescription(), stack.size(),
                stack.expected());
    }

    private final class SeriesCell extends ListCell<SeriesStack> {
        @Override
        protected void updateItem(SeriesStack item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : describe(item));
        }
    }
}
