package nl.duoviewer.launch.smart;

import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ACCESS_TOKEN_REJECTED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.AUTHORIZATION_DENIED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.AUTHORIZATION_TIMED_OUT;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.CONFLICTING_BSN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.EHR_USER_UNUSABLE;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ID_TOKEN_INVALID;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.INVALID_BSN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ISSUER_NOT_TRUSTED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.NO_BSN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.STATE_MISMATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.ehr.sandbox.Clinician;
import nl.duoviewer.ehr.sandbox.EdgeCasePatient;
import nl.duoviewer.ehr.sandbox.EhrSandbox;
import nl.duoviewer.ehr.sandbox.HeadlessBrowser;
import nl.duoviewer.ehr.sandbox.IdTokenFault;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;

/**
 * The SMART client against a real HAPI FHIR server and authorization server (the EHR sandbox) on 127.0.0.1, with a
 * headless browser in the user's place: what succeeds, and every way a launch must stop without a patient.
 */
class SmartLaunchClientTest {

    private static final DemoCatalogue CATALOGUE = CatalogueGenerator.demo();
    private static EhrSandbox sandbox;
    private final HeadlessBrowser browser = new HeadlessBrowser();

    @BeforeAll
    static void start() throws Exception {
        sandbox = EhrSandbox.start(EhrSandbox.Options.demo(CATALOGUE));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void healthy() {
        sandbox.setIdTokenFault(IdTokenFault.NONE);
        sandbox.counters().reset();
    }

    private SmartLaunchClient client(boolean trustEhrIdentity) {
        return new SmartLaunchClient(new SmartSettings(sandbox.clientId(), Set.of(sandbox.fhirBase()),
                trustEhrIdentity, Duration.ofSeconds(20)), browser::open);
    }

    /** The request an EHR link carries, parsed like the viewer parses it. */
    private static SmartLaunchRequest request(URI appLaunch) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : appLaunch.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return SmartLaunchRequest.of(URI.create(q.get("iss")), q.get("launch"));
    }

    @Test
    void anEhrLaunchYieldsThePatientWithBsnAndDemographicsAndTheSignedInUser() throws Exception {
        DemoPatient demo = CATALOGUE.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        SmartLaunchResult result = client(false).launch(request(sandbox.launchEhr(demo.bsn(), Clinician.RADIOLOGIST)));

        assertEquals(demo.bsn(), result.patient().bsn());
        assertEquals(demo.displayName(), result.patient().name());
        assertEquals(demo.birthDate(), result.patient().birthDate());
        assertEquals("F".equals(demo.sex()) ? LaunchedPatient.Gender.FEMALE : LaunchedPatient.Gender.MALE,
                result.patient().gender());
        assertEquals(URI.create(sandbox.fhirBase() + "/Practitioner/" + Clinician.RADIOLOGIST.id()),
                result.user().orElseThrow().fhirUser());
        assertEquals(Clinician.RADIOLOGIST.name(), result.user().orElseThrow().name());
        assertTrue(result.requester().isEmpty(), "the EHR's user is not the requester unless trusted");

        URI authorize = browser.opened().getFirst();
        String query = URLDecoder.decode(authorize.getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("code_challenge_method=S256"), query);
        assertTrue(query.contains("scope=openid fhirUser patient/Patient.read launch"), query);
        assertTrue(query.contains("redirect_uri=http://127.0.0.1:"), query);
        assertTrue(query.contains("aud=" + sandbox.fhirBase()), query);
        assertFalse(query.contains("Practitioner"), "no user directory asked unless the EHR is trusted for it");
        assertEquals(200, browser.awaitLastVisit(), "the browser got the viewer's 'signed in' page");
    }

    @Test
    void aStandaloneLaunchLetsTheUserPickThePatientAtTheEhr() throws Exception {
        DemoPatient other = CATALOGUE.patients().get(3);
        browser.pick(sandbox.patientId(other.bsn()), Clinician.PHYSICIAN);
        SmartLaunchResult result = client(false).launch(new SmartLaunchRequest.StandaloneLaunch(sandbox.fhirBase()));
        assertEquals(other.bsn(), result.patient().bsn());
        assertTrue(URLDecoder.decode(browser.opened().getFirst().getRawQuery(), StandardCharsets.UTF_8)
                .contains("launch/patient"));
    }

    @Test
    void whenTrustedTheEhrUsersUziNumberAndRoleBecomeTheRequester() throws Exception {
        SmartLaunchResult result = client(true).launch(request(sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT,
                Clinician.RADIOLOGIST)));
        EhrRequester requester = result.requester().orElseThrow();
        assertEquals(Clinician.RADIOLOGIST.uziNumber(), requester.uziNumber());
        assertEquals("01.039", requester.roleCode());
        assertTrue(sandbox.counters().fhirRequests("PractitionerRole") > 0);

        SmartLaunchException noRole = assertThrows(SmartLaunchException.class, () -> client(true).launch(request(
                sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.WITHOUT_ROLE))));
        assertEquals(EHR_USER_UNUSABLE, noRole.reason(), noRole.getMessage());
    }

    @Test
    void aForgedStateIsRefusedAndNoCodeIsExchanged() {
        browser.behave(HeadlessBrowser.Behaviour.FORGE_STATE);
        assertReason(STATE_MISMATCH, sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.RADIOLOGIST));
        assertEquals(0, sandbox.counters().tokenRequests());
        assertEquals(0, sandbox.counters().fhirRequests("Patient"));
    }

    @Test
    void aDeniedAuthorisationEndsTheLaunch() {
        browser.behave(HeadlessBrowser.Behaviour.DENY);
        assertReason(AUTHORIZATION_DENIED, sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT,
                Clinician.RADIOLOGIST));
        assertEquals(0, sandbox.counters().tokenRequests());
    }

    @Test
    void aPatientWithoutBsnWithTwoBsnsOrAnInvalidBsnIsRefused() {
        assertReason(NO_BSN, sandbox.launchEhr(EdgeCasePatient.NO_BSN, Clinician.RADIOLOGIST));
        assertReason(CONFLICTING_BSN, sandbox.launchEhr(EdgeCasePatient.TWO_BSNS, Clinician.RADIOLOGIST));
        assertReason(INVALID_BSN, sandbox.launchEhr(EdgeCasePatient.INVALID_BSN, Clinician.RADIOLOGIST));
    }

    @Test
    void anExpiredAccessTokenIsRefusedByTheFhirServerAndTheLaunchStops() throws Exception {
        try (EhrSandbox shortLived = EhrSandbox.start(EhrSandbox.Options.demo(CATALOGUE)
                .withAccessTokenLifetime(Duration.ofMillis(1)))) {
            SmartLaunchClient client = new SmartLaunchClient(new SmartSettings(shortLived.clientId(),
                    Set.of(shortLived.fhirBase()), false, Duration.ofSeconds(20)), browser::open);
            SmartLaunchException e = assertThrows(SmartLaunchException.class, () -> client.launch(request(
                    shortLived.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.RADIOLOGIST))));
            assertEquals(ACCESS_TOKEN_REJECTED, e.reason(), e.getMessage());
            assertEquals(1, shortLived.counters().fhirRequests("Patient"), "the server refused the one read");
        }
    }

    @Test
    void anIdTokenSignedWithAnotherKeyForAnotherAudienceOrExpiredIsRefused() {
        for (IdTokenFault fault : List.of(IdTokenFault.FOREIGN_KEY, IdTokenFault.WRONG_AUDIENCE,
                IdTokenFault.EXPIRED)) {
            sandbox.setIdTokenFault(fault);
            sandbox.counters().reset();
            assertReason(ID_TOKEN_INVALID, sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT,
                    Clinician.RADIOLOGIST));
            assertEquals(0, sandbox.counters().fhirRequests("Patient"), fault + ": no read with that token");
        }
    }

    @Test
    void aLaunchFromAnIssuerTheDeploymentDoesNotTrustContactsNothing() {
        SmartLaunchClient untrusting = new SmartLaunchClient(new SmartSettings("duoviewer",
                Set.of(URI.create("https://ehr.ziekenhuis.example/fhir")), false, Duration.ofSeconds(5)),
                browser::open);
        SmartLaunchException e = assertThrows(SmartLaunchException.class, () -> untrusting.launch(request(
                sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.RADIOLOGIST))));
        assertEquals(ISSUER_NOT_TRUSTED, e.reason());
        assertEquals(0, sandbox.counters().discoveryRequests());
        assertTrue(browser.opened().isEmpty());
    }

    @Test
    void aUserWhoNeverComesBackTimesOut() {
        browser.behave(HeadlessBrowser.Behaviour.IGNORE);
        SmartLaunchClient impatient = new SmartLaunchClient(new SmartSettings(sandbox.clientId(),
                Set.of(sandbox.fhirBase()), false, Duration.ofMillis(500)), browser::open);
        SmartLaunchException e = assertThrows(SmartLaunchException.class, () -> impatient.launch(request(
                sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.RADIOLOGIST))));
        assertEquals(AUTHORIZATION_TIMED_OUT, e.reason());
    }

    @Test
    void noTokenReachesTheLogEvenWithEverythingLogged() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(
                        r.getParameters()) + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level saved = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            client(true).launch(request(sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT,
                    Clinician.RADIOLOGIST)));
            browser.behave(HeadlessBrowser.Behaviour.ALLOW);
        } finally {
            root.removeHandler(capture);
            root.setLevel(saved);
        }
        Set<String> tokens = sandbox.issuedAccessTokens();
        assertFalse(tokens.isEmpty());
        for (String line : logged) {
            for (String token : tokens) {
                assertFalse(line.contains(token), "a log record holds an access token: " + line);
            }
        }
    }

    private void assertReason(SmartLaunchException.Reason expected, URI appLaunch) {
        SmartLaunchException e = assertThrows(SmartLaunchException.class, () -> client(false).launch(
                request(appLaunch)));
        assertEquals(expected, e.reason(), e.getMessage());
    }

    static Bsn bsn(String s) {
        return Bsn.parse(s);
    }
}
