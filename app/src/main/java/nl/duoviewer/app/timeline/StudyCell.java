package nl.duoviewer.app.timeline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Cursor;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * A timeline row: a year heading; a study with its date, modality badges, report marker, description, body part and
 * the institutions that hold it, marked "local" when the hospital's own PACS holds it; or a report whose images are not on the timeline ("report only"). The report marker
 * opens the report beside the images. Priors of the selected study get the {@code :prior} pseudo-class.
 */
final class StudyCell extends ListCell<TimelineItem> {

    static final PseudoClass PRIOR = PseudoClass.getPseudoClass("prior");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Texts texts;
    private final TimelineViewModel model;

    private final Label date = new Label();
    private final Label time = new Label();
    private final HBox modalities = new HBox(4);
    private final Label report = new Label();
    private final Label reportOnly = new Label();
    private final Label prior = new Label();
    private final Label local = new Label();
    private final Label description = new Label();
    private final Label bodyPart = new Label();
    private final FlowPane sources = new FlowPane(4, 4);
    private final VBox study;
    private final Label yearHeader = new Label();

    StudyCell(Texts texts, TimelineViewModel model) {
        this.texts = texts;
        this.model = model;
        date.getStyleClass().add("study-date");
        time.getStyleClass().add("study-time");
        report.getStyleClass().add("report-marker");
        report.setText(texts.get("timeline.report"));
        report.setCursor(Cursor.HAND);
        // on press, not click: the press would otherwise select the row, the list rebuilds its cells for the new
        // selection, and the release can land on a cell that never saw the press (no click at all)
        report.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openReport();
                e.consume();
            }
        });
        reportOnly.getStyleClass().add("report-only-marker");
        reportOnly.setText(texts.get("timeline.reportOnly"));
        prior.getStyleClass().add("prior-marker");
        prior.setText(texts.get("timeline.prior"));
        local.getStyleClass().add("local-marker");
        local.setText(texts.get("timeline.local"));
        local.setTooltip(new Tooltip(texts.get("timeline.localTooltip")));
        description.getStyleClass().add("study-description");
        bodyPart.getStyleClass().add("study-body-part");
        sources.getStyleClass().add("study-sources");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(6, date, time, modalities, reportOnly, grow, local, prior, report);
        top.setAlignment(Pos.CENTER_LEFT);
        study = new VBox(2, top, description, bodyPart, sources);
        study.getStyleClass().add("study-row-content");
        yearHeader.getStyleClass().add("year-header-label");
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        // take the list's width instead of asking for the content's, so rows wrap rather than scroll sideways
        setPrefWidth(0);
        description.setWrapText(true);
    }

    /** The report marker was clicked: a study's report opens beside its images, a report-only row's on its own. */
    private void openReport() {
        switch (getItem()) {
            case TimelineItem.Study s -> model.requestReport(s.entry());
            case TimelineItem.Report r -> model.selectedReportProperty().set(r.report());
            case null, default -> {
            }
        }
    }

    @Override
    protected void updateItem(TimelineItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("study-row", "report-row", "year-header");
        pseudoClassStateChanged(PRIOR, false);
        setTooltip(null);
        setUserData(null);
        if (empty || item == null) {
            setGraphic(null);
            setMouseTransparent(false);
            return;
        }
        switch (item) {
            case TimelineItem.YearHeader h -> {
                getStyleClass().add("year-header");
                yearHeader.setText(h.year() == 0 ? texts.get("timeline.undated")
                        : texts.get("timeline.yearHeader", String.valueOf(h.year()), h.studies()));
                setGraphic(yearHeader);
            }
            case TimelineItem.Study s -> showStudy(s.entry());
            case TimelineItem.Report r -> showReportOnly(r.report());
        }
    }

    private void showReportOnly(ReportRecord r) {
        getStyleClass().add("report-row");
        setUserData(r.document().documentUniqueId());
        showDate(r.date());
        modalities.getChildren().clear();
        reportOnly.setVisible(true);
        reportOnly.setManaged(true);
        description.setText(r.title().isBlank() ? texts.get("timeline.noDescription") : r.title());
        bodyPart.setText("");
        bodyPart.setManaged(false);
        bodyPart.setVisible(false);
        sources.getChildren().setAll(chip(r.source()));
        report.setVisible(true);
        report.setManaged(true);
        report.setTooltip(new Tooltip(texts.get("timeline.report.open")));
        prior.setVisible(false);
        prior.setManaged(false);
        setGraphic(study);
    }

    private void showDate(java.time.LocalDateTime when) {
        if (when == null) {
            date.setText(texts.get("timeline.undated"));
            time.setText("");
        } else {
            date.setText(DATE.format(when));
            time.setText(TIME.format(when));
        }
    }

    private Label chip(SourceInstitution s) {
        Label chip = new Label(s.name());
        chip.getStyleClass().add("source-chip");
        chip.setTooltip(new Tooltip(s.ura().isBlank() ? s.homeCommunityId()
                : texts.get("timeline.sourceTooltip", s.ura(), s.homeCommunityId())));
        return chip;
    }

    private void showStudy(TimelineEntry e) {
        getStyleClass().add("study-row");
        setUserData(e.studyInstanceUid());
        showDate(e.studyDateTime());
        reportOnly.setVisible(false);
        reportOnly.setManaged(false);
        modalities.getChildren().clear();
        for (String m : e.modalities()) {
            Label badge = new Label(m);
            badge.getStyleClass().add("modality-badge");
            modalities.getChildren().add(badge);
        }
        description.setText(e.description().isBlank() ? texts.get("timeline.noDescription") : e.description());
        bodyPart.setText(e.bodyPart().isBlank() ? "" : texts.get("timeline.bodyPart", e.bodyPart()));
        bodyPart.setManaged(!e.bodyPart().isBlank());
        bodyPart.setVisible(!e.bodyPart().isBlank());
        sources.getChildren().clear();
        for (SourceInstitution s : e.sources()) {
            sources.getChildren().add(chip(s));
        }
        boolean hasReport = !e.reports().isEmpty();
        report.setVisible(hasReport);
        report.setManaged(hasReport);
        if (hasReport) {
            List<String> lines = new ArrayList<>(
                    e.reports().stream().map(ReportRecord::title).filter(t -> !t.isBlank()).toList());
            lines.add(texts.get("timeline.report.open"));
            report.setTooltip(new Tooltip(String.join("\n", lines)));
        }
        local.setVisible(e.isLocal()); // the hospital's own study (its external copies, if any, are listed too)
        local.setManaged(e.isLocal());
        boolean isPrior = model.isPrior(e);
        pseudoClassStateChanged(PRIOR, isPrior);
        prior.setVisible(isPrior);
        prior.setManaged(isPrior);
        setGraphic(study);
    }
}
