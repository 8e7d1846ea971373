package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.TimelineSession;

/** Per-community failures over real loopback traffic: each is named, none blanks the others. */
class SourceFaultsTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private TimelineSnapshot query(Duration timeout, int retries, long maxResponse) throws Exception {
        try (DuoClient client = DuoClient.open(SharedNetwork.config(timeout, retries, maxResponse))) {
            TimelineSession s = client.queryTimeline(PATIENT);
            return s.completion().get(60, TimeUnit.SECONDS);
        }
    }

    private TimelineSnapshot query() throws Exception {
        return query(Duration.ofSeconds(5), 1, 32L << 20);
    }

    private static SourceStatus status(TimelineSnapshot snap, Network n) {
        return snap.sources().stream().filter(s -> s.sourceId().equals(n.homeCommunityId())).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + n));
    }

    /** Study UIDs the catalogue published in these networks for the patient. */
    private Set<String> publishedIn(Set<Network> networks) {
        return net.catalogue().patient(PATIENT).orElseThrow().studies().stream()
                .filter(s -> s.publications().stream().map(Publication::institution)
                        .anyMatch(i -> networks.contains(i.network())))
                .map(DemoStudy::studyInstanceUid).collect(Collectors.toSet());
    }

    private static Set<String> uids(TimelineSnapshot snap) {
        return snap.entries().stream().map(TimelineEntry::studyInstanceUid).collect(Collectors.toSet());
    }

    @Test
    void oneCommunityDownLeavesTheOthersComplete() throws Exception {
        net.community(Network.ENOVATION).setDown(true);
        TimelineSnapshot snap = query();
        SourceStatus down = status(snap, Network.ENOVATION);
        assertEquals(SourceStatus.State.FAILED, down.state());
        assertTrue(down.message().contains("Enovation"), down.message());
        assertTrue(down.state().retryable());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.FOUNDA).state());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.ALPHATRON).state());
        assertEquals(publishedIn(Set.of(Network.FOUNDA, Network.ALPHATRON)), uids(snap));
    }

    @Test
    void aFailedCommunityCanBeRetriedAlone() throws Exception {
        net.community(Network.ALPHATRON).setDown(true);
        try (DuoClient client = DuoClient.open(SharedNetwork.config(Duration.ofSeconds(5), 0, 32L << 20))) {
            TimelineSession s = client.queryTimeline(PATIENT);
            TimelineSnapshot first = s.completion().get(60, TimeUnit.SECONDS);
            assertEquals(SourceStatus.State.FAILED, status(first, Network.ALPHATRON).state());
            long foundaQueries = net.community(Network.FOUNDA).counters().get(Counters.Kind.QUERY);

            net.community(Network.ALPHATRON).setDown(false);
            SourceStatus retried = s.retry(Network.ALPHATRON.key()).get(60, TimeUnit.SECONDS);
            assertEquals(SourceStatus.State.COMPLETE, retried.state());
            TimelineSnapshot after = s.timeline().snapshot();
            assertEquals(SourceStatus.State.COMPLETE, status(after, Network.ALPHATRON).state());
            assertEquals(publishedIn(Set.of(Network.values())), uids(after));
            assertEquals(foundaQueries, net.community(Network.FOUNDA).counters().get(Counters.Kind.QUERY),
                    "the retry asks only the failed community");
        }
    }

    @Test
    void slowCommunityTimesOutWhileTheOthersComplete() throws Exception {
        net.community(Network.ALPHATRON).faults().latency(Duration.ofSeconds(4));
        TimelineSnapshot snap = query(Duration.ofSeconds(1), 1, 32L << 20);
        SourceStatus slow = status(snap, Network.ALPHATRON);
        assertEquals(SourceStatus.State.TIMED_OUT, slow.state());
        assertTrue(slow.message().contains("Alphatron TLB"), slow.message());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.FOUNDA).state());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.ENOVATION).state());
        assertEquals(publishedIn(Set.of(Network.FOUNDA, Network.ENOVATION)), uids(snap));
    }

    @Test
    void slowDripResponseTimesOut() throws Exception {
        net.community(Network.FOUNDA).faults().slowDrip(256, Duration.ofMillis(50));
        TimelineSnapshot snap = query(Duration.ofSeconds(1), 0, 32L << 20);
        SourceStatus drip = status(snap, Network.FOUNDA);
        assertEquals(SourceStatus.State.TIMED_OUT, drip.state(), drip.message());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.ENOVATION).state());
    }

    @Test
    void registryBusyIsRetriedAndPersistentBusyIsNamed() throws Exception {
        net.community(Network.FOUNDA).faults().registryBusy(1);
        net.community(Network.ENOVATION).faults().registryBusy(-1);
        TimelineSnapshot snap = query();
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.FOUNDA).state());
        assertEquals(3, net.community(Network.FOUNDA).counters().get(Counters.Kind.QUERY),
                "manifests (busy, then retried) and reports");
        SourceStatus busy = status(snap, Network.ENOVATION);
        assertEquals(SourceStatus.State.FAILED, busy.state());
        assertTrue(busy.message().contains("Enovation") && busy.message().contains("XDSRegistryBusy"),
                busy.message());
        assertEquals(publishedIn(Set.of(Network.FOUNDA, Network.ALPHATRON)), uids(snap));
    }

    @Test
    void tooManyResultsIsNarrowedByServiceTime() throws Exception {
        net.community(Network.FOUNDA).faults().tooManyResultsAbove(6);
        TimelineSnapshot snap = query();
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.FOUNDA).state());
        assertEquals(publishedIn(Set.of(Network.values())), uids(snap));
        assertTrue(net.community(Network.FOUNDA).counters().get(Counters.Kind.QUERY) > 4,
                "narrowing needs extra queries");
    }

    @Test
    void tooManyResultsBeyondTheSplitBudgetIsPartial() throws Exception {
        net.community(Network.FOUNDA).faults().tooManyResultsAbove(0);
        TimelineSnapshot snap = query();
        SourceStatus s = status(snap, Network.FOUNDA);
        assertEquals(SourceStatus.State.PARTIAL, s.state());
        assertTrue(s.message().contains("XDSTooManyResults"), s.message());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.ENOVATION).state());
    }

    @Test
    void partialSuccessIsShownWithItsCodes() throws Exception {
        net.community(Network.ALPHATRON).faults().partialSuccess(true);
        TimelineSnapshot snap = query();
        SourceStatus s = status(snap, Network.ALPHATRON);
        assertEquals(SourceStatus.State.PARTIAL, s.state());
        assertTrue(s.message().contains("Alphatron TLB") && s.message().contains("XDSRegistryNotAvailable"),
                s.message());
        assertFalse(uids(snap).isEmpty());
    }

    @Test
    void wrongPatientAnswerIsRejectedAsAWhole() throws Exception {
        net.community(Network.ENOVATION).faults().wrongPatient(true);
        TimelineSnapshot snap = query();
        SourceStatus s = status(snap, Network.ENOVATION);
        assertEquals(SourceStatus.State.FAILED, s.state());
        assertTrue(s.message().contains("returned data for another patient"), s.message());
        assertEquals(publishedIn(Set.of(Network.FOUNDA, Network.ALPHATRON)), uids(snap));
        for (TimelineEntry e : snap.entries()) {
            assertEquals(PATIENT, e.patient());
        }
    }

    @Test
    void oversizedAnswerIsRejectedWithoutReadingItAll() throws Exception {
        net.community(Network.FOUNDA).faults().oversized(3 << 20);
        TimelineSnapshot snap = query(Duration.ofSeconds(5), 1, 1L << 20);
        SourceStatus s = status(snap, Network.FOUNDA);
        assertEquals(SourceStatus.State.FAILED, s.state());
        assertTrue(s.message().contains("Founda Health") && s.message().contains("larger than the limit"), s.message());
        assertEquals(SourceStatus.State.COMPLETE, status(snap, Network.ALPHATRON).state());
    }

    @Test
    void serverErrorsAreNamedPerCommunity() throws Exception {
        net.community(Network.ALPHATRON).faults().errorRate(1.0, 42);
        TimelineSnapshot snap = query();
        SourceStatus s = status(snap, Network.ALPHATRON);
        assertEquals(SourceStatus.State.FAILED, s.state());
        assertTrue(s.message().contains("Alphatron TLB") && s.message().contains("server error"), s.message());
        assertEquals(publishedIn(Set.of(Network.FOUNDA, Network.ENOVATION)), uids(snap));
    }
}
