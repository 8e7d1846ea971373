package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.PatientIdentifiers;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.mitz.MitzFault;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.SeriesOutcome;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;

/**
 * Where real gateways differ from the embedded network's defaults, over the real SOAP path: each variant of
 * {@code FaultProfile} (and Mitz's bare-OID answer) switched on for one community, and what the user gets
 * (decision record 25).
 */
class GatewayVariantsTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private DuoClient client() {
        return DuoClient.open(SharedNetwork.config(Duration.ofSeconds(15), 1, 32L << 20));
    }

    private static TimelineSnapshot timeline(DuoClient client) throws Exception {
        return client.queryTimeline(PATIENT).completion().get(90, TimeUnit.SECONDS);
    }

    private static SourceStatus status(TimelineSnapshot s, Network n) {
        return s.sources().stream().filter(x -> x.sourceId().equals(n.homeCommunityId())).findFirst().orElseThrow();
    }

    private Set<String> published() {
        return net.catalogue().patient(PATIENT).orElseThrow().studies().stream().map(DemoStudy::studyInstanceUid)
                .collect(Collectors.toSet());
    }

    private static Set<String> uids(TimelineSnapshot s) {
        return s.entries().stream().map(TimelineEntry::studyInstanceUid).collect(Collectors.toSet());
    }

    private TimelineEntry entry(TimelineSnapshot s, DemoStudy study) {
        return s.entries().stream().filter(e -> e.studyInstanceUid().equals(study.studyInstanceUid())).findFirst()
                .orElseThrow(() -> new AssertionError("not on the timeline: " + study.description()));
    }

    /** The smallest study of the patient published by this network alone, with at least {@code series} series. */
    private DemoStudy smallStudy(Network network, int series) {
        return net.catalogue().registrations(network, PATIENT).stream().map(DemoCatalogue.Registration::study)
                .filter(s -> s.publications().size() == 1 && s.series().size() >= series && !s.performanceStudy())
                .min(Comparator.comparingInt(DemoStudy::instanceCount))
                .orElseThrow(() -> new AssertionError("no study with " + series + " series at " + network));
    }

    @Test
    void bareHomeCommunityIdsFromAGatewayAndFromMitzStillFillTheTimelineAndRetrieve() throws Exception {
        net.community(Network.FOUNDA).faults().bareHomeCommunityId(true);
        net.mitz().setFault(MitzFault.BARE_HOME_COMMUNITY_ID);
        try (DuoClient client = client()) {
            TimelineSnapshot s = timeline(client);
            for (Network n : Network.values()) {
                assertEquals(SourceStatus.State.COMPLETE, status(s, n).state(), n + ": " + status(s, n));
            }
            assertEquals(published(), uids(s), "nothing vanished as 'not localised'");
            DemoStudy study = smallStudy(Network.FOUNDA, 1);
            StudyRetrievalResult r = client.retrieveStudy(PATIENT, entry(s, study), (i, in) -> in.readAllBytes())
                    .result().get(90, TimeUnit.SECONDS);
            assertTrue(r.complete(), r.missing().toString());
        }
    }

    @Test
    void anObjectRefAnswerIsFollowedUpAndEveryStudyArrives() throws Exception {
        net.community(Network.ENOVATION).faults().objectRefsOnly(true);
        try (DuoClient client = client()) {
            TimelineSnapshot s = timeline(client);
            assertEquals(SourceStatus.State.COMPLETE, status(s, Network.ENOVATION).state(),
                    status(s, Network.ENOVATION).message());
            assertEquals(published(), uids(s));
        }
        assertTrue(net.community(Network.ENOVATION).counters().get(Counters.Kind.QUERY) > 2,
                "FindDocuments answered with ObjectRefs, then GetDocuments");
        assertEquals(0, net.community(Network.ENOVATION).counters().get(Counters.Kind.INVALID_REQUEST),
                "the GetDocuments follow-up passes IPF's validator");
    }

    @Test
    void oneEntryOfAnotherPatientIsDroppedCountedAndTheRestIsShown() throws Exception {
        net.community(Network.ALPHATRON).faults().otherPatientEntries(1);
        int answers = (net.catalogue().registrations(Network.ALPHATRON, PATIENT).isEmpty() ? 0 : 1)
                + (net.catalogue().reports(Network.ALPHATRON, PATIENT).isEmpty() ? 0 : 1);
        try (DuoClient client = client()) {
            TimelineSnapshot s = timeline(client);
            SourceStatus alphatron = status(s, Network.ALPHATRON);
            assertEquals(SourceStatus.State.PARTIAL, alphatron.state(), alphatron.toString());
            assertEquals(answers, alphatron.droppedOtherPatient(), "one per answer, each counted");
            assertEquals(SourceStatus.State.COMPLETE, status(s, Network.FOUNDA).state());
            assertTrue(s.entries().stream().allMatch(e -> e.patient().equals(PATIENT)));
            long alphatronStudies = s.entries().stream().filter(e -> e.sources().stream()
                    .anyMatch(i -> i.homeCommunityId().equals(Network.ALPHATRON.homeCommunityId()))).count();
            assertTrue(alphatronStudies >= net.catalogue().registrations(Network.ALPHATRON, PATIENT).size() - 1,
                    "only the one entry is missing, not the community");
        }
    }

    @Test
    void aSeriesWithoutRetrieveLocationIsMissingAloneAndTheOthersArrive() throws Exception {
        net.community(Network.FOUNDA).faults().seriesWithoutRetrieveLocation(true);
        DemoStudy study = smallStudy(Network.FOUNDA, 2);
        try (DuoClient client = client()) {
            TimelineSnapshot s = timeline(client);
            StudyRetrievalResult r = client.retrieveStudy(PATIENT, entry(s, study), (i, in) -> in.readAllBytes())
                    .result().get(90, TimeUnit.SECONDS);
            SeriesOutcome first = r.series().getFirst();
            assertEquals(study.series().getFirst().seriesInstanceUid(), first.seriesInstanceUid());
            assertEquals(RetrieveOutcome.Status.FAILED, first.outcome().status());
            assertTrue(first.outcome().message().contains("no Retrieve Location UID or Retrieve URL"),
                    first.outcome().message());
            for (SeriesOutcome o : r.series().subList(1, r.series().size())) {
                assertEquals(RetrieveOutcome.Status.COMPLETE, o.outcome().status(), o.toString());
            }
            assertEquals(study.series().getFirst().instanceCount(), r.missing().size(), "that series, and only it");
        }
    }

    @Test
    void aLocalRecordNumberWithTheBsnInOtherPatientIdsIsThisPatientsManifest() throws Exception {
        net.community(Network.ENOVATION).faults().localPatientId(true);
        DemoStudy study = smallStudy(Network.ENOVATION, 1);
        try (DuoClient client = client()) {
            TimelineSnapshot s = timeline(client);
            StudyManifest[] manifest = new StudyManifest[1];
            StudyRetrievalResult r = client.retrieveStudy(PATIENT, entry(s, study), m -> manifest[0] = m,
                    (i, in) -> in.readAllBytes()).result().get(90, TimeUnit.SECONDS);
            assertTrue(r.complete(), r.missing().toString());
            assertFalse(manifest[0].patientId().equals(PATIENT.value()), "Patient ID holds the local number");
            assertEquals(PatientIdentifiers.Verdict.MATCHES,
                    PatientIdentifiers.judge(manifest[0].identifiers(), PATIENT));
            assertTrue(study.publications().stream().map(Publication::institution)
                    .allMatch(i -> i.network() == Network.ENOVATION));
        }
    }
}
