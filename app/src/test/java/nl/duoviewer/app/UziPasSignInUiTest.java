package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.testing.SoftHsm;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.security.VerifiedRequester;

/**
 * The viewer started with a configuration that takes the user from the UZI-pas, on a real PKCS#11 token (SoftHSM2):
 * the PIN dialog appears, a wrong PIN is asked again, the right one signs the card holder in, the status line names
 * them, and the network receives every request in their name, authenticated by smartcard.
 */
class UziPasSignInUiTest {

    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theCardHolderSignsInWithTheirPinAndEveryRequestIsTheirs(@TempDir Path dir) throws Exception {
        EmbeddedDuoNetwork net = TestNetwork.fresh();
        SoftHsm hsm = SoftHsm.shared(net.pki());
        Path config = dir.resolve("uzipas.properties");
        DuoConfigFile.write(net.clientConfig().withKeystore(net.pki().organisationFromEnvironment())
                .withIdentity(new IdentitySettings(List.of(IdentitySource.UZI_PAS), hsm.token(SoftHsm.Card.GOOD),
                        hsm.cardCa())).withTrust(net.pki().trustSettingsWithCardCrl()), config, null);

        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DuoViewerApp.class, "--config", config.toString(), "--bsn",
                CatalogueGenerator.SHOWCASE_PATIENT.value());
        FxRobot robot = new FxRobot();
        OnScreen screen = new OnScreen(robot);

        Fx.await("the PIN dialog", 60, () -> !robot.lookup("#pin-field").queryAll().isEmpty());
        assertEquals("Enter the PIN of your UZI-pas. Every request for images is sent in your name.",
                screen.text("#pin-message"));
        robot.clickOn("#pin-field").write("11112222");
        robot.clickOn("#pin-ok");
        Fx.await("the PIN asked again", 60, () -> !robot.lookup("#pin-error").queryAll().isEmpty());
        assertEquals("The PIN or password was not accepted. Try again.", screen.text("#pin-error"));
        robot.clickOn("#pin-field").write(SoftHsm.PIN);
        robot.clickOn("#pin-ok");

        int studies = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow().studies().size();
        Fx.await("the timeline", 90, () -> screen.studiesListed() == studies);
        Fx.await("the signed-in user on the status line", 30, () -> screen.text("network-line")
                .endsWith("Signed in with UZI-pas: Anna de Vries (UZI " + SoftHsm.UZI_NUMBER + ")"));
        List<VerifiedRequester> seen = net.mitz().counters().requesters();
        assertTrue(!seen.isEmpty());
        for (VerifiedRequester r : seen) {
            assertEquals(SoftHsm.UZI_NUMBER, r.uziNumber());
            assertEquals(SoftHsm.ROLE, r.roleCode());
            assertEquals(IdentitySource.UZI_PAS.authnContextClass(), r.authnContext());
        }
        assertTrue(robot.lookup("#pin-field").queryAll().isEmpty(), "no dialog left open");
        assertTrue(Fx.call(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .noneMatch(l -> l.getText() != null && l.getText().contains(SoftHsm.PIN))), "the PIN shows nowhere");
    }
}
