package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.launch.SwitchPatientDialog;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.xca.config.LaunchSettings;

/**
 * Launch safety (decision record 14) on the real window: the embedded demo network is marked DEMO on screen, a
 * configured network is not; a link that would replace the open patient asks first unless it carries the token IT
 * configured; and the running viewer listens on no network address but loopback.
 */
class LaunchSafetyTest {

    static final Bsn SHOWCASE = CatalogueGenerator.SHOWCASE_PATIENT;

    private Application app;
    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private static String title(Stage stage) {
        return Fx.call(stage::getTitle);
    }

    private Node demoMarking() {
        return Fx.call(() -> robot.lookup("#demo-marking").tryQuery().orElse(null));
    }

    @Test
    void withoutAnyConfigurationTheDemoNetworkIsMarkedOnScreen() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = DuoViewerLauncher.onNetwork(TestNetwork.fresh());
        Fx.await("the demo patient", 30, () -> screen.text("#banner-bsn").equals("BSN 9999.99.011"));
        Node marking = demoMarking();
        assertTrue(Fx.call(marking::isVisible));
        String text = screen.text("#demo-marking");
        assertTrue(text.startsWith("DEMO - no configuration found (") && text.contains("Not for patient care"), text);
        assertTrue(Fx.call(() -> marking.getBoundsInParent().getHeight() >= 20), "a band, not a footnote");
        assertTrue(title(stage).startsWith("DUO Viewer - DEMO"), title(stage));

        assertEquals(List.of(), nonLoopbackListeners(), "the viewer and its demo network listen on loopback only");
    }

    @Test
    void askedForWithDemoItSaysSoToo() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = DuoViewerLauncher.onNetwork(TestNetwork.fresh(), "--demo");
        Fx.await("the marking", 30, () -> demoMarking() != null);
        assertEquals("DEMO - built-in demonstration network with invented patients. Not for patient care.",
                screen.text("#demo-marking"));
        assertTrue(title(stage).startsWith("DUO Viewer - DEMO"), title(stage));
    }

    /** The viewer on the test network through a configuration file, as a hospital runs it; IT's token configured. */
    private Stage configured(Path dir, String token) throws Exception {
        EmbeddedDuoNetwork net = TestNetwork.fresh();
        Path config = net.writeClientConfig(dir.resolve("duoviewer.properties"));
        Files.writeString(config, "duo.launch.tokenSha256=" + LaunchSettings.digestHex(token) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> new ConfiguredGateway(config),
                List.of("--config", config.toString(), "--bsn", SHOWCASE.value())));
        Fx.await("the patient", 30, () -> screen.text("#banner-bsn").equals("BSN 9999.99.011"));
        return stage;
    }

    private static void send(String link) {
        InstanceChannel.Result r = InstanceChannel.deliver(InstanceChannel.defaultSocket(), List.of(link));
        assertEquals(InstanceChannel.Delivery.DELIVERED, r.delivery(), r.message());
    }

    private Node dialog() {
        return Fx.call(() -> robot.lookup("#" + SwitchPatientDialog.PANE_ID).tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(null));
    }

    @Test
    void aLinkForAnotherPatientAsksFirstUnlessItCarriesTheConfiguredToken(@TempDir Path dir) throws Exception {
        Stage stage = configured(dir, "ehr-token-from-IT");
        assertNull(demoMarking(), "a configured network is not marked DEMO");
        assertFalse(title(stage).contains("DEMO"), title(stage));
        Bsn other = TestNetwork.get().catalogue().patients().get(1).bsn();
        Bsn third = TestNetwork.get().catalogue().patients().get(2).bsn();

        // a link, e.g. from a web page: the user is asked, and keeping the patient keeps everything as it was
        send("duoviewer://open?bsn=" + other.value());
        Fx.await("the question", () -> dialog() != null);
        String question = Fx.call(() -> ((javafx.scene.control.DialogPane) dialog()).getContentText());
        assertTrue(question.contains("BSN " + other.formatted()) && question.contains("BSN 9999.99.011")
                && question.contains("duoviewer link"), question);
        robot.clickOn("#switch-keep");
        Fx.await("the question answered", () -> dialog() == null);
        assertEquals("BSN 9999.99.011", screen.text("#banner-bsn"));

        // asked again, the user agrees: the other patient replaces the open one
        send("duoviewer://IHEInvokeImageDisplay?requestType=PATIENT&patientID=" + other.value());
        Fx.await("the question", () -> dialog() != null);
        robot.clickOn("#switch-confirm");
        Fx.await("the other patient", () -> screen.text("#banner-bsn").equals("BSN " + other.formatted()));

        // a wrong token is no token: asked again
        send("duoviewer://open?bsn=" + third.value() + "&token=guessed");
        Fx.await("the question", () -> dialog() != null);
        robot.clickOn("#switch-keep");
        Fx.await("the question answered", () -> dialog() == null);
        assertEquals("BSN " + other.formatted(), screen.text("#banner-bsn"));

        // the EHR with IT's token switches at once
        send("duoviewer://open?bsn=" + third.value() + "&token=ehr-token-from-IT");
        Fx.await("the third patient", () -> screen.text("#banner-bsn").equals("BSN " + third.formatted()));
        assertNull(dialog());
        assertTrue(Fx.call(() -> Window.getWindows().size()) >= 1);
    }

    /**
     * TCP sockets this process listens on at an address other than loopback, from the kernel's tables: IHE Invoke
     * Image Display reaches the viewer only as a {@code duoviewer://} link over the user's Unix socket, and the
     * embedded network binds 127.0.0.1, so there must be none.
     */
    static List<String> nonLoopbackListeners() throws IOException {
        Set<String> ours = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        ours.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> found = new ArrayList<>();
        int listening = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                if (!"0A".equals(f[3]) || !ours.contains(f[9])) {
                    continue; // not listening, or not this process's
                }
                listening++;
                String address = f[1].substring(0, f[1].indexOf(':'));
                boolean loopback = address.endsWith("7F") // 127.x.y.z, little-endian, also IPv4-mapped in tcp6
                        || address.equals("00000000000000000000000001000000"); // ::1
                if (!loopback) {
                    found.add(table + " " + f[1]);
                }
            }
        }
        assertTrue(listening > 0, "the check sees this process's listeners (the embedded network's)");
        return found;
    }
}
