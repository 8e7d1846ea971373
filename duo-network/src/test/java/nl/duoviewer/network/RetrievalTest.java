package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.StudyContent;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/** Retrieved bytes equal the source's bytes, for every retrieve path, streamed one instance at a time. */
class RetrievalTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;
    static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private static DuoClientConfig with(DuoClientConfig c, List<String> syntaxes, long maxInstanceBytes) {
        return new DuoClientConfig(c.actorPosition(), c.communities(), c.mitz(), c.organisation(), c.identity(),
                c.keystore(), c.trust(), c.samlIssuer(), syntaxes, c.queryRetries(), c.maxQuerySplits(),
                c.maxQueryResponseBytes(), c.maxDocumentBytes(), maxInstanceBytes);
    }

    /** The timeline entry of a catalogue study, as the client found it. */
    private static TimelineEntry entry(DuoClient client, String studyUid) throws Exception {
        TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
        return snap.entries().stream().filter(e -> e.studyInstanceUid().equals(studyUid)).findFirst().orElseThrow();
    }

    private DemoCatalogue.Registration registration(Network n, String modality) {
        return net.catalogue().registrations(n, PATIENT).stream()
                .filter(r -> r.study().modality().equals(modality) && !r.study().performanceStudy())
                .findFirst().orElseGet(() -> net.catalogue().registrations(n, PATIENT).getFirst());
    }

    private static SeriesRequest request(DemoStudy study, DemoSeries series, Institution holder) {
        return new SeriesRequest(study.studyInstanceUid(), series.seriesInstanceUid(), holder.repositoryUniqueId(),
                IntStream.range(0, series.instanceCount()).mapToObj(series::instanceUid).toList());
    }

    /** What the source holds for each instance of the series in one transfer syntax. */
    private Map<String, byte[]> expected(DemoStudy study, DemoSeries series, String ts) throws IOException {
        StudyContent content = net.content();
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < series.instanceCount(); i++) {
            out.put(series.instanceUid(i), content.instance(study, series, i, ts).readAll());
        }
        return out;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((uid, bytes) -> assertArrayEquals(bytes, actual.get(uid), uid));
    }

    @Test
    void kosManifestViaIti39EqualsTheSourceBytes() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.ENOVATION, "MR");
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            TimelineEntry e = entry(client, reg.study().studyInstanceUid());
            StudyRecord record = e.records().stream()
                    .filter(r -> r.source().equals(reg.publication().institution().asSource())).findFirst()
                    .orElseThrow();
            byte[][] got = new byte[1][];
            RetrieveOutcome o = client.retrieveManifest(PATIENT, record, (m, in) -> got[0] = in.readAllBytes());
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status());
            assertArrayEquals(net.content().manifest(reg.study(), reg.publication()).readAll(), got[0]);

            ReportRecord report = e.reports().isEmpty() ? null : e.reports().getFirst();
            if (report != null) {
                byte[][] rep = new byte[1][];
                client.retrieveReport(PATIENT, report, (m, in) -> rep[0] = in.readAllBytes());
                assertArrayEquals(net.content().report(reg.study(), reg.study().report().orElseThrow()).readAll(),
                        rep[0]);
            }
        }
        assertEquals(1, net.community(Network.ENOVATION).counters().retrievesFor(
                reg.publication().institution().ura()) - (reg.study().report().isPresent() ? 1 : 0));
    }

    @Test
    void seriesViaRad75ArrivesInTheFirstOfferedSyntaxTheSourceHas() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        Map<String, byte[]> got = new LinkedHashMap<>();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            RetrieveOutcome o = client.retrieveSeries(PATIENT, holder.asSource(),
                    request(reg.study(), series, holder), (m, in) -> got.put(m.sopInstanceUid(), in.readAllBytes()));
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), o.message());
        }
        assertSameBytes(expected(reg.study(), series, JPEG_LS), got);
        assertEquals(series.instanceCount(), net.community(Network.FOUNDA).counters().instancesServed());
    }

    @Test
    void seriesViaRad69BehindALocalGatewayAndUncompressedWhenOnlyThatIsOffered() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.ALPHATRON, "MR");
        DemoSeries series = reg.study().series().getFirst();
        Institution holder = reg.publication().institution();
        DuoClientConfig behind = with(net.clientConfig(ActorPosition.BEHIND_LOCAL_GATEWAY, Duration.ofSeconds(10)),
                List.of(EXPLICIT_LE), 1L << 30);
        Map<String, byte[]> got = new LinkedHashMap<>();
        try (DuoClient client = DuoClient.open(behind)) {
            entry(client, reg.study().studyInstanceUid());
            RetrieveOutcome o = client.retrieveSeries(PATIENT, holder.asSource(),
                    request(reg.study(), series, holder), (m, in) -> got.put(m.sopInstanceUid(), in.readAllBytes()));
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), o.message());
        }
        assertSameBytes(expected(reg.study(), series, EXPLICIT_LE), got);
        Counters c = net.community(Network.ALPHATRON).counters();
        assertEquals(2, c.get(Counters.Kind.QUERY), "ITI-18 manifests + reports");
        assertEquals(1, c.get(Counters.Kind.IMAGE_RETRIEVE));
    }

    @Test
    void seriesViaWadoRsEqualsTheSourceBytes() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.ENOVATION, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        Map<String, byte[]> got = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            RetrieveOutcome o = client.retrieveSeriesWado(PATIENT, holder.asSource(), reg.study().studyInstanceUid(),
                    series.seriesInstanceUid(), (m, in) -> {
                        got.put(m.sopInstanceUid(), in.readAllBytes());
                        types.add(m.mimeType());
                    });
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), o.message());
            // Enovation stores JPEG 2000; the client prefers JPEG-LS, which Enovation lacks
            assertTrue(types.stream().allMatch(t -> t.contains("1.2.840.10008.1.2.4.90")), types.toString());

            List<byte[]> frames = new ArrayList<>();
            client.retrieveFramesWado(PATIENT, holder.asSource(), reg.study().studyInstanceUid(),
                    series.seriesInstanceUid(), series.instanceUid(0), List.of(1), (m, in) -> frames.add(in.readAllBytes()));
            assertEquals(1, frames.size());
            assertArrayEquals(net.content().instance(reg.study(), series, 0, EXPLICIT_LE).readAll(), frames.getFirst());
        }
        assertSameBytes(expected(reg.study(), series, "1.2.840.10008.1.2.4.90"), got);
        assertEquals(2, net.community(Network.ENOVATION).counters().get(Counters.Kind.WADO));
    }

    @Test
    void firstInstanceIsHandedOverWhileTheSeriesIsStillOnTheWire() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().stream().max(java.util.Comparator.comparingInt(
                DemoSeries::instanceCount)).orElseThrow();
        Institution holder = reg.publication().institution();
        long total = 0;
        for (byte[] b : expected(reg.study(), series, JPEG_LS).values()) {
            total += b.length;
        }
        Counters counters = net.community(Network.FOUNDA).counters();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            net.community(Network.FOUNDA).faults().bandwidth(Math.max(200_000, total / 3));
            AtomicLong sentWhenFirstArrived = new AtomicLong(-1);
            RetrieveOutcome o = client.retrieveSeries(PATIENT, holder.asSource(),
                    request(reg.study(), series, holder), (m, in) -> {
                        in.readAllBytes();
                        sentWhenFirstArrived.compareAndSet(-1, counters.throttledBytes());
                    });
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status());
            assertTrue(sentWhenFirstArrived.get() > 0);
            assertTrue(sentWhenFirstArrived.get() < total / 2,
                    "first instance consumed after " + sentWhenFirstArrived.get() + " of " + total + " bytes");
        }
    }

    @Test
    void partialSuccessReturnsWhatCameAndNamesWhatIsMissing() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        List<String> got = new ArrayList<>();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            net.community(Network.FOUNDA).faults().partialSuccess(true);
            RetrieveOutcome o = client.retrieveSeries(PATIENT, holder.asSource(),
                    request(reg.study(), series, holder), (m, in) -> got.add(m.sopInstanceUid()));
            assertEquals(RetrieveOutcome.Status.PARTIAL, o.status());
            assertEquals(got, o.received());
            assertEquals(series.instanceCount(), o.received().size() + o.missing().size());
            assertEquals(series.instanceCount() / 2, o.missing().size());
            assertTrue(o.message().contains("Founda Health") && o.message().contains("XDSRepositoryError"),
                    o.message());
        }
    }

    @Test
    void anInstanceAboveTheSizeCapAbortsTheRetrieve() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        try (DuoClient client = DuoClient.open(with(net.clientConfig(), DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES,
                1024))) {
            entry(client, reg.study().studyInstanceUid());
            RetrieveException e = assertThrows(RetrieveException.class, () -> client.retrieveSeries(PATIENT,
                    holder.asSource(), request(reg.study(), series, holder), (m, in) -> in.readAllBytes()));
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
        }
    }

    @Test
    void aTransferThatStallsHalfWayIsAbandoned() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        try (DuoClient client = DuoClient.open(SharedNetwork.config(Duration.ofSeconds(1), 0, 32L << 20))) {
            entry(client, reg.study().studyInstanceUid());
            net.community(Network.FOUNDA).faults().slowDrip(64, Duration.ofMillis(2500));
            RetrieveException rad = assertThrows(RetrieveException.class, () -> client.retrieveSeries(PATIENT,
                    holder.asSource(), request(reg.study(), series, holder), (m, in) -> in.readAllBytes()));
            assertTrue(rad.getMessage().contains("Founda Health") && rad.getMessage().contains("stalled"),
                    rad.getMessage());
            RetrieveException wado = assertThrows(RetrieveException.class, () -> client.retrieveSeriesWado(PATIENT,
                    holder.asSource(), reg.study().studyInstanceUid(), series.seriesInstanceUid(),
                    (m, in) -> in.readAllBytes()));
            assertTrue(wado.getMessage().contains("stalled"), wado.getMessage());
            assertTrue(!Thread.currentThread().isInterrupted(), "the guard's interrupt must not leak");
        }
    }

    @Test
    void thePerformanceStudyStreamsThroughWithoutBufferingTheSeries() throws Exception {
        DemoStudy study = net.catalogue().performanceStudy();
        DemoSeries series = study.series().stream().filter(s -> s.instanceCount() >= 1000).findFirst().orElseThrow();
        Institution holder = study.institution();
        MessageDigest expectedDigest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < series.instanceCount(); i++) {
            expectedDigest.update(net.content().instance(study, series, i, JPEG_LS).readAll());
        }
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        List<String> order = new ArrayList<>();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, study.studyInstanceUid());
            RetrieveOutcome o = client.retrieveSeries(PATIENT, holder.asSource(), request(study, series, holder),
                    (m, in) -> {
                        actual.update(in.readAllBytes());
                        order.add(m.sopInstanceUid());
                    });
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status());
        }
        assertEquals(IntStream.range(0, series.instanceCount()).mapToObj(series::instanceUid).toList(), order);
        assertEquals(HexFormat.of().formatHex(expectedDigest.digest()), HexFormat.of().formatHex(actual.digest()));
    }

    @Test
    void aTruncatedImageAnswerFailsNamingItsSourceAndWhatCameWholeIsTheSourcesBytes() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        Map<String, byte[]> expected = expected(reg.study(), series, JPEG_LS);
        long total = expected.values().stream().mapToLong(b -> b.length).sum();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            net.community(Network.FOUNDA).faults().truncateImagesAfter(total / 2);
            Map<String, byte[]> rad = new LinkedHashMap<>();
            RetrieveException e = assertThrows(RetrieveException.class, () -> client.retrieveSeries(PATIENT,
                    holder.asSource(), request(reg.study(), series, holder),
                    (m, in) -> rad.put(m.sopInstanceUid(), in.readAllBytes())));
            assertTrue(e.getMessage().contains("Founda Health"), e.getMessage());
            Map<String, byte[]> wado = new LinkedHashMap<>();
            IOException w = assertThrows(IOException.class, () -> client.retrieveSeriesWado(PATIENT,
                    holder.asSource(), reg.study().studyInstanceUid(), series.seriesInstanceUid(),
                    (m, in) -> wado.put(m.sopInstanceUid(), in.readAllBytes())));
            assertTrue(w.getMessage() != null, "the failure says what happened");
            for (Map<String, byte[]> got : List.of(rad, wado)) {
                String path = got == rad ? "RAD-75" : "WADO-RS";
                assertTrue(!got.isEmpty() && got.size() < series.instanceCount(), path + ": " + got.size());
                got.forEach((uid, bytes) -> assertArrayEquals(expected.get(uid), bytes, path + " " + uid));
            }
        }
    }

    @Test
    void theWrongPatientFaultServesAnotherPatientsImageUnderTheRequestedUid() throws Exception {
        DemoCatalogue.Registration reg = registration(Network.FOUNDA, "CT");
        DemoSeries series = reg.study().series().getLast();
        Institution holder = reg.publication().institution();
        var other = nl.duoviewer.network.gateway.WrongPatientImages.substitute(net.catalogue(), reg.study(), series,
                0).orElseThrow();
        assertTrue(!net.catalogue().patientOfStudy(other.study().studyInstanceUid()).orElseThrow().bsn()
                .equals(PATIENT));
        byte[] foreign = net.content().instance(other.study(), other.series(), other.index(), JPEG_LS).readAll();
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            entry(client, reg.study().studyInstanceUid());
            net.community(Network.FOUNDA).faults().wrongPatientImages(true);
            Map<String, byte[]> rad = new LinkedHashMap<>();
            client.retrieveSeries(PATIENT, holder.asSource(), request(reg.study(), series, holder),
                    (m, in) -> rad.put(m.sopInstanceUid(), in.readAllBytes()));
            Map<String, byte[]> wado = new LinkedHashMap<>();
            client.retrieveSeriesWado(PATIENT, holder.asSource(), reg.study().studyInstanceUid(),
                    series.seriesInstanceUid(), (m, in) -> wado.put(m.sopInstanceUid(), in.readAllBytes()));
            for (Map<String, byte[]> got : List.of(rad, wado)) {
                assertEquals(series.instanceCount(), got.size());
                assertArrayEquals(foreign, got.get(series.instanceUid(0)), "the other patient's image");
            }
        }
    }
}
