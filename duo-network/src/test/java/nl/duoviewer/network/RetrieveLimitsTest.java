package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/**
 * The SOAP part of every retrieve answer (ITI-39, RAD-75) is capped on its own: a gateway that pads it is refused
 * before the padding is read, while an answer whose images together far exceed the cap still comes in whole.
 */
class RetrieveLimitsTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;
    static final long CAP = 256 * 1024;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    /** The shared network's configuration with a small SOAP cap and without WADO-RS, so images come over RAD-75. */
    private DuoClientConfig config() {
        DuoClientConfig c = SharedNetwork.config(Duration.ofSeconds(30), 1, CAP);
        List<CommunityEndpoint> soapOnly = c.communities().stream().map(e -> new CommunityEndpoint(e.id(),
                e.displayName(), e.homeCommunityId(), e.queryEndpoint(), e.retrieveEndpoint(), e.imagingEndpoint(),
                null, e.timeout(), e.consent())).toList();
        return new DuoClientConfig(c.actorPosition(), soapOnly, c.mitz(), c.organisation(), c.identity(), c.keystore(), c.trust(),
                c.samlIssuer(), c.transferSyntaxes(), c.queryRetries(), c.maxQuerySplits(),
                c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
    }

    private long seriesBytes(DemoStudy study, DemoSeries s) {
        long total = 0;
        for (int i = 0; i < s.instanceCount(); i++) {
            total += net.content().instance(study, s, i, "1.2.840.10008.1.2.4.90").length();
        }
        return total;
    }

    /** An Enovation study with one series whose images together exceed the SOAP cap. */
    private DemoStudy bigEnough() {
        return net.catalogue().registrations(Network.ENOVATION, PATIENT).stream()
                .map(DemoCatalogue.Registration::study)
                .filter(s -> !s.performanceStudy() && s.publications().size() == 1)
                .filter(s -> s.series().stream().anyMatch(x -> seriesBytes(s, x) > 2 * CAP))
                .min(Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
    }

    private static TimelineEntry entry(DuoClient client, DemoStudy study) throws Exception {
        TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
        return snap.entries().stream().filter(e -> e.studyInstanceUid().equals(study.studyInstanceUid()))
                .findFirst().orElseThrow();
    }

    @Test
    void imagesFarBeyondTheSoapCapStillComeInWhole() throws Exception {
        DemoStudy study = bigEnough();
        StudyRetrievalResult r;
        try (DuoClient client = DuoClient.open(config())) {
            r = client.retrieveStudy(PATIENT, entry(client, study), (m, in) -> in.readAllBytes()).result()
                    .get(60, TimeUnit.SECONDS);
        }
        assertTrue(r.complete(), r.missing().toString());
        assertTrue(r.series().stream().allMatch(s -> s.via().equals("RAD-75")));
    }

    @Test
    void aPaddedSoapPartOfADocumentAnswerIsRefused() throws Exception {
        DemoStudy study = bigEnough();
        AtomicInteger handed = new AtomicInteger();
        try (DuoClient client = DuoClient.open(config())) {
            TimelineEntry e = entry(client, study);
            net.community(Network.ENOVATION).faults().oversizedRetrieve(4 << 20);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> client.retrieveStudy(PATIENT,
                    e, (m, in) -> handed.incrementAndGet()).result().get(60, TimeUnit.SECONDS));
            RetrieveException cause = assertInstanceOf(RetrieveException.class, failed.getCause());
            assertTrue(cause.getMessage().contains("SOAP part") && cause.getMessage().contains(String.valueOf(CAP)),
                    cause.getMessage());
        }
        assertEquals(0, handed.get());
        assertEquals(1, net.community(Network.ENOVATION).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
        assertEquals(0, net.community(Network.ENOVATION).counters().get(Counters.Kind.IMAGE_RETRIEVE));
    }

    @Test
    void aPaddedSoapPartOfAnImagingAnswerIsRefused() throws Exception {
        DemoStudy study = bigEnough();
        DemoSeries series = study.series().getFirst();
        Institution holder = study.publications().getFirst().institution();
        AtomicInteger handed = new AtomicInteger();
        try (DuoClient client = DuoClient.open(config())) {
            entry(client, study);
            net.community(Network.ENOVATION).faults().oversizedRetrieve(4 << 20);
            RetrieveException e = assertThrows(RetrieveException.class, () -> client.retrieveSeries(PATIENT,
                    holder.asSource(), new SeriesRequest(study.studyInstanceUid(), series.seriesInstanceUid(),
                            holder.repositoryUniqueId(), List.of(series.instanceUid(0))),
                    (m, in) -> handed.incrementAndGet()));
            assertTrue(e.getMessage().contains("SOAP part"), e.getMessage());
        }
        assertEquals(0, handed.get());
        assertEquals(1, net.community(Network.ENOVATION).counters().get(Counters.Kind.IMAGE_RETRIEVE));
    }
}
