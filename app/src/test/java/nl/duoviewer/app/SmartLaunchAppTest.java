package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.Application;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.OnScreen;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.workspace.LaunchRoute.ReplaceConfirmation;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.ehr.sandbox.Clinician;
import nl.duoviewer.ehr.sandbox.EdgeCasePatient;
import nl.duoviewer.ehr.sandbox.HeadlessBrowser;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoPatient;

/**
 * The viewer started as {@code ./run --demo-ehr} starts it, on the embedded DUO network: the demo EHR (HAPI FHIR
 * server and authorization server on 127.0.0.1) beside it, a headless browser in the user's place. "Launch viewer" on
 * the EHR's page runs the whole SMART launch and opens the patient; launches that must not open a patient leave the
 * screen empty with the reason; a second launch through the single-instance channel clears the first patient before
 * the second appears.
 */
class SmartLaunchAppTest {

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final HeadlessBrowser browser = new HeadlessBrowser();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedDuoNetwork net;
    private Application app;
    private DuoViewerApp viewer;
    private URI ehrHome;

    @TempDir
    Path runtimeDir;
    private String savedSocket;

    @BeforeEach
    void startTheViewerWithTheDemoEhr() throws Exception {
        // this viewer's own single-instance channel: a viewer another test left behind cannot take its launches
        savedSocket = System.getProperty("duoviewer.instanceSocket");
        System.setProperty("duoviewer.instanceSocket", runtimeDir.resolve("instance.sock").toString());
        net = TestNetwork.fresh();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DuoViewerApp(options -> EmbeddedDemoNetwork.attachedTo(net),
                List.of("--demo-ehr"), browser::open));
        viewer = (DuoViewerApp) app;
        Fx.await("the demo EHR", 60, () -> viewer.demoEhr() != null);
        ehrHome = viewer.demoEhr().home();
        Fx.await("the demo EHR's page in the browser", () -> browser.opened().contains(ehrHome));
        assertEquals("No patient selected", screen.text("#banner-bsn"), "--demo-ehr waits for the EHR");
        assertEquals(InstanceChannel.Delivery.DELIVERED, InstanceChannel.deliver(InstanceChannel.defaultSocket(),
                List.of()).delivery(), "this viewer holds the single-instance channel");
    }

    @AfterEach
    void stop() throws Exception {
        browser.release();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (savedSocket == null) {
            System.clearProperty("duoviewer.instanceSocket");
        } else {
            System.setProperty("duoviewer.instanceSocket", savedSocket);
        }
    }

    /** The user clicks "Launch viewer" on the EHR's page; returns the launch link the EHR handed over. */
    private String clickLaunch(String patientId, Clinician user) throws Exception {
        return clickLaunch(patientId, user, true);
    }

    /** As above; without hand-off the EHR only makes the link (for the test to deliver another way). */
    private String clickLaunch(String patientId, Clinician user, boolean handOff) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(ehrHome.resolve("/ehr/launch?patient="
                + URLEncoder.encode(patientId, StandardCharsets.UTF_8) + "&practitioner=" + user.id()
                + (handOff ? "" : "&handoff=no"))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("id=\"app-launch\" href=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1).replace("&amp;", "&");
    }

    private String patientId(Bsn bsn) {
        return "pat-" + (net.catalogue().patients().stream().map(DemoPatient::bsn).toList().indexOf(bsn) + 1);
    }

    @Test
    void launchViewerAtTheEhrOpensThePatientItNamed() throws Exception {
        DemoPatient patient = net.catalogue().patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();

        clickLaunch(patientId(patient.bsn()), Clinician.RADIOLOGIST);

        Fx.await("the EHR's patient", 60, () -> "BSN 9999.99.011".equals(screen.text("#banner-bsn")));
        assertEquals(patient.displayName(), screen.text("#banner-name"));
        assertEquals("Patient context: EHR (SMART on FHIR)", screen.text("#banner-context"));
        assertEquals("F".equals(patient.sex()) ? "female" : "male", screen.text("#banner-sex"));
        assertTrue(browser.opened().stream().anyMatch(u -> u.getPath().equals("/auth/authorize")),
                "the sign-in ran in the browser");
        Fx.await("the timeline from the DUO network", 90,
                () -> screen.studiesListed() == patient.studies().size());
        // the demo trusts its EHR for the user: Mitz was asked in the radiologist's name, signed in by the EHR
        var asked = net.mitz().counters().requesters();
        assertTrue(asked.stream().anyMatch(r -> r.uziNumber().equals(Clinician.RADIOLOGIST.uziNumber())
                && r.authnContext().equals(nl.duoviewer.xca.identity.IdentitySource.EHR_LAUNCH.authnContextClass())),
                asked.toString());
        assertTrue(Fx.call(() -> !robot.lookup("#launch-status-bar").query().isVisible()));
    }

    @Test
    void aLaunchThatMustNotOpenAPatientLeavesTheScreenEmptyWithTheReason() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(EdgeCasePatient.NO_BSN.id(), "the patient in the EHR has no BSN.");
        cases.put(EdgeCasePatient.TWO_BSNS.id(), "the patient in the EHR has two different BSNs");
        for (var c : cases.entrySet()) {
            clickLaunch(c.getKey(), Clinician.RADIOLOGIST);
            Fx.await(c.getKey(), 60, () -> screen.text("#launch-status").contains(c.getValue()));
            assertTrue(screen.text("#launch-status").startsWith("The launch from the EHR opened no patient: "));
            assertEquals("No patient selected", screen.text("#banner-bsn"));
            assertEquals(0L, screen.studiesListed());
        }
        browser.behave(HeadlessBrowser.Behaviour.DENY);
        clickLaunch(patientId(CatalogueGenerator.SHOWCASE_PATIENT), Clinician.RADIOLOGIST);
        Fx.await("the denial", 60, () -> screen.text("#launch-status").endsWith("access was denied at the EHR."));
        assertEquals("No patient selected", screen.text("#banner-bsn"));

        browser.behave(HeadlessBrowser.Behaviour.FORGE_STATE);
        clickLaunch(patientId(CatalogueGenerator.SHOWCASE_PATIENT), Clinician.RADIOLOGIST);
        Fx.await("the forged redirect", 60, () -> screen.text("#launch-status").contains("possibly forged"));
        assertEquals("No patient selected", screen.text("#banner-bsn"));

        robot.clickOn("#launch-status-action");
        Fx.await("the message closed", () -> !robot.lookup("#launch-status-bar").query().isVisible());
    }

    @Test
    void aSecondLaunchThroughTheInstanceChannelClearsTheFirstPatientBeforeTheSecondOpens() throws Exception {
        List<Bsn> shown = Collections.synchronizedList(new ArrayList<>());
        Fx.run(() -> viewer.workspace().currentProperty().addListener((o, before, now) ->
                shown.add(now == null ? null : now.patient())));
        Bsn first = CatalogueGenerator.SHOWCASE_PATIENT;
        Bsn second = net.catalogue().patients().get(2).bsn();
        clickLaunch(patientId(first), Clinician.RADIOLOGIST);
        Fx.await("the first patient", 60, () -> first.equals(current()));

        // the EHR launches again; the desktop hands the link to a second start, which hands it to this window
        browser.holdUntilReleased();
        String link = clickLaunch(patientId(second), Clinician.PHYSICIAN, false);
        assertEquals(InstanceChannel.Delivery.DELIVERED,
                InstanceChannel.deliver(InstanceChannel.defaultSocket(), List.of(link)).delivery());
        // while the user signs in: the first patient is gone, the second not yet there
        Fx.await("the sign-in", 30, () -> screen.text("#launch-status").startsWith("Signing in at the EHR"));
        assertEquals("No patient selected", screen.text("#banner-bsn"));
        assertEquals(0L, screen.studiesListed());
        browser.release();

        Fx.await("the second patient", 60, () -> second.equals(current()));
        assertEquals(first, shown.get(0));
        assertTrue(shown.subList(1, shown.size() - 1).stream().allMatch(java.util.Objects::isNull), shown::toString);
        assertEquals(second, shown.getLast());
    }

    @Test
    void everyLaunchPathGoesThroughTheOneRouteThatAsksBeforeReplacingAPatient() throws Exception {
        clickLaunch(patientId(CatalogueGenerator.SHOWCASE_PATIENT), Clinician.RADIOLOGIST);
        Fx.await("the EHR's patient", 60, () -> CatalogueGenerator.SHOWCASE_PATIENT.equals(current()));
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean answer = new java.util.concurrent.atomic.AtomicBoolean(false);
        // the test takes the place of the launch gate's dialog, and is asked whatever the path
        ReplaceConfirmation recording = ReplaceConfirmation.answering((onScreen, incoming) -> {
            asked.add(onScreen.patient().value() + " <- " + switch (incoming) {
                case LaunchContext c -> c.source().name();
                case nl.duoviewer.app.launch.SmartLaunch smart -> "SMART";
            });
            return answer.get();
        });
        Fx.run(() -> viewer.workspace().route().confirmReplaceWith(recording));
        Bsn other = net.catalogue().patients().get(1).bsn();
        String iid = "duoviewer://IHEInvokeImageDisplay?requestType=PATIENT&patientID=" + other.value();

        // declined: the patient on screen stays, whatever the path
        InstanceChannel.deliver(InstanceChannel.defaultSocket(), List.of(iid));
        clickLaunch(patientId(other), Clinician.RADIOLOGIST);
        Fx.await("two questions", () -> asked.size() == 2);
        robot.clickOn("#bsn-field").write(other.value()).type(javafx.scene.input.KeyCode.ENTER);
        Fx.await("three questions", () -> asked.size() == 3);
        assertEquals(List.of("999999011 <- IHE_INVOKE_IMAGE_DISPLAY", "999999011 <- SMART",
                "999999011 <- MANUAL_ENTRY"), asked);
        assertEquals(CatalogueGenerator.SHOWCASE_PATIENT, current());

        // accepted: IHE Invoke Image Display keeps working, through the same route
        answer.set(true);
        InstanceChannel.deliver(InstanceChannel.defaultSocket(), List.of(iid));
        Fx.await("the IID patient", 30, () -> other.equals(current()));
        assertEquals("Patient context: IHE Invoke Image Display", screen.text("#banner-context"));
    }

    private Bsn current() {
        LaunchContext c = Fx.call(() -> viewer.workspace().currentProperty().get());
        return c == null ? null : c.patient();
    }
}
