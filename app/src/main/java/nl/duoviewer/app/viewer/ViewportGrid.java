package nl.duoviewer.app.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import nl.duoviewer.app.i18n.Texts;

/**
 * The viewports of a {@link ViewerLayoutViewModel} in its rows and columns, equal in size; rebuilt when the layout
 * changes. Tiles of viewports that stay keep their view (and its rendered image).
 */
final class ViewportGrid extends GridPane {

    private final ViewerLayoutViewModel layout;
    private final Texts texts;
    private final List<ViewportTile> tiles = new ArrayList<>();
    /** Decorates each tile once, when it is made (the reading tools' measurement layer). */
    private final java.util.function.Consumer<ViewportTile> onNewTile;

    ViewportGrid(ViewerLayoutViewModel layout, Texts texts, java.util.function.Consumer<ViewportTile> onNewTile) {
        this.onNewTile = onNewTile;
        this.layout = Objects.requireNonNull(layout);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("viewport-grid");
        layout.viewports().addListener((ListChangeListener<ViewportViewModel>) c -> rebuild());
        layout.layoutProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** The tile of a viewport, null when it is not on screen. */
    ViewportTile tileOf(ViewportViewModel viewport) {
        return tiles.stream().filter(t -> t.viewModel() == viewport).findFirst().orElse(null);
    }

    private void rebuild() {
        List<ViewportViewModel> viewports = layout.viewports();
        List<ViewportTile> kept = new ArrayList<>();
        for (ViewportTile t : tiles) {
            if (viewports.contains(t.viewModel())) {
                kept.add(t);
            } else {
                t.dispose();
            }
        }
        tiles.clear();
        getChildren().clear();
        getRowConstraints().clear();
        getColumnConstraints().clear();
        ViewerLayout shape = layout.layoutProperty().get();
        int columns = Math.max(1, shape.columns());
        int rows = (viewports.size() + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < viewports.size(); i++) {
            ViewportViewModel v = viewports.get(i);
            ViewportTile tile = kept.stream().filter(t -> t.viewModel() == v).findFirst()
                    .orElseGet(() -> {
                        ViewportTile made = new ViewportTile(layout, v, texts);
                        onNewTile.accept(made);
                        return made;
                    });
            tile.setMinSize(0, 0);
            tiles.add(tile);
            add(tile, i % columns, i / columns);
        }
    }
}
