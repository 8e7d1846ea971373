package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.mitz.MitzService;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.TimelineSession;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.RetrievalPermit;

/**
 * Consent scope and freshness (decision record 12) against the embedded Mitz: only a Permit is reused and only
 * briefly, a Deny takes effect for the next request, the open answer expires and is asked again, a long series
 * renews its permit between batches, and a late Mitz answer for the previous patient changes nothing.
 */
class ConsentFreshnessTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;
    SteppingClock clock;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
        clock = new SteppingClock();
    }

    /** The network's configuration with these Mitz lifetimes, optionally without WADO-RS (so RAD-75 batches). */
    private DuoClientConfig config(Duration decisions, Duration localisation, boolean wado) {
        DuoClientConfig c = net.clientConfig();
        List<CommunityEndpoint> communities = c.communities().stream().map(e -> wado ? e
                : new CommunityEndpoint(e.id(), e.displayName(), e.homeCommunityId(), e.queryEndpoint(),
                        e.retrieveEndpoint(), e.imagingEndpoint(), null, e.timeout(), e.consent())).toList();
        return new DuoClientConfig(c.actorPosition(), communities, c.mitz().withLifetimes(decisions, localisation),
                c.organisation(), c.identity(), c.keystore(), c.trust(), c.samlIssuer(), c.transferSyntaxes(), c.queryRetries(),
                c.maxQuerySplits(), c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
    }

    private DuoClient client(DuoClientConfig config) {
        return DuoClient.open(config, AuditSink.NONE, clock);
    }

    private DemoCatalogue.Registration registration(Network n) {
        return net.catalogue().registrations(n, PATIENT).stream()
                .filter(r -> !r.study().performanceStudy() && r.study().publications().size() == 1)
                .findFirst().orElseThrow();
    }

    private static StudyRecord record(DemoCatalogue.Registration r) {
        DemoStudy s = r.study();
        Institution i = r.publication().institution();
        return new StudyRecord(s.studyInstanceUid(), r.patient().bsn(), s.dateTime(), Set.of(s.modality()),
                s.bodyPart(), s.description(), s.accessionNumber(), i.asSource(),
                new DocumentLocator(i.network().homeCommunityId(), i.repositoryUniqueId(),
                        r.publication().kosDocumentUid(), "application/dicom"));
    }

    private static byte[] manifest(DuoClient client, StudyRecord r) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        client.retrieveManifest(r.patient(), r, (m, in) -> in.transferTo(out));
        return out.toByteArray();
    }

    private long closedQuestions() {
        return net.mitz().counters().get(Counters.Kind.MITZ_CLOSED);
    }

    @Test
    void aDenyEvictsThePermitAndAPermitArrivingAfterItDoesNotCount() throws Exception {
        StudyRecord r = record(registration(Network.FOUNDA));
        try (DuoClient client = client(net.clientConfig())) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            CompletableFuture<byte[]> early;
            try (MitzService.Hold hold = net.mitz().hold(PATIENT, 1)) {
                // the first closed question is answered Permit, but the answer is held on its way
                early = CompletableFuture.supplyAsync(() -> {
                    try {
                        return manifest(client, r);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                assertTrue(hold.awaitHeld(1, Duration.ofSeconds(30)), "the first closed question reached Mitz");
                net.mitz().consent().deny(PATIENT, r.source().ura());
                // a second question, asked after the patient withdrew consent, is answered Deny at once
                ConsentDeniedException denied = assertThrows(ConsentDeniedException.class, () -> manifest(client, r));
                assertTrue(denied.reason().contains("Deny"), denied.reason());
            }
            // the Permit that arrives now was overtaken by the Deny: not honoured and not cached
            ExecutionException late = assertThrows(ExecutionException.class, () -> early.get(30, TimeUnit.SECONDS));
            ConsentDeniedException overtaken = assertInstanceOf(ConsentDeniedException.class, late.getCause());
            assertTrue(overtaken.reason().contains("overtaken"), overtaken.reason());
            assertThrows(ConsentDeniedException.class, () -> manifest(client, r));
        }
        assertEquals(3, closedQuestions(), "nothing but a Permit is ever reused");
        assertEquals(0, net.community(Network.FOUNDA).counters().retrievals());
    }

    @Test
    void theOpenAnswerExpiresAndIsAskedAgainBeforeTheNextRetrieval() throws Exception {
        StudyRecord r = record(registration(Network.FOUNDA));
        try (DuoClient client = client(config(Duration.ofSeconds(30), Duration.ofSeconds(20), true))) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertTrue(manifest(client, r).length > 0);
            RetrievalPermit earlier = client.consentGate().authorise(PATIENT, r.source(),
                    Set.of(r.manifest().repositoryUniqueId()));
            assertEquals(1, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));

            net.mitz().consent().unregister(PATIENT, r.source().ura()); // Mitz no longer names the institution
            clock.advance(Duration.ofSeconds(21));
            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class, () -> manifest(client, r));
            assertEquals("institution not in localisation answer", denied.reason());
            assertEquals(2, net.mitz().counters().get(Counters.Kind.MITZ_OPEN), "asked again once it expired");
            assertTrue(earlier.revoked(), "a new open answer renews every permit of the session");
        }
        assertEquals(1, net.community(Network.FOUNDA).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
    }

    @Test
    void reopeningAPatientAsksMitzAgainAndKeepsNoDecision() throws Exception {
        StudyRecord r = record(registration(Network.FOUNDA));
        try (DuoClient client = client(net.clientConfig())) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            manifest(client, r);
            RetrievalPermit first = client.consentGate().authorise(PATIENT, r.source(),
                    Set.of(r.manifest().repositoryUniqueId()));
            assertEquals(1, closedQuestions(), "the Permit is reused within its lifetime");

            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(2, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
            assertTrue(first.revoked());
            manifest(client, r);
            assertEquals(2, closedQuestions(), "the reopened patient's first retrieval asks Mitz again");
        }
    }

    @Test
    void aLateOpenAnswerForThePreviousPatientChangesNothing() throws Exception {
        Bsn previous = net.catalogue().patients().stream().map(p -> p.bsn()).filter(b -> !b.equals(PATIENT))
                .findFirst().orElseThrow();
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot shown;
            CompletableFuture<TimelineSession> old;
            try (MitzService.Hold hold = net.mitz().hold(previous, 1)) {
                old = CompletableFuture.supplyAsync(() -> client.queryTimeline(previous));
                assertTrue(hold.awaitHeld(1, Duration.ofSeconds(30)), "the previous patient's open question is asked");
                client.clearPatient(); // the user moves on
                shown = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            }
            TimelineSession late = old.get(30, TimeUnit.SECONDS);
            TimelineSnapshot lateSnap = late.completion().get(30, TimeUnit.SECONDS);
            assertNull(late.localisation(), "the late answer was dropped");
            assertTrue(lateSnap.entries().isEmpty());
            assertEquals(PATIENT, client.consentGate().current().patient(), "the current session is untouched");
            assertThrows(ConsentDeniedException.class, () -> client.consentGate().authorise(previous,
                    registration(Network.FOUNDA).publication().institution().asSource()));
            // the patient on screen can still be retrieved for
            TimelineEntry e = shown.entries().stream().filter(x -> x.patient().equals(PATIENT)).findFirst()
                    .orElseThrow();
            assertTrue(manifest(client, e.records().getFirst()).length > 0);
            assertTrue(shown.entries().stream().allMatch(x -> x.patient().equals(PATIENT)));
        }
        long queries = 0;
        for (CommunityNode c : net.communities()) {
            queries += c.counters().get(Counters.Kind.QUERY);
        }
        assertEquals(2L * Network.values().length, queries, "two queries per community, all for the current patient");
    }

    @Test
    void theHoldersFacilityTypeIsSentWhenTheRegistryNamesIt() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.ENOVATION);
        try (DuoClient client = client(net.clientConfig())) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            manifest(client, record(reg));
        }
        MitzService.ClosedQuestion q = net.mitz().closedQuestions().getLast();
        assertEquals(reg.publication().institution().ura(), q.holderUra());
        assertEquals(reg.publication().institution().organisationType(), q.holderFacilityType(),
                "Mitz's open answer does not name the holder's type; the registry metadata does");
    }

    /** The 1200-slice CT at Founda, over RAD-75 (no WADO-RS), so it comes in batches of 500. */
    private StudyRetrievalResult retrieveLargeSeries(DuoClient client, Runnable atFiveHundred,
                                                     AtomicInteger received) throws Exception {
        DemoStudy big = net.catalogue().performanceStudy();
        TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
        TimelineEntry e = snap.entries().stream().filter(x -> x.studyInstanceUid().equals(big.studyInstanceUid()))
                .findFirst().orElseThrow();
        return client.retrieveStudy(PATIENT, e, (m, in) -> {
            in.readAllBytes();
            if (received.incrementAndGet() % 500 == 0) {
                atFiveHundred.run();
            }
        }).result().get(120, TimeUnit.SECONDS);
    }

    @Test
    void aLongSeriesRenewsItsPermitBetweenBatches() throws Exception {
        DemoStudy big = net.catalogue().performanceStudy();
        AtomicInteger received = new AtomicInteger();
        StudyRetrievalResult result;
        try (DuoClient client = client(config(Duration.ofSeconds(5), Duration.ofMinutes(10), false))) {
            // every 500 instances the permit's lifetime (5 s) has passed: the next batch needs a new one
            result = retrieveLargeSeries(client, () -> clock.advance(Duration.ofSeconds(6)), received);
        }
        assertTrue(result.complete(), result.missing().size() + " missing");
        assertEquals(big.instanceCount(), received.get());
        assertTrue(result.series().stream().allMatch(s -> s.via().equals("RAD-75")));
        assertTrue(closedQuestions() >= 3, "renewed between batches: " + closedQuestions());
    }

    @Test
    void aDenyArrivingMidSeriesStopsTheNextBatch() throws Exception {
        DemoStudy big = net.catalogue().performanceStudy();
        String ura = big.publications().getFirst().institution().ura();
        AtomicInteger received = new AtomicInteger();
        try (DuoClient client = client(config(Duration.ofSeconds(5), Duration.ofMinutes(10), false))) {
            ExecutionException stopped = assertThrows(ExecutionException.class,
                    () -> retrieveLargeSeries(client, () -> {
                        if (received.get() == 500) {
                            net.mitz().consent().deny(PATIENT, ura);
                            clock.advance(Duration.ofSeconds(6));
                        }
                    }, received));
            ConsentDeniedException denied = assertInstanceOf(ConsentDeniedException.class, stopped.getCause());
            assertEquals(ConsentDeniedException.NEUTRAL_MESSAGE, denied.getMessage());
        }
        Counters founda = net.community(Network.FOUNDA).counters();
        // the topogram series and the first batch of the long series; nothing after the Deny
        assertEquals(2, founda.get(Counters.Kind.IMAGE_RETRIEVE));
        assertTrue(received.get() < big.instanceCount());
    }
}
