package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.timeline.TimelineItem;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.SyntheticStudyContent;

/**
 * Decision 8 and 17 for reports: while the viewer retrieves and shows a report of every format (and the studies'
 * images beside them), it writes nothing to disk. Runs in a JVM of its own (tag {@code no-disk}, surefire execution
 * {@code reports-write-nothing-to-disk}) whose {@code java.io.tmpdir} and {@code user.home} are folders of this build,
 * emptied before the run and checked after it: no CXF attachment file, no PDFBox scratch file or font cache
 * ({@code ~/.pdfbox.cache}), nothing else. Only JavaFX's extracted native libraries go elsewhere
 * ({@code javafx.cachedir}: the runtime's own files, no patient data) and the embedded network's keys and rendered
 * demo images go to its own folder, because that server stands in for the institutions.
 */
@Tag("no-disk")
class ReportsWriteNothingToDiskTest {

    private static final FxRobot ROBOT = new FxRobot();
    private static final OnScreen SCREEN = new OnScreen(ROBOT);
    private static Path tmp;
    private static Path home;
    private static EmbeddedDuoNetwork net;
    private static DemoPatient patient;
    private static Application app;

    @BeforeAll
    static void startWithEmptyTempAndHome() throws Exception {
        tmp = Path.of(System.getProperty("java.io.tmpdir"));
        home = Path.of(System.getProperty("user.home"));
        assertTrue(tmp.toString().contains("no-disk") && home.toString().contains("no-disk")
                && System.getProperty("duoviewer.noDisk.network") != null,
                "this test runs only in its own surefire execution: tmp " + tmp + ", home " + home);
        Path network = Path.of(System.getProperty("duoviewer.noDisk.network"));
        for (Path dir : List.of(tmp, home, network)) {
            wipe(dir);
            Files.createDirectories(dir);
        }
        net = EmbeddedDuoNetwork.start(new EmbeddedDuoNetwork.Options(CatalogueGenerator.DEFAULT_SEED,
                network.resolve("keys"), catalogue -> new SyntheticStudyContent(catalogue, network.resolve("cache")),
                Set.of(Network.FOUNDA, Network.ENOVATION), nl.duoviewer.network.pki.TestPki.ServerCertificate.VALID,
                nl.duoviewer.network.pki.TestPki.ServerCertificate.VALID));
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--bsn", patient.bsn().value())));
        Fx.await("the timeline", 120, () -> SCREEN.studiesListed() == patient.studies().size()
                && SCREEN.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
        // what the JVM, JavaFX and the network did before the viewer touched a report is not the question here
        assertEquals(List.of(), files(tmp), "temp folder before the first report");
        assertEquals(List.of(), files(home), "home folder before the first report");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (net != null) {
            net.close();
        }
    }

    @Test
    void everyFormatIsRetrievedAndShownWithoutAFileInTempOrHome() throws Exception {
        for (DemoReport.Format format : List.of(DemoReport.Format.PDF, DemoReport.Format.CDA,
                DemoReport.Format.SR, DemoReport.Format.TEXT)) {
            DemoStudy study = net.catalogue().reportOfFormat(patient.bsn(), format).orElseThrow().study();
            Node row = SCREEN.studyRow(study.studyInstanceUid());
            ROBOT.clickOn(Fx.call(() -> row.lookup(".report-marker")));
            awaitShown(format.name());
            if (format == DemoReport.Format.PDF) {
                Fx.await("the rendered page", 60, () -> ROBOT.lookup(".report-page").queryAllAs(ImageView.class)
                        .stream().anyMatch(v -> v.getImage() != null));
                ROBOT.clickOn(".report-text-toggle");
                assertTrue(Fx.call(() -> ROBOT.lookup(".report-text").queryAs(TextArea.class).getText())
                        .contains(study.accessionNumber()));
                ROBOT.clickOn(".report-text-toggle");
            }
        }
        DemoStudy onlyReport = patient.reportOnly().getFirst();
        ROBOT.clickOn(reportRow(onlyReport.report().orElseThrow().documentUid()));
        awaitShown("the report-only entry");
        Fx.await("the last study's images", 120, () -> SCREEN.viewer().viewModel().study() == null
                || SCREEN.viewer().viewModel().study().loadState()
                        != nl.duoviewer.app.viewer.StudyViewModel.LoadState.LOADING);

        assertEquals(List.of(), files(tmp), "temp folder after showing every report format");
        assertEquals(List.of(), files(home), "home folder (PDFBox's font cache would be .pdfbox.cache)");
    }

    private static void awaitShown(String what) {
        for (int attempt = 0; ; attempt++) {
            Fx.await(what, 60, () -> shown() || retryOffered());
            if (shown()) {
                return;
            }
            if (attempt == 2) {
                throw new AssertionError(what + " not shown: " + SCREEN.texts("report-view", "report-status"));
            }
            ROBOT.clickOn(".report-retry"); // a source starved of CPU by a loaded machine; the user tries again
        }
    }

    private static boolean shown() {
        return !ROBOT.lookup(".report-page-count").queryAll().isEmpty()
                || !SCREEN.texts("report-view", "report-heading").isEmpty()
                || !SCREEN.texts("report-view", "report-paragraph").isEmpty();
    }

    private static boolean retryOffered() {
        return ROBOT.lookup(".report-retry").queryAll().stream().anyMatch(Node::isVisible);
    }

    @SuppressWarnings("unchecked")
    private static Node reportRow(String documentUid) {
        Fx.run(() -> {
            ListView<TimelineItem> list = ROBOT.lookup(".timeline-list").queryAs(ListView.class);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof TimelineItem.Report r
                        && r.report().document().documentUniqueId().equals(documentUid)) {
                    list.scrollTo(Math.max(0, i - 2));
                    return;
                }
            }
            throw new AssertionError("report not listed: " + documentUid);
        });
        Fx.await("the report row", () -> ROBOT.lookup(".report-row").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> documentUid.equals(c.getUserData())));
        return Fx.call(() -> ROBOT.lookup(".report-row").queryAllAs(ListCell.class).stream()
                .filter(c -> documentUid.equals(c.getUserData())).findFirst().orElseThrow());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
