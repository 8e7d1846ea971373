package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.local.LocalStudyFiles;
import nl.duoviewer.xca.wado.orthanc.OrthancPeer;

/**
 * The hospital's own studies on the DUO timeline, end to end: the viewer started with {@code --config} naming a real
 * Orthanc as the hospital's PACS ({@code duo.local.qidoBase}) beside the embedded DUO network. The PACS holds a
 * study of the demo patient of its own, a copy of a study that is also on DUO (same Study Instance UID) and a study
 * filed under the same number by another issuer (another patient). The timeline shows one row per study, the copy
 * once with both sources and the "Local" label, the other patient's study discarded and counted; a local study opens
 * from the PACS with its images, and Mitz's own counters prove that no Mitz question was asked for it. A PACS that is
 * down is its own failed row beside a full DUO timeline. Headless (Monocle), every wait bounded; Orthanc missing
 * fails in CI.
 */
class LocalStudiesAppTest {

    private static final String BSN = "999999011";
    private static final String PACS = "Radiologie (PACS)";

    @TempDir
    static Path work;
    static OrthancPeer orthanc;
    static LocalStudyFiles.Study ownStudy;
    static DemoStudy duplicated;

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private EmbeddedDuoNetwork net;
    private DemoPatient patient;
    private Application app;

    @BeforeAll
    static void loadThePacs() throws Exception {
        Path dir = Files.createDirectories(work.resolve("orthanc"));
        orthanc = OrthancPeer.start(dir);
        ownStudy = new LocalStudyFiles.Study(BSN, "", "", "1.2.826.0.1.3680043.10.9.1", "20260110", "CT",
                "CT abdomen (eigen ziekenhuis)");
        for (int series = 1; series <= 2; series++) {
            for (int n = 1; n <= 2; n++) {
                orthanc.upload(LocalStudyFiles.instance(ownStudy, series, n));
            }
        }
        duplicated = TestNetwork.smallStudy(Network.ENOVATION, "US", 1);
        orthanc.upload(LocalStudyFiles.instance(new LocalStudyFiles.Study(BSN, "NLMINBIZA", "",
                duplicated.studyInstanceUid(), "20200101", "US", "Echo (eigen kopie)"), 1, 1));
        orthanc.upload(LocalStudyFiles.instance(new LocalStudyFiles.Study(BSN, "ANDERZKH", "",
                "1.2.826.0.1.3680043.10.9.3", "20250101", "CR", "Another patient"), 1, 1));
    }

    @AfterAll
    static void stopThePacs() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private void start(String qidoBase) throws Exception {
        net = TestNetwork.fresh();
        patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        Path config = work.resolve("duoviewer-" + System.nanoTime() + ".properties");
        Files.writeString(config, String.join("\n",
                "duo.local.qidoBase=" + qidoBase,
                "duo.local.name=" + PACS,
                "duo.local.timeout=PT10S",
                "duo.audit.log.folder=" + work.resolve("audit"), ""));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--config", config.toString(), "--bsn", BSN)));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void localStudiesStandNextToDuoStudiesAndOpenWithoutAMitzQuestion() throws Exception {
        start(orthanc.dicomWebBase().toString());
        Fx.await("DUO and the PACS", 90, () -> screen.studiesListed() == patient.studies().size() + 1
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete",
                "Complete", "Complete")));

        assertEquals(List.of("DUO network", PACS, "Founda Health", "Enovation", "Alphatron TLB"),
                screen.texts("source-row", "source-name"));
        assertTrue(screen.texts("source-row", "source-basis").contains("Own institution (no Mitz)"),
                screen.texts("source-row", "source-basis").toString());
        assertTrue(screen.texts("source-row", "source-message").contains(
                "1 study of another patient (another Patient ID or issuer) discarded"),
                screen.texts("source-row", "source-message").toString());
        assertEquals("1 record naming another patient was discarded.", screen.text("rejected-warning"));

        Node own = screen.studyRow(ownStudy.studyUid());
        assertEquals(List.of(PACS), screen.sourceChips(own));
        assertEquals("Local", localMarker(own));

        Node copy = screen.studyRow(duplicated.studyInstanceUid());
        List<String> chips = new ArrayList<>(screen.sourceChips(copy));
        assertEquals(2, chips.size(), "one entry listing both sources: " + chips);
        assertTrue(chips.contains(PACS) && chips.contains(duplicated.institution().name()), chips.toString());
        assertEquals("Local", localMarker(copy));

        Node duoOnly = screen.studyRow(TestNetwork.smallStudy(Network.ALPHATRON, "US", 3).studyInstanceUid());
        assertEquals("", localMarker(duoOnly), "a DUO-only study carries no local label");

        // opening the hospital's own study: images from the PACS, and not one question to Mitz
        Counters mitz = net.mitz().counters();
        long openQuestions = mitz.get(Counters.Kind.MITZ_OPEN);
        long closedQuestions = mitz.get(Counters.Kind.MITZ_CLOSED);
        long enovationRetrievals = net.community(Network.ENOVATION).counters().retrievals();
        robot.clickOn(screen.studyRow(ownStudy.studyUid()));
        StudyViewerView viewer = screen.viewer();
        Fx.await("the local study", 60, () -> viewer.viewModel().study() != null
                && viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE);
        assertEquals("Loaded: 4 images", screen.text("load-status"));
        WritableImage image = Fx.call(() -> viewer.imageViewport().imageProperty().get());
        assertTrue(OnScreen.distinctLevels(image) > 10, "a real image from the PACS, not a flat frame");
        assertTrue(screen.text("overlay-top-right").contains(PACS), screen.text("overlay-top-right"));

        // the copy that DUO also has is opened from the PACS too: no Mitz, no request to the community
        robot.clickOn(screen.studyRow(duplicated.studyInstanceUid()));
        Fx.await("the local copy", 60, () -> viewer.viewModel().study() != null
                && viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE
                && "Loaded: 1 images".equals(screen.text("load-status")));
        assertEquals(openQuestions, mitz.get(Counters.Kind.MITZ_OPEN), "no Mitz open question");
        assertEquals(closedQuestions, mitz.get(Counters.Kind.MITZ_CLOSED), "no Mitz closed question");
        assertEquals(enovationRetrievals, net.community(Network.ENOVATION).counters().retrievals());

        // the counters do count: an external study costs a closed question (Founda runs under Mitz consent)
        DemoStudy external = net.catalogue().registrations(Network.FOUNDA, CatalogueGenerator.SHOWCASE_PATIENT)
                .stream().map(r -> r.study()).filter(st -> !st.performanceStudy() && st.publications().size() == 1)
                .min(java.util.Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
        robot.clickOn(screen.studyRow(external.studyInstanceUid()));
        Fx.await("an external study", 90, () -> viewer.viewModel().study() != null
                && viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE
                && screen.text("overlay-top-right").contains(external.institution().name()));
        assertTrue(mitz.get(Counters.Kind.MITZ_CLOSED) > closedQuestions, "Mitz was asked for the external study");
    }

    @Test
    void aPacsThatIsDownIsItsOwnFailedRowBesideTheWholeDuoTimeline() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start("http://127.0.0.1:" + port + "/dicom-web");
        Fx.await("DUO complete, the PACS failed", 90, () -> screen.studiesListed() == patient.studies().size()
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Failed", "Complete",
                "Complete", "Complete")));
        assertEquals(PACS, screen.texts("source-row", "source-name").get(1));
        assertTrue(screen.texts("source-row", "source-message").stream().anyMatch(m -> m.startsWith(
                "The PACS cannot be reached")), screen.texts("source-row", "source-message").toString());
        assertTrue(Fx.call(() -> robot.lookup(".retry-button").queryAll().size()) >= 1, "the failed row offers retry");
    }

    private String localMarker(Node row) {
        return Fx.call(() -> row.lookupAll(".local-marker").stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).findFirst().orElse(""));
    }
}
