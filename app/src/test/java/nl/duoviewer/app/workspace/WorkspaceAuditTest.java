package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static nl.duoviewer.app.testing.Records.study;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import nl.duoviewer.app.audit.AuditPort;
import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.FxThread;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.ScriptedImagingService;
import nl.duoviewer.app.timeline.TimelineItem;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/** What the workspace reports to the audit trail: patients opened and closed, and each study once it is shown. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceAuditTest {

    /** The port, recording what it is told as short strings. */
    static final class RecordingPort implements AuditPort {
        final List<String> said = new CopyOnWriteArrayList<>();

        @Override
        public void patientOpened(Bsn patient) {
            said.add("open " + patient.value());
        }

        @Override
        public void patientClosed(Bsn patient) {
            said.add("close " + patient.value());
        }

        @Override
        public void studyDisplayed(TimelineEntry study) {
            said.add("study " + study.studyInstanceUid() + " of " + study.patient().value());
        }

        @Override
        public void reportDisplayed(ReportRecord report) {
            said.add("report " + report.document().documentUniqueId());
        }

        @Override
        public void exported(Bsn patient, List<String> studyUids, String destination, boolean succeeded) {
            said.add("export " + studyUids);
        }
    }

    private final ScriptedImagingService service = new ScriptedImagingService();
    private final BackgroundExecutor background = new BackgroundExecutor("test-io", 2);
    private final RecordingPort port = new RecordingPort();
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new Workspace(service, Texts.forLocale(Locale.ENGLISH), FxThread.EXECUTOR, background, port);
    }

    @AfterEach
    void close() {
        Fx.run(workspace::close);
        service.close();
        background.close();
    }

    @Test
    void openingSwitchingAndClosingPatientsAndShowingAStudyAreReported() throws Exception {
        Fx.run(() -> workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE)));
        Timeline a = service.awaitTimeline(PATIENT_A);
        a.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("the study on the timeline", () -> workspace.timeline().items().stream()
                .anyMatch(i -> i instanceof TimelineItem.Study));
        assertEquals(List.of("open 999999011"), port.said, "nothing is shown before it is chosen");

        Fx.run(() -> workspace.timeline().selectedProperty().set(workspace.timeline().items().stream()
                .filter(i -> i instanceof TimelineItem.Study).map(i -> ((TimelineItem.Study) i).entry())
                .findFirst().orElseThrow()));
        Fx.await("the first frame reported", () -> port.said.size() == 2);
        service.releaseRemainingFrames();
        Fx.await("the whole study in", () -> workspace.viewer().study() != null
                && workspace.viewer().study().loadState() == nl.duoviewer.app.viewer.StudyViewModel.LoadState.COMPLETE);
        assertEquals(List.of("open 999999011", "study 1.2.5 of 999999011"), port.said, "once per study shown");

        Fx.run(() -> workspace.open(LaunchContext.of(PATIENT_B, LaunchSource.MANUAL_ENTRY)));
        Fx.run(workspace::closePatient);
        assertEquals(List.of("open 999999011", "study 1.2.5 of 999999011", "close 999999011", "open 999998456",
                "close 999998456"), port.said);
    }
}
