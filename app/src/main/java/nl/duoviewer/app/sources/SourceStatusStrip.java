package nl.duoviewer.app.sources;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.SourceStatus;

/**
 * One line per source (community) queried for the patient: its name, where its answer stands (querying, complete,
 * partial, failed, timed out), the consent basis its data is shown and retrieved on (Mitz, or the TLB pilot's
 * temporary consent with its end), how many records of another patient it sent that were withheld, the source's
 * message, and a Retry button whenever a retry can help. A warning line appears when records naming another patient
 * were discarded by the timeline.
 */
public final class SourceStatusStrip extends VBox {

    private final Texts texts;
    private final Consumer<String> retry;
    private final ToIntFunction<String> studiesFrom;
    private final VBox rows = new VBox(2);
    private final Label rejectedWarning = new Label();
    private final ConsentBasisText basisText;

    /**
     * @param statuses the sources to show, kept up to date by the timeline model
     * @param rejected how many records were discarded for naming another patient
     * @param studiesFrom how many studies on the timeline came from a source id
     * @param retry    called with the source id when the user asks for a retry
     */
    public SourceStatusStrip(ObservableList<SourceStatus> statuses, ObservableIntegerValue rejected,
                             ToIntFunction<String> studiesFrom, Texts texts, Consumer<String> retry) {
        this(statuses, rejected, studiesFrom, texts, retry, Clock.systemDefaultZone());
    }

    /** As above, judging whether a temporary consent has ended by this clock (tests move it). */
    public SourceStatusStrip(ObservableList<SourceStatus> statuses, ObservableIntegerValue rejected,
                             ToIntFunction<String> studiesFrom, Texts texts, Consumer<String> retry, Clock clock) {
        this.texts = Objects.requireNonNull(texts);
        this.basisText = new ConsentBasisText(texts, clock);
        this.retry = Objects.requireNonNull(retry);
        this.studiesFrom = Objects.requireNonNull(studiesFrom);
        getStyleClass().add("source-status-strip");
        Label title = new Label(texts.get("sources.title"));
        title.getStyleClass().add("pane-title");
        rejectedWarning.getStyleClass().add("rejected-warning");
        rejectedWarning.setWrapText(true);
        rejectedWarning.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("sources.rejected", rejected.get()), rejected));
        rejectedWarning.visibleProperty().bind(Bindings.greaterThan(rejected, 0));
        rejectedWarning.managedProperty().bind(rejectedWarning.visibleProperty());
        getChildren().addAll(title, rows, rejectedWarning);
        statuses.addListener((ListChangeListener<SourceStatus>) c -> rebuild(statuses));
        rebuild(statuses);
    }

    private void rebuild(ObservableList<SourceStatus> statuses) {
        rows.getChildren().setAll(statuses.stream().map(this::row).toList());
    }

    private HBox row(SourceStatus status) {
        Label name = new Label(status.displayName());
        name.getStyleClass().add("source-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label(texts.get(stateKey(status.state())));
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().addAll("source-state", "state-" + status.state().name().toLowerCase().replace('_', '-'));
        int studies = studiesFrom.applyAsInt(status.sourceId());
        Label count = new Label(texts.get("sources.studies", studies));
        count.getStyleClass().add("source-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        boolean answered = status.state() == SourceStatus.State.COMPLETE || status.state() == SourceStatus.State.PARTIAL;
        count.setVisible(answered || studies > 0);
        count.setManaged(count.isVisible());
        Label basis = new Label(basisText.describe(status.basis()));
        basis.getStyleClass().add("source-basis");
        basis.setId("source-basis-" + status.sourceId().replaceAll("[^A-Za-z0-9]", "-"));
        basis.setMinWidth(Region.USE_PREF_SIZE);
        basis.setVisible(!basis.getText().isEmpty());
        basis.setManaged(basis.isVisible());
        basis.pseudoClassStateChanged(PseudoClass.getPseudoClass("blocked"),
                basisText.blocksRetrieval(status.basis()));
        Label message = new Label(status.message());
        message.getStyleClass().add("source-message");
        message.setWrapText(true);
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.SOMETIMES);
        message.setVisible(!status.message().isBlank());
        message.setManaged(message.isVisible());
        if (!status.message().isBlank()) {
            message.setTooltip(new Tooltip(status.message()));
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, name, state, count, basis, message, grow);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("source-row");
        row.setUserData(status.sourceId());
        row.pseudoClassStateChanged(PseudoClass.getPseudoClass(
                status.state().name().toLowerCase().replace('_', '-')), true);
        if (status.droppedOtherPatient() > 0) {
            row.getChildren().add(row.getChildren().indexOf(count) + 1, dropped(status.droppedOtherPatient()));
        }
        if (status.state().retryable()) {
            Button retryButton = new Button(texts.get("sources.retry"));
            retryButton.getStyleClass().add("retry-button");
            retryButton.setMinWidth(Region.USE_PREF_SIZE);
            retryButton.setOnAction(e -> {
                retryButton.setDisable(true); // one retry per failure; the next status re-enables it
                retry.accept(status.sourceId());
            });
            row.getChildren().add(retryButton);
        }
        return row;
    }

    /** The source sent records naming another patient: they were withheld one by one, and the user is told so. */
    private Label dropped(int records) {
        Label dropped = new Label(texts.get("sources.droppedOtherPatient", records));
        dropped.getStyleClass().add("source-dropped");
        dropped.setMinWidth(Region.USE_PREF_SIZE);
        dropped.setTooltip(new Tooltip(texts.get("sources.droppedOtherPatient.tooltip")));
        return dropped;
    }

    private static String stateKey(SourceStatus.State state) {
        return switch (state) {
            case QUERYING -> "sources.state.querying";
            case COMPLETE -> "sources.state.complete";
            case PARTIAL -> "sources.state.partial";
            case FAILED -> "sources.state.failed";
            case TIMED_OUT -> "sources.state.timedOut";
        };
    }
}
