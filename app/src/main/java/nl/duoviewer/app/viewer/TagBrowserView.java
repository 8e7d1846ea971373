package nl.duoviewer.app.viewer;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

import nl.duoviewer.app.i18n.Texts;

/**
 * The DICOM tag browser window: the header of the image on screen as a tree (tag, VR, name, value), with a search
 * field. Binds a {@link TagBrowserViewModel}; the rows follow the image while the window is open.
 */
public final class TagBrowserView extends BorderPane {

    private final TreeTableView<TagRow> table = new TreeTableView<>();
    private final TextField search = new TextField();
    private final Texts texts;

    public TagBrowserView(TagBrowserViewModel model, Texts texts) {
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("tag-browser");
        search.setId("tag-search");
        search.setPromptText(texts.get("tags.search"));
        search.textProperty().bindBidirectional(model.filterProperty());
        HBox top = new HBox(8, new Label(texts.get("tags.search.label")), search);
        HBox.setHgrow(search, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        setTop(top);

        table.setId("tag-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.getColumns().add(column(texts.get("tags.column.tag"), 110, TagRow::tagText));
        table.getColumns().add(column(texts.get("tags.column.vr"), 40, TagRow::vr));
        table.getColumns().add(column(texts.get("tags.column.name"), 220, TagRow::keyword));
        table.getColumns().add(column(texts.get("tags.column.value"), 360, this::valueText));
        setCenter(table);
        model.rowsProperty().addListener((o, before, now) -> fill(now, !model.filterProperty().get().isBlank()));
        fill(model.rowsProperty().get(), false);
    }

    /** Opens the browser in a window of its own; closing it tells the tools to stop following the image. */
    public static Stage open(ToolsViewModel tools, Texts texts, Window owner) {
        TagBrowserView view = new TagBrowserView(tools.tagBrowser(), texts);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(texts.get("tags.title"));
        Scene scene = new Scene(view, 780, 640);
        // the main window's stylesheet: the panel colours, not the image area's black fill
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> tools.closeTagBrowser());
        tools.openTagBrowser();
        stage.show();
        return stage;
    }

    /** The tree on screen (tests read it). */
    public TreeTableView<TagRow> table() {
        return table;
    }

    private String valueText(TagRow r) {
        return switch (r.kind()) {
            case VALUE -> r.value();
            case SEQUENCE -> texts.get("tags.items", r.count());
            case ITEM -> texts.get("tags.item", r.count());
            case BINARY -> r.count() < 0 ? texts.get("tags.binary.unknown") : texts.get("tags.binary", r.count());
            case PIXEL_DATA -> texts.get("tags.pixelData");
        };
    }

    private void fill(List<TagRow> rows, boolean expand) {
        TreeItem<TagRow> root = new TreeItem<>();
        add(root, rows, expand);
        table.setRoot(root);
    }

    private static void add(TreeItem<TagRow> parent, List<TagRow> rows, boolean expand) {
        for (TagRow r : rows) {
            TreeItem<TagRow> item = new TreeItem<>(r);
            item.setExpanded(expand); // a search opens the sequences that hold what was found
            add(item, r.children(), expand);
            parent.getChildren().add(item);
        }
    }

    private static TreeTableColumn<TagRow, String> column(String title, double width,
                                                          java.util.function.Function<TagRow, String> text) {
        TreeTableColumn<TagRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? ""
                : text.apply(f.getValue().getValue())));
        return c;
    }
}
