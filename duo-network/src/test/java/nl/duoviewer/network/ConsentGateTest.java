package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.mitz.MitzFault;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.TimelineSession;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/** No retrieval without Mitz: the institutions that may not be asked receive nothing at all. */
class ConsentGateTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private DuoClient client() {
        return DuoClient.open(SharedNetwork.config(Duration.ofSeconds(5), 1, 32L << 20));
    }

    /** A registration of the patient by this institution, as the client would have it from a query. */
    private StudyRecord record(DemoCatalogue.Registration r) {
        DemoStudy s = r.study();
        Institution i = r.publication().institution();
        return new StudyRecord(s.studyInstanceUid(), PATIENT, s.dateTime(), java.util.Set.of(s.modality()),
                s.bodyPart(), s.description(), s.accessionNumber(), i.asSource(),
                new DocumentLocator(i.network().homeCommunityId(), i.repositoryUniqueId(),
                        r.publication().kosDocumentUid(), "application/dicom"));
    }

    private DemoCatalogue.Registration someRegistration(Network n) {
        return net.catalogue().registrations(n, PATIENT).getFirst();
    }

    private static long retrievals(CommunityNode c) {
        return c.counters().retrievals();
    }

    @Test
    void unlocalisedInstitutionIsNeitherShownNorAsked() throws Exception {
        DemoCatalogue.Registration hidden = someRegistration(Network.ENOVATION);
        Institution inst = hidden.publication().institution();
        net.mitz().consent().unregister(PATIENT, inst.ura());
        try (DuoClient client = client()) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            for (TimelineEntry e : snap.entries()) {
                assertFalse(e.sources().contains(inst.asSource()), "unlocalised institution shown: " + e);
            }
            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(hidden), (m, in) -> in.readAllBytes()));
            assertEquals("Geen toestemming of geen gegevens beschikbaar", denied.getMessage());
            DemoSeries series = hidden.study().series().getFirst();
            assertThrows(ConsentDeniedException.class, () -> client.retrieveSeries(PATIENT, inst.asSource(),
                    new SeriesRequest(hidden.study().studyInstanceUid(), series.seriesInstanceUid(),
                            inst.repositoryUniqueId(), List.of(series.instanceUid(0))), (m, in) -> { }));
        }
        CommunityNode enovation = net.community(Network.ENOVATION);
        assertEquals(0, enovation.counters().retrievesFor(inst.ura()));
        assertEquals(0, retrievals(enovation));
    }

    @Test
    void communityWithoutLocalisedInstitutionsIsNotEvenQueried() throws Exception {
        for (Institution i : net.catalogue().institutions(Network.ALPHATRON)) {
            net.mitz().consent().unregister(PATIENT, i.ura());
        }
        try (DuoClient client = client()) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertTrue(snap.sources().stream().noneMatch(s -> s.sourceId().equals(Network.ALPHATRON.homeCommunityId())));
            assertFalse(snap.entries().isEmpty());
        }
        Counters alphatron = net.community(Network.ALPHATRON).counters();
        assertEquals(0, alphatron.get(Counters.Kind.QUERY));
        assertEquals(0, alphatron.retrievals());
    }

    @Test
    void consentWithdrawnAfterLocalisationStopsRetrievalAtTheGate() throws Exception {
        DemoCatalogue.Registration allowed = someRegistration(Network.FOUNDA);
        DemoCatalogue.Registration refused = someRegistration(Network.ENOVATION);
        try (DuoClient client = client()) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertTrue(snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.COMPLETE));
            net.mitz().consent().deny(PATIENT, refused.publication().institution().ura());

            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(refused), (m, in) -> in.readAllBytes()));
            assertEquals("Geen toestemming of geen gegevens beschikbaar", denied.getMessage());
            assertTrue(denied.reason().contains("Deny"), denied.reason());

            ByteArrayOutputStream kos = new ByteArrayOutputStream();
            client.retrieveManifest(PATIENT, record(allowed), (m, in) -> in.transferTo(kos));
            assertTrue(kos.size() > 0);
        }
        assertEquals(0, retrievals(net.community(Network.ENOVATION)));
        assertEquals(1, net.community(Network.FOUNDA).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
        assertTrue(net.mitz().counters().get(Counters.Kind.MITZ_CLOSED) >= 2);
    }

    @Test
    void decisionsAreCachedBrieflyAndForgottenOnPatientSwitch() throws Exception {
        DemoCatalogue.Registration reg = someRegistration(Network.FOUNDA);
        Institution inst = reg.publication().institution();
        try (DuoClient client = client()) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes());
            net.mitz().consent().deny(PATIENT, inst.ura());
            // within the cache lifetime the earlier Permit still holds: no second closed question
            client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes());
            assertEquals(1, net.mitz().counters().get(Counters.Kind.MITZ_CLOSED));

            Bsn other = net.catalogue().patients().get(1).bsn();
            client.queryTimeline(other).completion().get(60, TimeUnit.SECONDS);
            net.mitz().consent().grant(PATIENT, inst.ura());
            net.mitz().consent().deny(PATIENT, inst.ura());
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes()));
        }
        assertEquals(2, net.community(Network.FOUNDA).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
    }

    @Test
    void anyMitzTroubleMeansNoRetrieval() throws Exception {
        DemoCatalogue.Registration reg = someRegistration(Network.FOUNDA);
        try (DuoClient client = client()) {
            client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            net.mitz().setFault(MitzFault.INDETERMINATE);
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes()));
            net.mitz().setFault(MitzFault.MALFORMED);
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes()));
            net.mitz().setFault(MitzFault.WRONG_RELATES_TO);
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes()));
            net.mitz().setFault(MitzFault.NONE);
            net.mitz().setDown(true);
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(PATIENT, record(reg), (m, in) -> in.readAllBytes()));
        }
        assertEquals(0, retrievals(net.community(Network.FOUNDA)));
    }

    @Test
    void xxeInAMitzAnswerIsRejectedAndNothingIsQueried() throws Exception {
        net.mitz().setFault(MitzFault.XXE);
        try (DuoClient client = client()) {
            TimelineSession s = client.queryTimeline(PATIENT);
            TimelineSnapshot snap = s.completion().get(60, TimeUnit.SECONDS);
            assertTrue(snap.entries().isEmpty());
            assertEquals(1, snap.sources().size());
            assertEquals(SourceStatus.State.FAILED, snap.sources().getFirst().state());
            assertEquals("Geen toestemming of geen gegevens beschikbaar", snap.sources().getFirst().message());
        }
        for (CommunityNode c : net.communities()) {
            assertEquals(0, c.counters().get(Counters.Kind.QUERY));
        }
        assertEquals(1, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
    }
}
