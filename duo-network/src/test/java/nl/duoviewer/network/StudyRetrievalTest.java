package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.SeriesOutcome;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.manifest.KosParser;
import nl.duoviewer.xca.manifest.ManifestSeries;
import nl.duoviewer.xca.manifest.StudyManifest;

/** A timeline entry in, every image of the study out: consent gate, KOS, then WADO-RS or RAD-75 per series. */
class StudyRetrievalTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private DuoClient client() {
        return DuoClient.open(net.clientConfig());
    }

    private static TimelineEntry entry(DuoClient client, String studyUid) throws Exception {
        TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
        return snap.entries().stream().filter(e -> e.studyInstanceUid().equals(studyUid)).findFirst().orElseThrow();
    }

    private DemoStudy study(Network network, boolean large) {
        return net.catalogue().registrations(network, PATIENT).stream().map(DemoCatalogue.Registration::study)
                .filter(s -> s.performanceStudy() == large && s.publications().size() == 1)
                .filter(s -> large || s.instanceCount() > 3)
                .findFirst().orElseThrow();
    }

    /** Expected bytes per SOP Instance UID, in the syntax the network will deliver to the default offer. */
    private Map<String, byte[]> expected(DemoStudy study, String ts) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (DemoSeries s : study.series()) {
            for (int i = 0; i < s.instanceCount(); i++) {
                out.put(s.instanceUid(i), net.content().instance(study, s, i, ts).readAll());
            }
        }
        return out;
    }

    @Test
    void theManifestDescribesTheCatalogueStudy() throws Exception {
        for (Network n : Network.values()) {
            DemoStudy study = study(n, false);
            Publication pub = study.publications().getFirst();
            StudyManifest m = KosParser.parse(net.content().manifest(study, pub).readAll(), study.studyInstanceUid());
            assertEquals(pub.kosDocumentUid(), m.manifestSopInstanceUid());
            assertEquals(PATIENT.value(), m.patientId());
            assertEquals(Bsn.OID, m.patientIdIssuer());
            assertTrue(m.consistentWith(PATIENT));
            assertEquals(study.series().size(), m.series().size());
            for (int i = 0; i < study.series().size(); i++) {
                DemoSeries expected = study.series().get(i);
                ManifestSeries got = m.series().get(i);
                assertEquals(expected.seriesInstanceUid(), got.seriesInstanceUid());
                assertEquals(pub.institution().repositoryUniqueId(), got.retrieveLocationUid());
                assertEquals(expected.instanceCount(), got.instances().size());
                assertEquals(expected.instanceUid(0), got.sopInstanceUids().getFirst());
                assertEquals(expected.sopClassUid(), got.instances().getFirst().sopClassUid());
                URI wado = net.community(n).wadoBase();
                assertEquals(wado == null ? null : URI.create(wado + "/studies/" + study.studyInstanceUid()
                        + "/series/" + expected.seriesInstanceUid()), got.retrieveUrl());
            }
        }
    }

    @Test
    void studyWithoutRetrieveUrlsComesViaRad75() throws Exception {
        DemoStudy study = study(Network.ALPHATRON, false);
        Map<String, byte[]> got = new LinkedHashMap<>();
        StudyRetrievalResult result;
        try (DuoClient client = client()) {
            TimelineEntry e = entry(client, study.studyInstanceUid());
            result = client.retrieveStudy(PATIENT, e, (m, in) -> got.put(m.sopInstanceUid(), in.readAllBytes()))
                    .result().get(120, TimeUnit.SECONDS);
        }
        assertTrue(result.complete(), result.missing().toString());
        assertTrue(result.series().stream().allMatch(s -> s.via().equals("RAD-75")));
        // Alphatron lacks the client's first choices; RLE is the first offered syntax it has
        Map<String, byte[]> expected = expected(study, "1.2.840.10008.1.2.5");
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((uid, b) -> assertArrayEquals(b, got.get(uid), uid));
        Counters c = net.community(Network.ALPHATRON).counters();
        assertEquals(1, c.get(Counters.Kind.DOCUMENT_RETRIEVE));
        assertEquals(study.series().size(), c.get(Counters.Kind.IMAGE_RETRIEVE));
        assertEquals(0, c.get(Counters.Kind.WADO));
    }

    @Test
    void studyWithRetrieveUrlsComesViaWadoRs() throws Exception {
        DemoStudy study = study(Network.FOUNDA, false);
        Map<String, byte[]> got = new LinkedHashMap<>();
        StudyRetrievalResult result;
        try (DuoClient client = client()) {
            TimelineEntry e = entry(client, study.studyInstanceUid());
            result = client.retrieveStudy(PATIENT, e, (m, in) -> got.put(m.sopInstanceUid(), in.readAllBytes()))
                    .result().get(120, TimeUnit.SECONDS);
        }
        assertTrue(result.complete(), result.missing().toString());
        assertTrue(result.series().stream().map(SeriesOutcome::via).allMatch("WADO-RS"::equals));
        Map<String, byte[]> expected = expected(study, "1.2.840.10008.1.2.4.80");
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((uid, b) -> assertArrayEquals(b, got.get(uid), uid));
        Counters c = net.community(Network.FOUNDA).counters();
        assertEquals(study.series().size(), c.get(Counters.Kind.WADO));
        assertEquals(0, c.get(Counters.Kind.IMAGE_RETRIEVE));
    }

    @Test
    void aStudyPublishedTwiceComesFromTheSourceConsentAllows() throws Exception {
        DemoStudy twice = net.catalogue().doublyPublishedStudy();
        Institution first = twice.publications().get(0).institution();
        Institution second = twice.publications().get(1).institution();
        AtomicInteger count = new AtomicInteger();
        try (DuoClient client = client()) {
            TimelineEntry e = entry(client, twice.studyInstanceUid());
            assertEquals(2, e.sources().size());
            net.mitz().consent().deny(PATIENT, first.ura());
            StudyRetrievalResult r = client.retrieveStudy(PATIENT, e, (m, in) -> count.incrementAndGet())
                    .result().get(120, TimeUnit.SECONDS);
            assertEquals(second.asSource(), r.source());
            assertTrue(r.complete());
            assertEquals(twice.instanceCount(), count.get());
        }
        assertEquals(0, net.community(first.network()).counters().retrievesFor(first.ura()));
    }

    @Test
    void noSourceAllowedMeansNothingIsRetrieved() throws Exception {
        DemoStudy study = study(Network.ENOVATION, false);
        try (DuoClient client = client()) {
            TimelineEntry e = entry(client, study.studyInstanceUid());
            net.mitz().consent().deny(PATIENT, study.institution().ura());
            StudyRetrieval r = client.retrieveStudy(PATIENT, e, (m, in) -> { });
            ExecutionException ex = assertThrows(ExecutionException.class, () -> r.result().get(60, TimeUnit.SECONDS));
            assertInstanceOf(ConsentDeniedException.class, ex.getCause());
            assertEquals("Geen toestemming of geen gegevens beschikbaar", ex.getCause().getMessage());
        }
        assertEquals(0, net.community(Network.ENOVATION).counters().retrievals());
    }

    @Test
    void cancellingStopsTheStreamOfInstances() throws Exception {
        DemoStudy big = net.catalogue().performanceStudy();
        List<String> got = new ArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        try (DuoClient client = client()) {
            TimelineEntry e = entry(client, big.studyInstanceUid());
            net.community(Network.FOUNDA).faults().bandwidth(2_000_000);
            StudyRetrieval r = client.retrieveStudy(PATIENT, e, (m, in) -> {
                in.readAllBytes();
                synchronized (got) {
                    got.add(m.sopInstanceUid());
                }
                firstArrived.countDown();
            });
            assertTrue(firstArrived.await(60, TimeUnit.SECONDS));
            r.cancel();
            int atCancel;
            synchronized (got) {
                atCancel = got.size();
            }
            assertThrows(CancellationException.class, () -> r.result().get(60, TimeUnit.SECONDS));
            Thread.sleep(300);
            synchronized (got) {
                assertTrue(got.size() <= atCancel + 1, "instances kept coming after cancel: " + got.size());
                assertTrue(got.size() < big.instanceCount());
            }
        }
    }
}
