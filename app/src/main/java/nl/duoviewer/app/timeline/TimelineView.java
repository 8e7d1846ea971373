package nl.duoviewer.app.timeline;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The patient's studies as a list, newest first, grouped under year headings, with reports whose images are not on the
 * timeline as rows of their own. Selecting a row (click or keys) sets the model's selected study or report; the list
 * follows the model when rows are replaced by a newer snapshot.
 */
public final class TimelineView extends BorderPane {

    private final TimelineViewModel model;
    private final Texts texts;
    private final ListView<TimelineItem> list = new ListView<>();
    private final Label placeholder = new Label();
    private boolean syncing;

    public TimelineView(TimelineViewModel model, Texts texts) {
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("timeline-view");

        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("timeline.title", model.studyCountProperty().get()), model.studyCountProperty()));
        setTop(title);

        list.getStyleClass().add("timeline-list");
        list.setItems(model.items());
        list.setCellFactory(l -> new StudyCell(texts, model));
        placeholder.getStyleClass().add("timeline-placeholder");
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        setCenter(list);

        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> userSelected(b));
        model.selectedProperty().addListener((o, a, b) -> {
            selectRow();
            list.refresh(); // prior highlighting depends on the selection
        });
        model.selectedReportProperty().addListener((o, a, b) -> selectRow());
        model.revisionProperty().addListener((o, a, b) -> selectRow());
        model.phaseProperty().addListener((o, a, b) -> updatePlaceholder());
        updatePlaceholder();
    }

    private void userSelected(TimelineItem item) {
        if (syncing || model.isUpdating() || item == null) {
            return;
        }
        switch (item) {
            case TimelineItem.Study s -> model.selectedProperty().set(s.entry());
            case TimelineItem.Report r -> model.selectedReportProperty().set(r.report());
            case TimelineItem.YearHeader _ -> selectRow(); // headings are not selectable
        }
    }

    /** Selects the row of the model's selected study or report-only row, or none. */
    private void selectRow() {
        TimelineEntry entry = model.selectedProperty().get();
        ReportRecord report = model.selectedReportProperty().get();
        syncing = true;
        try {
            for (int i = 0; i < model.items().size(); i++) {
                boolean match = switch (model.items().get(i)) {
                    case TimelineItem.Study s -> entry != null
                            && s.entry().studyInstanceUid().equals(entry.studyInstanceUid());
                    case TimelineItem.Report r -> report != null && r.report().equals(report);
                    case TimelineItem.YearHeader _ -> false;
                };
                if (match) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().clearAndSelect(i);
                    }
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private void updatePlaceholder() {
        placeholder.setText(switch (model.phaseProperty().get()) {
            case NO_PATIENT -> texts.get("timeline.placeholder.noPatient");
            case SEARCHING -> texts.get("timeline.placeholder.searching");
            case SETTLED -> texts.get("timeline.placeholder.nothingFound");
            case NO_SOURCE_ANSWERED -> texts.get("timeline.placeholder.noSourceAnswered");
        });
    }

    /** The list, for keyboard focus and tests. */
    public ListView<TimelineItem> list() {
        return list;
    }
}
