package nl.duoviewer.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.Pkcs11Settings;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.VerifiedRequester;

/**
 * No identity, no query: the imaging service sends nothing until somebody is signed in, says why in the user's
 * language, and sends every request for the signed-in person with the AuthnContext of how they were identified.
 */
class SignInTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;
    static final UserIdentity EHR_USER = UserIdentity.fromEhrLaunch("123456782", "01.039", "A. de Vries");

    EmbeddedDuoNetwork net;
    FramePipeline pool;
    WorkstationAudit audit;
    @TempDir
    Path auditDir;

    @BeforeEach
    void start() throws java.io.IOException {
        net = TestNetwork.fresh();
        pool = new FramePipeline(2, 4, FramePipeline.DEFAULT_WAITING_BYTES);
        audit = WorkstationAudit.open(nl.duoviewer.audit.AuditSettings.localOnly(auditDir),
                java.time.Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        pool.close();
        audit.close();
    }

    /** The network's configuration file with other identity settings. */
    private Path config(Path dir, IdentitySettings identity) throws Exception {
        Path file = dir.resolve("gateway.properties");
        DuoConfigFile.write(net.clientConfig().withKeystore(net.pki().organisationFromEnvironment())
                .withIdentity(identity), file, null);
        return file;
    }

    private static TimelineSnapshot await(Timeline timeline, Predicate<TimelineSnapshot> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            TimelineSnapshot s = timeline.snapshot();
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timeline not as expected: " + timeline.snapshot().sources());
    }

    private void nothingAsked() {
        assertEquals(0, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
        for (Network n : Network.values()) {
            assertEquals(0, net.community(n).counters().get(Counters.Kind.QUERY));
        }
    }

    private List<VerifiedRequester> requesters() {
        return net.mitz().counters().requesters();
    }

    @Test
    void theDemoNetworksUserIsTheLabelledDemoUser() throws Exception {
        try (DuoImagingService service = new DuoImagingService(EmbeddedDemoNetwork.attachedTo(net),
                Texts.forLocale(Locale.ENGLISH), pool, audit)) {
            assertTrue(service.networkDescription().endsWith("User: DEMO (no real identity)"),
                    service.networkDescription());
            await(service.startTimeline(PATIENT), x -> x.settled() && !x.sources().isEmpty());
        }
        VerifiedRequester r = requesters().getFirst();
        assertEquals(UserIdentity.DEMO_UZI, r.uziNumber());
        assertEquals(IdentitySource.DEMO.authnContextClass(), r.authnContext());
    }

    @Test
    void withoutAUserFromTheEhrNothingIsAskedUntilALaunchNamesOne(@TempDir Path dir) throws Exception {
        Path file = config(dir, new IdentitySettings(List.of(IdentitySource.EHR_LAUNCH), null, null));
        try (DuoImagingService service = new DuoImagingService(new ConfiguredGateway(file),
                Texts.forLocale(Locale.ENGLISH), pool, audit)) {
            Timeline timeline = service.startTimeline(PATIENT);
            TimelineSnapshot s = await(timeline, x -> x.settled() && !x.sources().isEmpty());
            assertEquals(List.of(new SourceStatus(DuoImagingService.IDENTITY_SOURCE, "Identity",
                    SourceStatus.State.FAILED, "Nobody is signed in: the EHR did not say who is logged in. Start the "
                    + "viewer from the EHR.")), s.sources());
            nothingAsked();

            service.signIn(EHR_USER); // what a launch naming its user does
            service.retrySource(timeline, DuoImagingService.IDENTITY_SOURCE);
            TimelineSnapshot after = await(timeline, x -> x.settled() && x.sources().size() == 4);
            assertTrue(after.sources().stream().allMatch(st -> st.state() == SourceStatus.State.COMPLETE),
                    after.sources()::toString);
            assertEquals("User from the EHR: A. de Vries (UZI 123456782)", after.sources().stream()
                    .filter(st -> st.sourceId().equals(DuoImagingService.IDENTITY_SOURCE)).findFirst().orElseThrow()
                    .message());
        }
        for (VerifiedRequester r : requesters()) {
            assertEquals("123456782", r.uziNumber());
            assertEquals(IdentitySource.EHR_LAUNCH.authnContextClass(), r.authnContext());
        }
    }

    @Test
    void anEhrUserIsIgnoredWhereTheDeploymentTakesTheUserFromTheCard(@TempDir Path dir) throws Exception {
        // the card is never opened: nobody answers the PIN question (no dialog in this test)
        Path notALibrary = net.pki().directory().resolve(TestPki.TRUST_STORE_FILE);
        Path file = config(dir, new IdentitySettings(List.of(IdentitySource.UZI_PAS),
                Pkcs11Settings.firstSlot(notALibrary), net.pki().uziCaFile()));
        try (DuoImagingService service = new DuoImagingService(new ConfiguredGateway(file),
                Texts.forLocale(Locale.forLanguageTag("nl")), pool, audit)) {
            Timeline timeline = service.startTimeline(PATIENT);
            TimelineSnapshot s = await(timeline, x -> x.settled() && !x.sources().isEmpty());
            assertEquals(SourceStatus.State.FAILED, s.sources().getFirst().state());
            assertEquals("Niemand is aangemeld: de pincode is niet ingevoerd. Kies Opnieuw om u aan te melden met uw "
                    + "UZI-pas.", s.sources().getFirst().message());
            service.signIn(EHR_USER);
            service.retrySource(timeline, DuoImagingService.IDENTITY_SOURCE);
            Thread.sleep(500); // a negative check: give a wrongly accepted user the time to show itself
            TimelineSnapshot after = await(timeline, x -> x.settled() && !x.sources().isEmpty());
            assertEquals(1, after.sources().size(), after.sources()::toString);
            assertEquals(SourceStatus.State.FAILED, after.sources().getFirst().state());
        }
        nothingAsked();
        assertEquals(List.of(), requesters());
    }

    @Test
    void theConfigurationFileHoldsNoUser(@TempDir Path dir) throws Exception {
        String text = Files.readString(config(dir, new IdentitySettings(List.of(IdentitySource.EHR_LAUNCH), null,
                null)));
        assertTrue(!text.contains("duo.requester.uzi") && !text.contains(UserIdentity.DEMO_UZI), text);
    }
}
