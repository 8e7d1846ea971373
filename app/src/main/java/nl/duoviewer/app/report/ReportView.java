package nl.duoviewer.app.report;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.report.PageImage;
import nl.duoviewer.report.PdfReport;
import nl.duoviewer.report.ReportBlock;
import nl.duoviewer.report.ReportDocument;
import nl.duoviewer.report.StructuredReport;

/**
 * The report pane beside the images. Draws what the {@link ReportViewModel} holds: the report's title, source and
 * format, a chooser when the study has several reports, and either the reason it is not shown (translated), the PDF's
 * pages (rendered on demand as they scroll into view, with the page count and a selectable text view), or the
 * structured text of a CDA, SR or plain-text report (header facts, headings, paragraphs, lists, tables, labelled
 * values). Forwards close, retry and page requests to the model; holds no state of its own beyond converted images.
 */
public final class ReportView extends BorderPane {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ReportViewModel model;
    private final Texts texts;
    private final Label title = new Label();
    private final Label source = new Label();
    private final ComboBox<ReportRecord> chooser = new ComboBox<>();
    private final ToggleButton textToggle = new ToggleButton();
    private final Label status = new Label();
    private final Button retry = new Button();
    private final Label pageCount = new Label();
    private final ListView<Integer> pageList = new ListView<>();
    private final TextArea pdfText = new TextArea();
    private final VBox body = new VBox(6);
    private final ScrollPane bodyScroll = new ScrollPane(body);
    private final StackPane content = new StackPane();
    /** Screen images of the model's page pixels, converted once each. */
    private final Map<PageImage, WritableImage> converted = new WeakHashMap<>();
    private boolean updatingChooser;

    public ReportView(ReportViewModel model, Texts texts) {
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("report-view");
        setMinWidth(260);

        title.getStyleClass().add("report-title");
        title.setWrapText(true);
        source.getStyleClass().add("report-source");
        Button close = new Button("\u2715");
        close.getStyleClass().add("report-close");
        close.setTooltip(new Tooltip(texts.get("report.close")));
        close.setOnAction(e -> model.close());
        chooser.getStyleClass().add("report-chooser");
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportRecord r) {
                return r == null ? "" : describe(r);
            }

            @Override
            public ReportRecord fromString(String s) {
                return null;
            }
        });
        chooser.setItems(model.choices());
        chooser.valueProperty().addListener((o, a, b) -> {
            if (!updatingChooser && b != null && !b.equals(model.reportProperty().get())) {
                model.show(b, model.choices());
            }
        });
        textToggle.setText(texts.get("report.showText"));
        textToggle.getStyleClass().add("report-text-toggle");
        textToggle.selectedProperty().addListener((o, a, b) -> showContent());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, title, grow, textToggle, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, source, chooser);
        top.getStyleClass().add("report-header");
        setTop(top);

        status.getStyleClass().add("report-status");
        status.setWrapText(true);
        retry.setText(texts.get("report.retry"));
        retry.getStyleClass().add("report-retry");
        retry.setOnAction(e -> model.retry());
        pageCount.getStyleClass().add("report-page-count");
        pageList.getStyleClass().add("report-pages");
        pageList.setCellFactory(l -> new PageCell());
        pdfText.getStyleClass().add("report-text");
        pdfText.setEditable(false);
        pdfText.setWrapText(true);
        body.getStyleClass().add("report-body");
        bodyScroll.setFitToWidth(true);
        bodyScroll.getStyleClass().add("report-body-scroll");
        setCenter(content);

        model.statusProperty().addListener((o, a, b) -> refresh());
        model.reportProperty().addListener((o, a, b) -> refresh());
        model.documentProperty().addListener((o, a, b) -> refresh());
        model.choices().addListener((javafx.collections.ListChangeListener<ReportRecord>) c -> syncChooser());
        model.pages().addListener((MapChangeListener<Integer, PageImage>) c -> pageList.refresh());
        model.failedPages().addListener((SetChangeListener<Integer>) c -> pageList.refresh());
        refresh();
    }

    private String describe(ReportRecord r) {
        return (r.date() == null ? texts.get("timeline.undated") : DATE.format(r.date())) + "  " + r.title() + "  ("
                + r.source().name() + ")";
    }

    private void syncChooser() {
        updatingChooser = true;
        try {
            chooser.setValue(model.reportProperty().get());
        } finally {
            updatingChooser = false;
        }
        boolean several = model.choices().size() > 1;
        chooser.setVisible(several);
        chooser.setManaged(several);
    }

    private void refresh() {
        ReportRecord r = model.reportProperty().get();
        ReportDocument doc = model.documentProperty().get();
        title.setText(r == null || r.title().isBlank() ? texts.get("report.title") : r.title());
        String format = doc == null ? "" : "  \u00b7  " + texts.get("report.format." + doc.format().name());
        source.setText(r == null ? "" : r.source().name() + "  \u00b7  "
                + (r.date() == null ? texts.get("timeline.undated") : DATE.format(r.date())) + format);
        syncChooser();
        boolean pdf = doc instanceof PdfReport;
        textToggle.setVisible(pdf);
        textToggle.setManaged(pdf);
        if (!pdf) {
            textToggle.setSelected(false);
        }
        showContent();
    }

    private void showContent() {
        ReportDocument doc = model.documentProperty().get();
        ReportViewModel.Status s = model.statusProperty().get();
        if (s != ReportViewModel.Status.SHOWN || doc == null) {
            status.setText(texts.get("report.status." + s.name()));
            retry.setVisible(model.canRetry());
            retry.setManaged(model.canRetry());
            VBox box = new VBox(10, status, retry);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().add("report-message");
            content.getChildren().setAll(box);
            return;
        }
        switch (doc) {
            case PdfReport p -> {
                pageCount.setText(texts.get("report.pages", p.pageCount()));
                if (textToggle.isSelected()) {
                    pdfText.setText(p.text());
                    content.getChildren().setAll(new VBox(4, pageCount, grow(pdfText)));
                } else {
                    pageList.getItems().setAll(java.util.stream.IntStream.range(0, p.pageCount()).boxed().toList());
                    content.getChildren().setAll(new VBox(4, pageCount, grow(pageList)));
                }
            }
            case StructuredReport sr -> {
                drawStructured(sr);
                content.getChildren().setAll(bodyScroll);
            }
        }
    }

    private static Node grow(Region node) {
        VBox.setVgrow(node, Priority.ALWAYS);
        return node;
    }

    private void drawStructured(StructuredReport r) {
        body.getChildren().clear();
        if (!r.title().isEmpty()) {
            body.getChildren().add(label(r.title(), "report-document-title"));
        }
        if (!r.header().isEmpty()) {
            GridPane facts = new GridPane();
            facts.getStyleClass().add("report-facts");
            facts.setHgap(10);
            facts.setVgap(2);
            int row = 0;
            for (StructuredReport.HeaderField f : r.header()) {
                facts.addRow(row++, label(texts.get("report.header." + f.kind().name()), "report-field-label"),
                        label(f.value(), "report-field-value"));
            }
            body.getChildren().add(facts);
        }
        for (ReportBlock b : r.blocks()) {
            body.getChildren().add(block(b));
        }
    }

    private Node block(ReportBlock b) {
        return switch (b) {
            case ReportBlock.Heading h -> {
                Label l = label(h.title(), "report-heading");
                l.getStyleClass().add("report-heading-" + Math.min(h.level(), 3));
                yield l;
            }
            case ReportBlock.Paragraph p -> label(p.content(), "report-paragraph");
            case ReportBlock.ItemList list -> {
                VBox items = new VBox(2);
                items.getStyleClass().add("report-list");
                for (int i = 0; i < list.items().size(); i++) {
                    items.getChildren().add(label((list.ordered() ? (i + 1) + ". " : "\u2022 ") + list.items().get(i),
                            "report-list-item"));
                }
                yield items;
            }
            case ReportBlock.Table t -> {
                VBox box = new VBox(2);
                if (!t.caption().isEmpty()) {
                    box.getChildren().add(label(t.caption(), "report-table-caption"));
                }
                GridPane grid = new GridPane();
                grid.getStyleClass().add("report-table");
                int row = 0;
                if (!t.header().isEmpty()) {
                    for (int c = 0; c < t.header().size(); c++) {
                        grid.add(label(t.header().get(c), "report-table-header"), c, row);
                    }
                    row++;
                }
                for (var cells : t.rows()) {
                    for (int c = 0; c < cells.size(); c++) {
                        grid.add(label(cells.get(c), "report-table-cell"), c, row);
                    }
                    row++;
                }
                box.getChildren().add(grid);
                yield box;
            }
            case ReportBlock.Field f -> {
                Label name = label(f.label(), "report-field-label");
                name.setMinWidth(Region.USE_PREF_SIZE);
                HBox line = new HBox(8, name, label(f.value(), "report-field-value"));
                line.getStyleClass().add("report-field");
                yield line;
            }
        };
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** One PDF page: asks the model for it when shown, draws it fitted to the pane's width once it is rendered. */
    private final class PageCell extends ListCell<Integer> {
        private final ImageView image = new ImageView();
        private final Label placeholder = new Label();
        private final StackPane box = new StackPane(image, placeholder);

        PageCell() {
            getStyleClass().add("report-page-cell");
            image.getStyleClass().add("report-page");
            image.setPreserveRatio(true);
            image.setSmooth(true);
            image.fitWidthProperty().bind(pageList.widthProperty().subtract(28));
            placeholder.getStyleClass().add("report-page-placeholder");
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null || !(model.documentProperty().get() instanceof PdfReport pdf)) {
                setGraphic(null);
                image.setImage(null);
                return;
            }
            PageImage pixels = model.pages().get(index);
            if (pixels == null) {
                image.setImage(null);
                placeholder.setText(texts.get(model.failedPages().contains(index) ? "report.page.failed"
                        : "report.page.rendering", index + 1));
                PdfReport.PageSize size = pdf.pageSize(index);
                double width = Math.max(100, pageList.getWidth() - 28);
                box.setPrefHeight(width * size.height() / size.width());
                model.requestPage(index);
            } else {
                image.setImage(converted.computeIfAbsent(pixels, ReportView::toImage));
                placeholder.setText("");
                box.setPrefHeight(Region.USE_COMPUTED_SIZE);
            }
            setGraphic(box);
        }
    }

    private static WritableImage toImage(PageImage p) {
        WritableImage img = new WritableImage(p.width(), p.height());
        img.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        return img;
    }

    /** The list of PDF pages, for tests. */
    public ListView<Integer> pageList() {
        return pageList;
    }
}
