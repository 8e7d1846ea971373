package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.ConsentMode;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.TemporaryConsentSlot;

/**
 * The TLB pilot's temporary consent of 28 days (decision record 13): the Alphatron TLB community reports it with its
 * answer, the source row carries it with its end, and nothing is retrieved once it has ended, as the server-side
 * counters show.
 */
class TemporaryConsentTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;
    SteppingClock clock;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
        clock = new SteppingClock();
    }

    private DuoClient client(DuoClientConfig config) {
        return DuoClient.open(config, AuditSink.NONE, clock);
    }

    private DemoCatalogue.Registration alphatron() {
        return net.catalogue().registrations(Network.ALPHATRON, PATIENT).stream()
                .filter(r -> !r.study().performanceStudy() && r.study().publications().size() == 1)
                .findFirst().orElseThrow();
    }

    private static StudyRecord record(DemoCatalogue.Registration r) {
        DemoStudy s = r.study();
        Institution i = r.publication().institution();
        return new StudyRecord(s.studyInstanceUid(), PATIENT, s.dateTime(), Set.of(s.modality()), s.bodyPart(),
                s.description(), s.accessionNumber(), i.asSource(), new DocumentLocator(i.network().homeCommunityId(),
                i.repositoryUniqueId(), r.publication().kosDocumentUid(), "application/dicom"));
    }

    private static SourceStatus status(TimelineSnapshot snap, Network n) {
        return snap.sources().stream().filter(s -> s.sourceId().equals(n.homeCommunityId())).findFirst()
                .orElseThrow();
    }

    private static long shownFrom(TimelineSnapshot snap, Network n) {
        return snap.entries().stream().flatMap(e -> e.records().stream())
                .filter(r -> r.source().homeCommunityId().equals(n.homeCommunityId())).count();
    }

    @Test
    void theTlbRowCarriesTheTemporaryConsentWithItsEndAndRetrievalNeedsNoClosedQuestion() throws Exception {
        DemoStudy study = alphatron().study();
        Instant end = net.temporaryConsents().end(PATIENT).orElseThrow();
        StudyRetrievalResult result;
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(new ConsentBasis.TemporaryConsent(end.truncatedTo(ChronoUnit.SECONDS)),
                    status(snap, Network.ALPHATRON).basis());
            assertEquals(new ConsentBasis.Mitz(true), status(snap, Network.FOUNDA).basis());
            assertTrue(Duration.between(Instant.now(), end).toDays() >= 24, "the demo's consent runs 25 more days");
            TimelineEntry e = snap.entries().stream()
                    .filter(x -> x.studyInstanceUid().equals(study.studyInstanceUid())).findFirst().orElseThrow();
            result = client.retrieveStudy(PATIENT, e, (m, in) -> in.readAllBytes()).result().get(60,
                    TimeUnit.SECONDS);
        }
        assertTrue(result.complete());
        String ura = alphatron().publication().institution().ura();
        assertTrue(net.mitz().closedQuestions().stream().noneMatch(q -> q.holderUra().equals(ura)),
                "the basis is the temporary consent, not a Mitz Permit");
    }

    @Test
    void anExpiredTemporaryConsentShowsItsEndAndNothingIsRetrieved() throws Exception {
        net.temporaryConsents().expire(PATIENT);
        Instant ended = net.temporaryConsents().end(PATIENT).orElseThrow();
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            ConsentBasis.TemporaryConsent basis = assertInstanceOf(ConsentBasis.TemporaryConsent.class,
                    status(snap, Network.ALPHATRON).basis());
            assertEquals(ended.truncatedTo(ChronoUnit.SECONDS), basis.expiresAt());
            assertTrue(basis.expiredAt(Instant.now()));
            assertEquals(0, shownFrom(snap, Network.ALPHATRON));
            // even a record the caller still holds from before cannot be retrieved
            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(alphatron()), (m, in) -> in.readAllBytes()));
            assertTrue(denied.reason().contains("expired"), denied.reason());
        }
        assertEquals(0, net.community(Network.ALPHATRON).counters().retrievals());
        assertEquals(2, net.community(Network.ALPHATRON).counters().get(Counters.Kind.QUERY));
    }

    @Test
    void aTemporaryConsentEndingDuringTheSessionStopsRetrieval() throws Exception {
        net.temporaryConsents().grant(PATIENT, Instant.now().plusSeconds(20));
        DemoStudy study = alphatron().study();
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            TimelineEntry e = snap.entries().stream()
                    .filter(x -> x.studyInstanceUid().equals(study.studyInstanceUid())).findFirst().orElseThrow();
            clock.advance(Duration.ofSeconds(25)); // the user reads on; the consent ends
            ExecutionException stopped = assertThrows(ExecutionException.class,
                    () -> client.retrieveStudy(PATIENT, e, (m, in) -> in.readAllBytes()).result().get(60,
                            TimeUnit.SECONDS));
            assertInstanceOf(ConsentDeniedException.class, stopped.getCause());
        }
        assertEquals(0, net.community(Network.ALPHATRON).counters().retrievals());
    }

    @Test
    void withoutATemporaryConsentTheCommunityShowsNothingAndGivesNothing() throws Exception {
        net.temporaryConsents().withdraw(PATIENT);
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(new ConsentBasis.Missing(), status(snap, Network.ALPHATRON).basis());
            assertEquals(0, shownFrom(snap, Network.ALPHATRON));
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(alphatron()), (m, in) -> in.readAllBytes()));
        }
        assertEquals(0, net.community(Network.ALPHATRON).counters().retrievals());
    }

    @Test
    void aConsentLongerThanThePilotsTwentyEightDaysIsNotBelieved() throws Exception {
        net.temporaryConsents().grant(PATIENT, Instant.now().plus(TemporaryConsentSlot.PILOT_CONSENT).plusSeconds(3600));
        try (DuoClient client = client(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(new ConsentBasis.Missing(), status(snap, Network.ALPHATRON).basis());
            assertEquals(0, shownFrom(snap, Network.ALPHATRON));
        }
        assertEquals(0, net.community(Network.ALPHATRON).counters().retrievals());
    }

    @Test
    void aCommunityConfiguredForMitzCannotClaimATemporaryConsent() throws Exception {
        // IT decides the mode: the same TLB answer, slot and all, counts for nothing under Mitz
        DuoClientConfig c = net.clientConfig();
        DuoClientConfig mitzOnly = new DuoClientConfig(c.actorPosition(), c.communities().stream()
                .map(e -> e.withConsent(ConsentMode.MITZ)).toList(), c.mitz(), c.organisation(), c.identity(), c.keystore(), c.trust(),
                c.samlIssuer(), c.transferSyntaxes(), c.queryRetries(), c.maxQuerySplits(),
                c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
        DemoCatalogue.Registration reg = alphatron();
        String ura = reg.publication().institution().ura();
        try (DuoClient client = client(mitzOnly)) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(new ConsentBasis.Mitz(true), status(snap, Network.ALPHATRON).basis());
            client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes());
            assertTrue(net.mitz().closedQuestions().stream().anyMatch(q -> q.holderUra().equals(ura)),
                    "under Mitz the closed question is asked, whatever the community reports");
        }
        assertEquals(1, net.community(Network.ALPHATRON).counters().retrievals());
    }
}
