package nl.duoviewer.app.workspace;

import java.util.Objects;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.patient.PatientBanner;
import nl.duoviewer.app.report.ReportView;
import nl.duoviewer.app.sources.SourceStatusStrip;
import nl.duoviewer.app.timeline.TimelineView;
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.core.patient.Bsn;

/**
 * The main window's layout: the patient banner on top (outside every scrolling area), a toolbar to open a patient by
 * BSN, the timeline with the per-source status beside the study viewer, the report pane beside that while a report is
 * open (F2 opens and closes it), and a status line naming the network. Builds the views for the {@link Workspace}'s
 * view models and forwards the toolbar's actions to it.
 */
public final class WorkspaceView extends BorderPane {

    private final Workspace workspace;
    private final TextField bsnField = new TextField();
    private final Label bsnError = new Label();
    private final Label networkLine = new Label();
    private final VBox top;
    private final PatientBanner banner;
    private final StudyViewerView viewer;

    public WorkspaceView(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
        var texts = workspace.texts();
        getStyleClass().add("workspace");

        bsnField.setPromptText(texts.get("toolbar.bsn.prompt"));
        bsnField.setPrefColumnCount(12);
        bsnField.setId("bsn-field");
        bsnField.setOnAction(e -> openTypedPatient());
        Button open = new Button(texts.get("toolbar.open"));
        open.setId("open-patient");
        open.setOnAction(e -> openTypedPatient());
        Button close = new Button(texts.get("toolbar.close"));
        close.setId("close-patient");
        close.disableProperty().bind(workspace.currentProperty().isNull());
        close.setOnAction(e -> workspace.closePatient());
        bsnError.getStyleClass().add("field-error");
        bsnError.setId("bsn-error");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, new Label(texts.get("toolbar.bsn")), bsnField, open, bsnError, grow,
                close);
        toolbar.getStyleClass().add("app-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        banner = new PatientBanner(workspace.banner(), texts);
        top = new VBox(banner, new LaunchStatusBar(workspace.route(), texts), toolbar);
        setTop(top);

        TimelineView timelineView = new TimelineView(workspace.timeline(), texts);
        VBox.setVgrow(timelineView, Priority.ALWAYS);
        SourceStatusStrip strip = new SourceStatusStrip(workspace.timeline().sources(),
                workspace.timeline().rejectedProperty(), workspace.timeline()::studiesFrom, texts, workspace::retry);
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToWidth(true);
        stripScroll.setMaxHeight(180);
        stripScroll.getStyleClass().add("source-status-scroll");
        VBox left = new VBox(timelineView, stripScroll);
        left.getStyleClass().add("left-pane");
        left.setMinWidth(300);
        viewer = new StudyViewerView(workspace.viewer(), workspace.tools(), texts);
        SplitPane split = new SplitPane(left, viewer);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);
        // the report beside the images: a third, resizable pane while a report is open
        ReportView reportView = new ReportView(workspace.report(), texts);
        workspace.report().openProperty().addListener((o, was, shown) -> {
            if (shown && !split.getItems().contains(reportView)) {
                double first = split.getDividerPositions()[0];
                split.getItems().add(reportView);
                split.setDividerPositions(first, first + (1 - first) * 0.55);
            } else if (!shown) {
                split.getItems().remove(reportView);
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                workspace.toggleReport();
                e.consume();
            }
        });

        networkLine.getStyleClass().add("network-line");
        HBox status = new HBox(networkLine);
        status.getStyleClass().add("app-statusbar");
        setBottom(status);
    }

    /** Shows the DEMO band above the patient banner: this window runs on the embedded demo network. */
    public void showDemoMarking(String text) {
        Label demo = new Label(text);
        demo.setId("demo-marking");
        demo.getStyleClass().add("demo-marking");
        demo.setWrapText(true);
        demo.setMaxWidth(Double.MAX_VALUE);
        top.getChildren().addFirst(demo);
    }

    /** The patient banner on screen. */
    public PatientBanner banner() {
        return banner;
    }

    /** The image viewer on screen. */
    public StudyViewerView viewer() {
        return viewer;
    }

    /** Sets the status line's network description. */
    public void setNetworkDescription(String text) {
        networkLine.setText(text);
    }

    private void openTypedPatient() {
        String typed = bsnField.getText() == null ? "" : bsnField.getText().strip().replace(".", "");
        if (!Bsn.isValid(typed)) {
            bsnError.setText(workspace.texts().get("toolbar.bsn.invalid"));
            return;
        }
        bsnError.setText("");
        bsnField.clear();
        workspace.route().launch(LaunchContext.of(Bsn.parse(typed), LaunchSource.MANUAL_ENTRY));
    }
}
