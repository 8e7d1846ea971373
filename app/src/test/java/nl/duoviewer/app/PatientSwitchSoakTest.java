package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.audit.AuditWiring;
import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.soak.AuditRecords;
import nl.duoviewer.app.soak.ProcessProbe;
import nl.duoviewer.app.soak.SoakReport;
import nl.duoviewer.app.soak.SoakScale;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.timeline.TimelineItem;
import nl.duoviewer.audit.log.AuditLog;
import nl.duoviewer.audit.log.LogRecord;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * The application soak (issue 10): the real window on the embedded DUO network, driven as a user would through the
 * toolbar: 20 patients opened one after another (each replacing the one on screen), the timeline of each complete from
 * every community, and a study of each opened from its timeline row and shown. Every study shown belongs to the patient
 * on screen (read from the workstation's own audit trail of what was shown, so the check does not depend on the
 * viewer's internals). Threads, virtual threads, file descriptors, sockets and live heap, read with no patient open,
 * must come back to the band they were in after the first patients; and after the application stops, to what they
 * were before it started. The figures go to {@code target/soak/patients-<scale>.md}.
 */
@Tag("soak")
class PatientSwitchSoakTest {

    /**
     * How far a reading may lie above its reference. The heap band allows for the caches a viewer keeps warm (the
     * decode pool's buffers, JavaFX's image and text caches); one patient's images not released would exceed it.
     */
    static final ProcessProbe.Band BAND = new ProcessProbe.Band(8, 2, 4, 24, 24, 32L << 20);

    /** Patients after which the readings are taken, with no patient open (1-based); the first is the reference. */
    private static final Set<Integer> READ_AFTER = Set.of(2, 5, 10, 15, 20);

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private DuoViewerApp app;
    private String auditFolder;
    private boolean auditFolderMoved;
    /** Studies the viewer's audit trail says were shown, read on from {@link #auditOffset}. */
    private final Set<String> displayedStudies = new java.util.HashSet<>();
    private long auditOffset;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        restoreAuditFolder();
    }

    @Test
    void twentyPatientsOneAfterAnotherComeBackToTheirBandOfThreadsAndHeap() throws Exception {
        SoakScale scale = SoakScale.current();
        SoakReport report = new SoakReport("patients-" + scale.name());
        ProcessProbe probe = new ProcessProbe(Files.createDirectories(dir.resolve("probe")));
        List<ProcessProbe.Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();

        EmbeddedDuoNetwork net = TestNetwork.fresh();
        List<DemoPatient> patients = net.catalogue().patients();
        auditFolder = System.getProperty(AuditWiring.FOLDER_PROPERTY);
        auditFolderMoved = true;
        System.setProperty(AuditWiring.FOLDER_PROPERTY, dir.resolve("audit").toString());
        Stage primary = FxToolkit.registerPrimaryStage();
        // a first application, started, used and stopped: what JavaFX, the JDK and the libraries start once per
        // process (renderer and font threads, cleaners, pollers, pools) then runs, so the second one's stop can be
        // compared with it
        start(net, patients.getFirst());
        awaitTimeline(patients.getFirst());
        DemoStudy warmUp = study(patients.getFirst(), 0);
        robot.clickOn(row(warmUp, "first application"));
        Fx.await("first application: the study shown", 120, () -> displayed(warmUp));
        stopApplication(primary);
        samples.add(probe.sample("a first application stopped (start)"));
        List<String> threadsBefore = ProcessProbe.platformThreadNames();

        start(net, patients.getFirst());
        AuditLog log = app.audit().trail().log();
        int shown = 0;
        List<String> threadsAtReference = List.of();
        Map<String, Long> heapAtReference = Map.of();
        for (int i = 0; i < scale.patientSwitches(); i++) {
            DemoPatient patient = patients.get(i % patients.size());
            if (i > 0) {
                openByHand(patient);
            }
            awaitTimeline(patient);
            checkTimelineHoldsOnly(patient, problems, i);

            DemoStudy study = study(patient, i);
            long servedBefore = served(net);
            robot.clickOn(row(study, "patient " + (i + 1)));
            Fx.await("patient " + (i + 1) + ": the study shown", 120, () -> displayed(study));
            Fx.await("patient " + (i + 1) + ": the whole study sent", 120,
                    () -> served(net) - servedBefore >= study.instanceCount());
            shown++;

            if (READ_AFTER.contains(i + 1)) {
                robot.clickOn("#close-patient");
                Fx.await("no patient on screen", () -> screen.studiesListed() == 0);
                ProcessProbe.settle(30, () -> probe.virtualThreadNames().stream()
                        .noneMatch(n -> n.startsWith("study-retrieval") || n.startsWith("duoviewer-timeline")));
                samples.add(probe.sample("after patient " + (i + 1) + (i + 1 == 2 ? " (reference)" : "")));
                if (i + 1 == 2) {
                    threadsAtReference = ProcessProbe.platformThreadNames();
                    heapAtReference = ProcessProbe.histogram();
                }
            }
        }
        List<String> threadsAtEnd = ProcessProbe.platformThreadNames();
        Map<String, Long> heapAtEnd = ProcessProbe.histogram();

        // every study the viewer showed (by its own audit trail) was a study of the patient it was shown for
        AuditRecords audited = AuditRecords.read(log);
        List<AuditRecords.Event> displays = audited.all().stream()
                .filter(e -> "DUO-STUDY-DISPLAY".equals(e.type())).toList();
        for (AuditRecords.Event e : displays) {
            boolean own = e.studies().stream().allMatch(uid -> net.catalogue().patientOfStudy(uid)
                    .map(p -> p.bsn().value().equals(e.patientBsn())).orElse(false));
            if (!own || e.studies().isEmpty()) {
                problems.add("a study shown for " + e.patientBsn() + " is not theirs: " + e.studies());
            }
        }

        stopApplication(primary);
        samples.add(probe.sample("after the application stopped"));
        List<String> threadsStopped = ProcessProbe.platformThreadNames();

        ProcessProbe.Sample before = samples.getFirst();
        ProcessProbe.Sample reference = samples.get(1);
        ProcessProbe.Sample end = samples.get(samples.size() - 2);
        ProcessProbe.Sample stopped = samples.getLast();
        List<String> grew = new ArrayList<>(BAND.exceeded(reference, end).stream()
                .map(s -> "while running: " + s).toList());
        grew.addAll(BAND.exceeded(before, stopped).stream().map(s -> "after stopping: " + s).toList());

        Path written = report.line("# Application soak, " + scale.name() + " size").line("")
                .line(String.format(Locale.ROOT, "%d patients opened one after another through the toolbar "
                                + "(%d distinct), each timeline complete from every community and one study of each "
                                + "shown (%d study displays in the audit trail, all of the patient on screen), in "
                                + "%.1f min.", shown, Math.min(shown, patients.size()), displays.size(),
                        (System.nanoTime() - started) / 60e9))
                .line("").line("Readings after a full GC, with no patient open (after closing it); the first after "
                        + "a first application was started, used and stopped:").line("")
                .samples(samples).line("")
                .line("Band: " + BAND).line("")
                .line(grew.isEmpty() ? "No growth beyond the band." : "Growth: " + grew).line("")
                .line("Platform threads at the end that were not there at the reference: "
                        + minus(threadsAtEnd, threadsAtReference)).line("")
                .line("Platform threads after stopping that were not there before starting: "
                        + minus(threadsStopped, threadsBefore)).line("")
                .line("Largest live-heap growth by class, reference to end: "
                        + ProcessProbe.growth(heapAtReference, heapAtEnd, 12)).line("")
                .line(problems.isEmpty() ? "Every check held." : "Problems: " + problems)
                .write();

        assertTrue(problems.isEmpty(), problems + " (figures in " + written + ")");
        assertEquals(scale.patientSwitches(), shown);
        assertTrue(displays.size() >= shown, "every study shown is in the audit trail: " + displays.size());
        assertTrue(grew.isEmpty(), "growth beyond the band: " + grew + " (figures in " + written + ")");
    }

    private void start(EmbeddedDuoNetwork net, DemoPatient first) throws Exception {
        app = (DuoViewerApp) FxToolkit.setupApplication(() -> new DuoViewerApp(
                options -> EmbeddedDemoNetwork.attachedTo(net), List.of("--bsn", first.bsn().value())));
        displayedStudies.clear();
    }

    /** Stops the application and lets go of its window's content, which TestFX's reused stage would keep. */
    private void stopApplication(Stage primary) throws Exception {
        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
        Fx.run(() -> primary.setScene(null));
        ProcessProbe.settle(10, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("duoviewer-")));
    }

    /**
     * The study's row, scrolled into view. Scrolled again while it is not on screen: a timeline update that arrives
     * after the sources settled (a report linked, say) may lay the list out anew.
     */
    private javafx.scene.Node row(DemoStudy study, String where) {
        long end = System.nanoTime() + 30_000_000_000L;
        AssertionError last = null;
        while (System.nanoTime() < end) {
            try {
                return screen.studyRow(study.studyInstanceUid());
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw new AssertionError(where + ": no row on screen for " + study.modality() + " of "
                + study.institution().name(), last);
    }

    /** What a user does: the BSN typed into the toolbar's field, then Open. */
    private void openByHand(DemoPatient patient) {
        Fx.run(() -> robot.lookup("#bsn-field").queryAs(TextField.class).clear());
        robot.clickOn("#bsn-field").write(patient.bsn().value());
        robot.clickOn("#open-patient");
    }

    private void awaitTimeline(DemoPatient patient) {
        String bsn = "BSN " + patient.bsn().formatted();
        Fx.await(bsn + ": the timeline from every community", 120, () -> bsn.equals(screen.text("#banner-bsn"))
                && screen.studiesListed() == patient.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
    }

    /** Nothing of the previous patient is left on the timeline. */
    @SuppressWarnings("unchecked")
    private void checkTimelineHoldsOnly(DemoPatient patient, List<String> problems, int i) {
        List<String> others = Fx.call(() -> ((ListView<TimelineItem>) robot.lookup(".timeline-list").queryAs(
                ListView.class)).getItems().stream()
                .filter(item -> item instanceof TimelineItem.Study s && !s.entry().patient().equals(patient.bsn()))
                .map(item -> ((TimelineItem.Study) item).entry().studyInstanceUid()).toList());
        if (!others.isEmpty()) {
            problems.add("patient " + (i + 1) + ": studies of another patient on the timeline: " + others);
        }
    }

    /** A small study of the patient, from a community that changes with every patient. */
    private static DemoStudy study(DemoPatient patient, int i) {
        Network n = Network.values()[i % 3];
        List<DemoStudy> small = patient.studies().stream()
                .filter(s -> !s.performanceStudy() && s.publications().size() == 1 && s.institution().network() == n
                        && s.instanceCount() <= 40)
                .sorted(Comparator.comparingInt(DemoStudy::instanceCount).thenComparing(DemoStudy::studyInstanceUid))
                .toList();
        return small.get((i / 3) % small.size());
    }

    /** True once the viewer's audit trail says this study was shown (reading on where the last call stopped). */
    private boolean displayed(DemoStudy study) {
        try {
            for (AuditLog.Positioned p : app.audit().trail().log().readFrom(auditOffset, 1000)) {
                auditOffset = p.end();
                if (p.record().kind() == LogRecord.Kind.EVENT) {
                    AuditRecords.Event e = AuditRecords.parse(p.record().content());
                    if ("DUO-STUDY-DISPLAY".equals(e.type())) {
                        displayedStudies.addAll(e.studies());
                    }
                }
            }
            return displayedStudies.contains(study.studyInstanceUid());
        } catch (IOException e) {
            throw new AssertionError("the audit log cannot be read", e);
        }
    }

    private static long served(EmbeddedDuoNetwork net) {
        return net.communities().stream().mapToLong(c -> c.counters().instancesServed()).sum();
    }

    private void restoreAuditFolder() {
        if (!auditFolderMoved) {
            return;
        }
        if (auditFolder == null) {
            System.clearProperty(AuditWiring.FOLDER_PROPERTY);
        } else {
            System.setProperty(AuditWiring.FOLDER_PROPERTY, auditFolder);
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> left = new ArrayList<>(a);
        b.forEach(left::remove);
        return left;
    }

}
