package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static nl.duoviewer.app.testing.Records.report;
import static nl.duoviewer.app.testing.Records.status;
import static nl.duoviewer.app.testing.Records.study;
import static nl.duoviewer.app.workspace.WorkspaceFixture.labelTexts;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRow;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRowsOnScreen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.report.ReportViewModel.Status;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceStatus.State;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.report.PatientReference;
import nl.duoviewer.report.ReportBlock;
import nl.duoviewer.report.ReportFormat;
import nl.duoviewer.report.StructuredReport;

/**
 * The report pane in the main window on a scripted service: it follows the study on screen while open, says when a
 * study has no report, names its reasons in the user's language, and never carries a report over to another patient.
 */
@ExtendWith(ApplicationExtension.class)
class ReportPaneUiTest {

    private static final ReportRecord CT_REPORT = report(PATIENT_A, "1.2.1", "2024-01-02T09:00", "Verslag CT thorax",
            ERASMUS);
    private static final ReportRecord MR_REPORT = report(PATIENT_A, "1.2.2", "2023-01-02T09:00", "Verslag MRI knie",
            ERASMUS);

    private WorkspaceFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WorkspaceFixture(stage);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static StructuredReport text(String line) {
        return new StructuredReport(ReportFormat.TEXT, "", List.of(), List.of(new ReportBlock.Paragraph(line)),
                new PatientReference.NotStated());
    }

    private Timeline openPatientA() throws InterruptedException {
        Fx.run(() -> fx.workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE)));
        Timeline t = fx.service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "1.2.1", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS),
                        study(PATIENT_A, "1.2.2", "2023-01-01T09:00", "MR", "KNEE", "MRI knie", ERASMUS),
                        study(PATIENT_A, "1.2.3", "2022-01-01T09:00", "CR", "HAND", "X hand", ERASMUS)),
                List.of(CT_REPORT, MR_REPORT));
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        Fx.await("rows", () -> studyRowsOnScreen(new FxRobot()).size() == 3);
        return t;
    }

    private Status paneStatus() {
        return Fx.call(() -> fx.workspace.report().statusProperty().get());
    }

    @Test
    void anOpenPaneFollowsTheSelectedStudyAndSaysWhenItHasNoReport(FxRobot robot) throws Exception {
        fx.service.reports(r -> text("Conclusie van " + r.title()));
        openPatientA();
        robot.clickOn(studyRow(robot, "1.2.1").lookup(".report-marker"));
        Fx.await("the CT report", () -> labelTexts(fx.view, "report-paragraph")
                .equals(List.of("Conclusie van Verslag CT thorax")));
        assertEquals(List.of("Verslag CT thorax"), labelTexts(fx.view, "report-title"));

        robot.clickOn(studyRow(robot, "1.2.2"));
        Fx.await("the MR report", () -> labelTexts(fx.view, "report-paragraph")
                .equals(List.of("Conclusie van Verslag MRI knie")));
        robot.clickOn(studyRow(robot, "1.2.3"));
        Fx.await("no report", () -> labelTexts(fx.view, "report-status")
                .equals(List.of("No report is registered for this study.")));
        assertEquals(List.of(CT_REPORT, MR_REPORT), fx.service.reportsOpened());

        robot.press(KeyCode.F2).release(KeyCode.F2);
        Fx.await("closed", () -> !fx.workspace.report().openProperty().get());
        assertTrue(robot.lookup(".report-view").tryQuery().isEmpty());
    }

    @Test
    void everyReasonIsSaidInWordsWithTryAgainWhereItCanHelp(FxRobot robot) throws Exception {
        openPatientA();
        robot.clickOn(studyRow(robot, "1.2.2"));
        for (ReportProblem p : ReportProblem.values()) {
            fx.service.reports(r -> p);
            Fx.run(() -> fx.workspace.report().close());
            robot.press(KeyCode.F2).release(KeyCode.F2);
            Fx.await(p.name(), () -> fx.workspace.report().statusProperty().get().name().equals(p.name()));
            List<String> said = labelTexts(fx.view, "report-status");
            assertEquals(1, said.size());
            assertTrue(!said.getFirst().isBlank() && !said.getFirst().contains("!"), p + ": " + said);
            boolean retry = Fx.call(() -> robot.lookup(".report-retry").query().isVisible());
            assertEquals(p == ReportProblem.UNREACHABLE || p == ReportProblem.NOT_AVAILABLE, retry, p.name());
        }
    }

    @Test
    void aNewPatientClosesThePaneAndALateReportOfTheOldOneNeverShows(FxRobot robot) throws Exception {
        CountDownLatch late = new CountDownLatch(1);
        fx.service.reports(r -> {
            try {
                late.await(10, TimeUnit.SECONDS); // still on its way when the patient changes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text("Verslag van patient A");
        });
        openPatientA();
        robot.clickOn(studyRow(robot, "1.2.1").lookup(".report-marker"));
        Fx.await("loading", () -> paneStatus() == Status.LOADING);
        Fx.run(() -> fx.workspace.open(LaunchContext.of(PATIENT_B, LaunchSource.COMMAND_LINE)));
        late.countDown();
        Thread.sleep(300);
        Fx.await("idle", () -> paneStatus() == Status.IDLE);
        assertTrue(robot.lookup(".report-view").tryQuery().isEmpty(), "no pane under patient B");
        assertTrue(labelTexts(fx.view, "report-paragraph").isEmpty());
    }
}
