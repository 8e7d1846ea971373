package nl.duoviewer.app.timeline;

import java.time.format.DateTimeFormatter;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
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
 * A timeline row: a year heading, or a study with its date, modality badges, report marker, description, body part
 * and the institutions that hold it, marked "local" when the hospital's own PACS holds it. Priors of the selected study get the {@code :prior} pseudo-class.
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
        HBox top = new HBox(6, date, time, modalities, grow, local, prior, report);
        top.setAlignment(Pos.CENTER_LEFT);
        study = new VBox(2, top, description, bodyPart, sources);
        study.getStyleClass().add("study-row-content");
        yearHeader.getStyleClass().add("year-header-label");
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        // take the list's width instead of asking for the content's, so rows wrap rather than scroll sideways
        setPrefWidth(0);
        description.setWrapText(true);
    }

    @Override
    protected void updateItem(TimelineItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("study-row", "year-header");
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
        }
    }

    private void showStudy(TimelineEntry e) {
        getStyleClass().add("study-row");
        setUserData(e.studyInstanceUid());
        if (e.studyDateTime() == null) {
            date.setText(texts.get("timeline.undated"));
            time.setText("");
        } else {
            date.setText(DATE.format(e.studyDateTime()));
            time.setText(TIME.format(e.studyDateTime()));
        }
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
            Label chip = new Label(s.name());
            chip.getStyleClass().add("source-chip");
            chip.setTooltip(new Tooltip(s.ura().isBlank() ? s.homeCommunityId()
                    : texts.get("timeline.sourceTooltip", s.ura(), s.homeCommunityId())));
            sources.getChildren().add(chip);
        }
        boolean hasReport = !e.reports().isEmpty();
        report.setVisible(hasReport);
        report.setManaged(hasReport);
        if (hasReport) {
            report.setTooltip(new Tooltip(String.join("\n",
                    e.reports().stream().map(ReportRecord::title).filter(t -> !t.isBlank()).toList())));
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
