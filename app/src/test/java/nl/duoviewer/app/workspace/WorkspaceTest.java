package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.patient.PatientBannerViewModel.Provenance;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.app.testing.ScriptedImagingService;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.ViewerLayout;
import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.core.patient.SourcePatientInfo;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The workspace as the view model it is: plain JUnit, no JavaFX toolkit, no controls. Its "UI thread" is a queue this
 * test drains; the scripted service runs on real background threads.
 */
class WorkspaceTest {

    final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    final ScriptedImagingService service = new ScriptedImagingService();
    final BackgroundExecutor background = new BackgroundExecutor("workspace-test", 2);
    final Workspace workspace = new Workspace(service, Texts.forLocale(Locale.ENGLISH), ui::add, background);

    @AfterEach
    void close() {
        workspace.close();
        service.close();
        background.close();
    }

    /** Runs the UI thread's tasks until the condition holds (at most 10 s). */
    void uiUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            Runnable r = ui.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
        }
    }

    static StudyRecord registered(String uid, LocalDate born) {
        StudyRecord r = Records.study(PATIENT_A, uid, "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS);
        return new StudyRecord(r.studyInstanceUid(), r.patient(), LocalDateTime.parse("2024-01-01T09:00"),
                Set.of("CT"), "CHEST", "CT thorax", r.accessionNumber(), r.source(), r.manifest(),
                new SourcePatientInfo(PATIENT_A, "de Vries", "Jan", born, Sex.MALE));
    }

    @Test
    void theQueryResultsFillTheBannerAndSelectingAStudyOpensItInTheViewer() throws Exception {
        workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE));
        Timeline t = service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(registered("1.2.5", LocalDate.of(1961, 3, 14))), List.of());
        uiUntil("the study on the timeline", () -> workspace.timeline().find("1.2.5") != null);
        assertEquals("Jan de Vries", workspace.banner().nameProperty().get().value());
        assertEquals(Provenance.SOURCES, workspace.banner().birthDateProperty().get().provenance());

        workspace.timeline().selectedProperty().set(workspace.timeline().find("1.2.5"));
        StudyViewModel study = workspace.viewer().study();
        assertEquals("1.2.5", study.entry().studyInstanceUid());
        assertSame(study, workspace.viewer().activeViewport().study());
        uiUntil("the first slice", () -> workspace.viewer().activeViewport().currentFrame() != null);
        assertEquals("Jan de Vries", workspace.viewer().activeViewport().overlayProperty().get().patientName(),
                "the overlay names the patient as the banner does");
    }

    @Test
    void aPatientSwitchClearsEveryViewModelAtOnceAndTheOldStudyTakesNothingMore() throws Exception {
        workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE));
        Timeline a = service.awaitTimeline(PATIENT_A);
        a.addAll(List.of(registered("1.2.A", LocalDate.of(1961, 3, 14))), List.of());
        uiUntil("A's study", () -> workspace.timeline().find("1.2.A") != null);
        workspace.timeline().selectedProperty().set(workspace.timeline().find("1.2.A"));
        StudyViewModel old = workspace.viewer().study();
        uiUntil("A's first slice", () -> workspace.viewer().activeViewport().currentFrame() != null);

        workspace.open(LaunchContext.of(PATIENT_B, LaunchSource.MANUAL_ENTRY));
        assertEquals(PATIENT_B, workspace.banner().contextProperty().get().patient());
        assertEquals(Provenance.NOT_SUPPLIED, workspace.banner().nameProperty().get().provenance(),
                "A's name from the sources is gone");
        assertNull(workspace.viewer().study());
        assertNull(workspace.viewer().activeViewport().currentFrame());
        assertEquals(0, workspace.timeline().items().size());
        assertTrue(old.isClosed());

        service.releaseRemainingFrames(); // A's load delivers the rest late
        uiUntil("A released", () -> service.released().contains(PATIENT_A));
        uiUntil("A's retrieval cancelled", () -> service.loads().getFirst().isCancelled());
        Thread.sleep(200);
        uiUntil("the late events handled", ui::isEmpty);
        assertEquals(1, old.frameCount(), "nothing of A applied after the switch");
        assertNull(workspace.viewer().activeViewport().currentFrame());
    }

    @Test
    void compareWithPriorLoadsTheChosenPriorBesideTheStudyAndOneViewportOrAPatientSwitchStopsIt() throws Exception {
        workspace.open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE));
        Timeline t = service.awaitTimeline(PATIENT_A);
        t.addAll(List.of(
                Records.study(PATIENT_A, "1.2.9", "2026-10-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS),
                Records.study(PATIENT_A, "1.2.8", "2026-04-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS),
                Records.study(PATIENT_A, "1.2.7", "2026-07-01T09:00", "CR", "CHEST", "X-thorax", ERASMUS),
                Records.study(PATIENT_A, "1.2.6", "2020-04-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        uiUntil("the studies", () -> workspace.timeline().find("1.2.6") != null);
        workspace.timeline().selectedProperty().set(workspace.timeline().find("1.2.9"));
        workspace.compareWithPrior();
        assertEquals("1.2.8", workspace.viewer().prior().entry().studyInstanceUid(), "the newest CT chest before");
        uiUntil("the study and its prior retrieved", () -> service.loads().size() == 2);
        uiUntil("the prior's first slice", () -> workspace.viewer().viewports().get(1).currentFrame() != null);

        workspace.viewer().setLayout(ViewerLayout.ONE_BY_ONE);
        assertNull(workspace.viewer().prior());
        // the two loads start on two background threads, in either order: one is cancelled, the other goes on
        uiUntil("the prior's retrieval cancelled", () -> service.loads().stream().filter(l -> l.isCancelled())
                .count() == 1);
        Thread.sleep(100);
        assertEquals(1, service.loads().stream().filter(l -> !l.isCancelled()).count(), "the study goes on");
        assertFalse(workspace.viewer().study().isClosed());

        workspace.timeline().selectedProperty().set(workspace.timeline().find("1.2.6"));
        workspace.compareWithPrior();
        assertNull(workspace.viewer().prior(), "nothing before 2020: the user picks");
        assertEquals(List.of("1.2.9", "1.2.7", "1.2.8"), workspace.viewer().priorChoices().stream()
                .map(TimelineEntry::studyInstanceUid).toList());
        workspace.viewer().choosePrior(workspace.viewer().priorChoices().getFirst());
        assertEquals("1.2.9", workspace.viewer().prior().entry().studyInstanceUid());

        workspace.open(LaunchContext.of(PATIENT_B, LaunchSource.MANUAL_ENTRY));
        assertNull(workspace.viewer().prior());
        assertFalse(workspace.viewer().comparingProperty().get());
        uiUntil("every retrieval of A cancelled", () -> service.loads().stream().allMatch(l -> l.isCancelled()));
    }
}
