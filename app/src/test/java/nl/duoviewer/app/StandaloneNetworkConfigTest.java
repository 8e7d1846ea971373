package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.StudyViewerView;
import nl.duoviewer.network.DuoNetworkMain;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * {@code ./run --config FILE} against the standalone demo network ({@code ./run-network FILE}): the network runs as a
 * separate process, writes its client configuration, and the viewer - started with that file, so without a network
 * of its own - shows the timeline and an image from it.
 */
class StandaloneNetworkConfigTest {

    private Process network;
    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (network != null) {
            network.destroy(); // SIGTERM: its shutdown hook stops the servers
            if (!network.waitFor(20, TimeUnit.SECONDS)) {
                network.destroyForcibly();
            }
        }
    }

    @Test
    void theViewerRunsOnTheConfigurationFileTheStandaloneNetworkWrote(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("duo-network.properties");
        Path log = dir.resolve("network.log");
        network = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                DuoNetworkMain.class.getName(), config.toString(), "--cache", dir.resolve("cache").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && Files.readString(log).contains("Press Ctrl-C"))) {
            assertTrue(network.isAlive(), () -> "the network process ended: " + read(log));
            assertTrue(System.nanoTime() < deadline, () -> "the network did not come up: " + read(log));
            Thread.sleep(100);
        }

        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DuoViewerApp.class, "--config", config.toString(), "--bsn", "999999011");
        OnScreen screen = new OnScreen(new FxRobot());
        DemoCatalogue catalogue = new CatalogueGenerator(CatalogueGenerator.DEFAULT_SEED).generate();
        int studies = catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow().studies().size();
        Fx.await("the timeline from the standalone network", 120, () -> screen.studiesListed() == studies
                && screen.texts("source-row", "source-state").equals(List.of("Complete", "Complete", "Complete")));
        assertEquals("DUO network from duo-network.properties: 3 communities (Founda Health, Enovation, Alphatron TLB)"
                + "  \u00b7  User: DEMO (no real identity)", screen.text("network-line"));
        assertEquals("Patient context: command line", screen.text("#banner-context"));

        DemoStudy xray = catalogue.registrations(Network.FOUNDA, CatalogueGenerator.SHOWCASE_PATIENT).stream()
                .map(DemoCatalogue.Registration::study).filter(s -> s.modality().equals("CR"))
                .min(Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
        new FxRobot().clickOn(screen.studyRow(xray.studyInstanceUid()));
        StudyViewerView viewer = screen.viewer();
        Fx.await("the radiograph", 120,
                () -> viewer.viewModel().study().loadState() == StudyViewModel.LoadState.COMPLETE);
        assertTrue(OnScreen.distinctLevels(Fx.call(() -> viewer.imageViewport().imageProperty().get())) > 30,
                "a real radiograph on screen");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
