package nl.duoviewer.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.testing.ControlledContent;
import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.app.testing.RecordingListener;
import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.log.AuditLogVerifier;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.app.viewer.LoadFailureText;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.consent.ConsentDeniedException;

/**
 * The imaging service on the embedded DUO network, over real SOAP/HTTP and WADO-RS on 127.0.0.1 with real DICOM: the
 * timeline, per-source retry, streaming retrieval, consent refusal and the check on what a source sends.
 */
class DuoImagingServiceTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;
    FramePipeline pool;
    WorkstationAudit audit;
    DuoImagingService service;

    @BeforeEach
    void start(@TempDir Path auditDir) throws Exception {
        net = TestNetwork.fresh();
        pool = new FramePipeline(2, 4, FramePipeline.DEFAULT_WAITING_BYTES);
        audit = WorkstationAudit.open(AuditSettings.localOnly(auditDir), Clock.systemUTC());
        service = new DuoImagingService(EmbeddedDemoNetwork.attachedTo(net), Texts.forLocale(Locale.ENGLISH), pool,
                audit);
    }

    @AfterEach
    void stop() {
        service.close();
        audit.close();
        pool.close();
        TestNetwork.content().reset();
    }

    static TimelineSnapshot awaitTimeline(Timeline timeline, Predicate<TimelineSnapshot> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            TimelineSnapshot s = timeline.snapshot();
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timeline not as expected within 60 s: " + timeline.snapshot().sources());
    }

    static Predicate<TimelineSnapshot> settled() {
        return s -> !s.sources().isEmpty() && s.settled();
    }

    TimelineEntry entry(TimelineSnapshot s, DemoStudy study) {
        return s.entries().stream().filter(e -> e.studyInstanceUid().equals(study.studyInstanceUid())).findFirst()
                .orElseThrow(() -> new AssertionError("study not on the timeline: " + study.description()));
    }

    TimelineSnapshot showcaseTimeline() throws Exception {
        return awaitTimeline(service.startTimeline(PATIENT), settled());
    }

    @Test
    void theTimelineComesFromEveryCommunityWithItsSourceNamed() throws Exception {
        TimelineSnapshot s = showcaseTimeline();
        DemoPatient patient = net.catalogue().patient(PATIENT).orElseThrow();
        assertEquals(patient.studies().size(), s.entries().size());
        assertEquals(List.of("Founda Health", "Enovation", "Alphatron TLB"),
                s.sources().stream().map(SourceStatus::displayName).toList());
        assertTrue(s.sources().stream().allMatch(x -> x.state() == SourceStatus.State.COMPLETE), s.sources()::toString);
        DemoStudy twice = net.catalogue().doublyPublishedStudy();
        assertEquals(twice.publications().stream().map(p -> p.institution().name()).collect(Collectors.toSet()),
                entry(s, twice).sources().stream().map(x -> x.name()).collect(Collectors.toSet()),
                "one row, both institutions named");
        assertTrue(service.networkDescription().startsWith("Embedded demo network: 3 communities"),
                service.networkDescription());
    }

    @Test
    void aLateMitzAnswerForThePreviousPatientLeavesTheNewPatientAlone() throws Exception {
        Bsn previous = net.catalogue().patients().stream().map(DemoPatient::bsn).filter(b -> !b.equals(PATIENT))
                .findFirst().orElseThrow();
        Timeline old;
        TimelineSnapshot shown;
        try (var hold = net.mitz().hold(previous, 1)) {
            old = service.startTimeline(previous);
            assertTrue(hold.awaitHeld(1, Duration.ofSeconds(60)), "the previous patient's open question was asked");
            service.releasePatient(previous); // the user switches before Mitz answered
            shown = showcaseTimeline();
        }
        // the held answer has now arrived: the old timeline stays empty, the new one holds only the new patient
        Thread.sleep(500);
        assertTrue(old.snapshot().entries().isEmpty(), "nothing of the previous patient was queried");
        assertTrue(shown.entries().stream().allMatch(e -> e.patient().equals(PATIENT)));
        DemoStudy us = TestNetwork.smallStudy(Network.ENOVATION, "US", 1);
        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(shown, us), listener);
        assertInstanceOf(RecordingListener.Completed.class, listener.awaitEnd(60), listener.events()::toString);
        long queries = net.communities().stream().mapToLong(c -> c.counters().get(Counters.Kind.QUERY)).sum();
        assertEquals(6, queries, "two queries per community, all for the patient on screen");
    }

    @Test
    void aStudyArrivesImageByImageTheFirstWhileTheRestIsStillOnTheServer() throws Exception {
        DemoStudy us = TestNetwork.smallStudy(Network.ALPHATRON, "US", 3);
        TimelineSnapshot s = showcaseTimeline();
        // flush every chunk, so what the server has sent is on the wire and nothing waits in its buffers
        net.community(Network.ALPHATRON).faults().slowDrip(16 * 1024, Duration.ZERO);
        ControlledContent content = TestNetwork.content();
        content.holdAfterFirst(us.studyInstanceUid());
        RecordingListener listener = new RecordingListener();

        service.openStudy(entry(s, us), listener);
        listener.awaitFirstFrame(60);

        assertEquals(1, content.imagesOpened(us.studyInstanceUid()), "the server has not sent the second image yet");
        List<RecordingListener.Event> early = listener.events();
        assertFalse(early.stream().anyMatch(e -> e instanceof RecordingListener.Completed));
        assertEquals(new RecordingListener.Progress(0, us.instanceCount()), early.getFirst(),
                "the manifest's count is reported before any image");
        DecodedFrame first = listener.frames().getFirst();
        assertEquals("US", first.modality());
        assertEquals(us.instanceCount(), first.expectedInSeries());
        assertTrue(distinctValues(first) > 20, "real pixels, not a flat frame");

        content.release(us.studyInstanceUid());
        assertInstanceOf(RecordingListener.Completed.class, listener.awaitEnd(60));
        assertEquals(us.instanceCount(), listener.frames().size());
        assertEquals(new RecordingListener.Progress(us.instanceCount(), us.instanceCount()),
                listener.events().stream().filter(e -> e instanceof RecordingListener.Progress).toList().getLast());
        assertEquals(List.of(1, 2, 3, 4), listener.frames().stream().map(DecodedFrame::instanceNumber).sorted()
                .toList());
    }

    @Test
    void aJpeg2000StudyOverWadoDecodesWithTheRescaleOfTheSource() throws Exception {
        DemoStudy cr = TestNetwork.smallStudy(Network.ENOVATION, "CR", 1);
        TimelineSnapshot s = showcaseTimeline();
        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(s, cr), listener);
        assertInstanceOf(RecordingListener.Completed.class, listener.awaitEnd(120), listener.events()::toString);
        assertEquals(cr.instanceCount(), listener.frames().size());
        assertTrue(net.community(Network.ENOVATION).counters().get(Counters.Kind.WADO) > 0, "retrieved over WADO-RS");
        for (DecodedFrame f : listener.frames()) {
            assertInstanceOf(GrayscalePixels.class, f.pixels());
            assertTrue(distinctValues(f) > 100, "a radiograph has many grey values");
            assertTrue(f.window() != null, "the source's window is kept");
        }
    }

    /** NEN 7513: who looked at which patient's images where, in the workstation's hash-chained log. */
    @Test
    void everyMitzQuestionQueryAndRetrievalIsInTheAuditLogWithTheFullBsnAndTheUser() throws Exception {
        DemoStudy us = TestNetwork.smallStudy(Network.ALPHATRON, "US", 3);
        DemoStudy cr = TestNetwork.smallStudy(Network.ENOVATION, "CR", 1);
        TimelineSnapshot s = showcaseTimeline();
        for (DemoStudy study : List.of(us, cr)) {
            RecordingListener listener = new RecordingListener();
            service.openStudy(entry(s, study), listener);
            assertInstanceOf(RecordingListener.Completed.class, listener.awaitEnd(120), listener.events()::toString);
        }
        audit.close(); // writes what is queued and a last anchor
        Path file = audit.trail().log().file();
        String log = Files.readString(file);
        for (String type : List.of("ITI-56", "ITI-79", "ITI-38", "ITI-39", "RAD-75", "RAD-107")) {
            assertTrue(log.contains("csd-code=\"" + type + "\""), "audited: " + type);
        }
        assertTrue(log.contains("csd-code=\"110144\""), "the consent gate's decisions");
        assertTrue(log.contains(PATIENT.value() + "^^^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO"), "the full BSN");
        assertTrue(log.contains(nl.duoviewer.xca.identity.UserIdentity.DEMO_UZI + "^^^&amp;2.16.528.1.1007.3.1&amp;ISO"),
                "the user");
        assertEquals(0, audit.trail().failures());
        assertTrue(AuditLogVerifier.verify(file).intact());
    }

    @Test
    void aRefusedConsentShowsOnlyTheNeutralMessageAndNothingIsRetrieved() throws Exception {
        DemoStudy cr = TestNetwork.smallStudy(Network.ENOVATION, "CR", 1);
        TimelineSnapshot s = showcaseTimeline();
        String ura = cr.institution().ura();
        net.mitz().consent().deny(PATIENT, ura);
        Counters enovation = net.community(Network.ENOVATION).counters();
        enovation.reset();

        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(s, cr), listener);

        assertEquals(new RecordingListener.Failed(new LoadFailure.ConsentRefused()), listener.awaitEnd(60));
        assertEquals(List.of(), listener.frames());
        assertEquals(0, enovation.retrievals(), enovation::toString);
        assertEquals(0, enovation.retrievesFor(ura));
    }

    @Test
    void anImageOfAnotherPatientIsRejectedUnseenAndStopsTheRetrieval() throws Exception {
        DemoStudy own = TestNetwork.smallStudy(Network.FOUNDA, "CR", 1);
        DemoCatalogue.Registration foreign = net.catalogue().patients().stream()
                .filter(p -> !p.bsn().equals(PATIENT))
                .flatMap(p -> net.catalogue().registrations(Network.FOUNDA, p.bsn()).stream())
                .filter(r -> r.study().modality().equals("CR") || r.study().modality().equals("DX"))
                .findFirst().orElseThrow();
        TestNetwork.content().substitute(own.studyInstanceUid(), new ControlledContent.Substitute(foreign.study(),
                foreign.study().series().getFirst()));
        TimelineSnapshot s = showcaseTimeline();

        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(s, own), listener);

        RecordingListener.Event end = listener.awaitEnd(60);
        RecordingListener.Failed failed = assertInstanceOf(RecordingListener.Failed.class, end);
        assertEquals(new LoadFailure.WrongPatient(own.institution().name()), failed.reason());
        String shown = LoadFailureText.of(Texts.forLocale(Locale.ENGLISH), failed.reason());
        assertTrue(shown.startsWith(own.institution().name() + " sent an image of another patient"), shown);
        assertFalse(shown.contains(foreign.patient().bsn().value()), "the other BSN is never shown");
        assertEquals(List.of(), listener.frames());
    }

    @Test
    void aSourceWithItsLocalNumberInPatientIdAndTheBsnAmongTheOtherIdsIsShown() throws Exception {
        // both retrieval paths: Founda over WADO-RS, Alphatron over RAD-75
        for (Network network : List.of(Network.FOUNDA, Network.ALPHATRON)) {
            net.community(network).faults().localPatientId(true);
            DemoStudy own = TestNetwork.smallStudy(network, "CR", 1);
            TimelineSnapshot s = showcaseTimeline();
            RecordingListener listener = new RecordingListener();
            service.openStudy(entry(s, own), listener);
            assertEquals(new RecordingListener.Completed(), listener.awaitEnd(60), network.toString());
            assertFalse(listener.frames().isEmpty(), network + ": the images are this patient's and are shown");
        }
    }

    @Test
    void withALocalNumberInPatientIdAnImageOfAnotherPatientIsStillRejected() throws Exception {
        net.community(Network.FOUNDA).faults().localPatientId(true);
        DemoStudy own = TestNetwork.smallStudy(Network.FOUNDA, "CR", 1);
        DemoCatalogue.Registration foreign = net.catalogue().patients().stream()
                .filter(p -> !p.bsn().equals(PATIENT))
                .flatMap(p -> net.catalogue().registrations(Network.FOUNDA, p.bsn()).stream())
                .filter(r -> r.study().modality().equals("CR") || r.study().modality().equals("DX"))
                .findFirst().orElseThrow();
        TestNetwork.content().substitute(own.studyInstanceUid(), new ControlledContent.Substitute(foreign.study(),
                foreign.study().series().getFirst()));
        TimelineSnapshot s = showcaseTimeline();
        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(s, own), listener);
        RecordingListener.Failed failed = assertInstanceOf(RecordingListener.Failed.class, listener.awaitEnd(60));
        assertEquals(new LoadFailure.WrongPatient(own.institution().name()), failed.reason());
        assertEquals(List.of(), listener.frames());
    }

    @Test
    void anImageOfAnotherStudyOfThePatientIsRejectedToo() throws Exception {
        List<DemoStudy> crs = net.catalogue().registrations(Network.FOUNDA, PATIENT).stream()
                .map(DemoCatalogue.Registration::study)
                .filter(st -> st.modality().equals("CR") && st.publications().size() == 1).toList();
        DemoStudy own = crs.get(0);
        DemoStudy other = crs.get(1);
        TestNetwork.content().substitute(own.studyInstanceUid(), new ControlledContent.Substitute(other,
                other.series().getFirst()));
        TimelineSnapshot s = showcaseTimeline();

        RecordingListener listener = new RecordingListener();
        service.openStudy(entry(s, own), listener);

        RecordingListener.Failed failed = assertInstanceOf(RecordingListener.Failed.class, listener.awaitEnd(60));
        assertEquals(new LoadFailure.WrongStudy(own.institution().name(), other.studyInstanceUid()), failed.reason());
        assertEquals(List.of(), listener.frames());
    }

    @Test
    void aSourceThatIsDownIsNamedAndARetryBringsItsStudiesIn() throws Exception {
        net.community(Network.ALPHATRON).setDown(true);
        Timeline timeline = service.startTimeline(PATIENT);
        TimelineSnapshot s = awaitTimeline(timeline, settled());
        SourceStatus alphatron = s.sources().stream().filter(x -> x.displayName().equals("Alphatron TLB"))
                .findFirst().orElseThrow();
        assertTrue(alphatron.state().retryable(), alphatron::toString);
        assertTrue(alphatron.message().contains("Alphatron TLB"), alphatron.message());
        int without = s.entries().size();

        net.community(Network.ALPHATRON).setDown(false);
        service.retrySource(timeline, alphatron.sourceId());
        TimelineSnapshot after = awaitTimeline(timeline, x -> x.settled() && x.sources().stream()
                .allMatch(st -> st.state() == SourceStatus.State.COMPLETE));
        int alphatronStudies = net.catalogue().registrations(Network.ALPHATRON, PATIENT).size();
        assertEquals(without + alphatronStudies, after.entries().size());
    }

    @Test
    void whenMitzCannotBeAskedNothingIsQueriedAndARetryAsksAgain() throws Exception {
        net.mitz().faults().errorRate(1.0, 7);
        Timeline timeline = service.startTimeline(PATIENT);
        TimelineSnapshot s = awaitTimeline(timeline, settled());
        assertEquals(List.of(new SourceStatus(DuoImagingService.MITZ_SOURCE, "Mitz", SourceStatus.State.FAILED,
                ConsentDeniedException.NEUTRAL_MESSAGE)), s.sources());
        assertEquals(0, s.entries().size());
        for (Network n : Network.values()) {
            assertEquals(0, net.community(n).counters().get(Counters.Kind.QUERY), "no community asked without Mitz");
        }

        net.mitz().faults().reset();
        service.retrySource(timeline, DuoImagingService.MITZ_SOURCE);
        TimelineSnapshot after = awaitTimeline(timeline, x -> x.settled() && x.sources().size() == 4);
        assertEquals(net.catalogue().patient(PATIENT).orElseThrow().studies().size(), after.entries().size());
        assertTrue(after.sources().stream().allMatch(st -> st.state() == SourceStatus.State.COMPLETE),
                "no stale failure left once Mitz answered: " + after.sources());
    }

    @Test
    void aGatewayThatCannotBeReachedIsShownAndARetryConnectsOnceItIsFixed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.properties");
        net.writeClientConfig(file);
        Files.writeString(file, Files.readString(file).replaceAll("duo\\.keystore\\.path=.*",
                "duo.keystore.path=" + dir.resolve("missing.p12")));
        try (DuoImagingService gateway = new DuoImagingService(new ConfiguredGateway(file),
                Texts.forLocale(Locale.ENGLISH), pool, audit)) {
            Timeline timeline = gateway.startTimeline(PATIENT);
            TimelineSnapshot s = awaitTimeline(timeline, settled());
            SourceStatus failed = s.sources().getFirst();
            assertEquals(DuoImagingService.NETWORK_SOURCE, failed.sourceId());
            assertEquals(SourceStatus.State.FAILED, failed.state());
            assertTrue(failed.message().startsWith("The DUO network could not be started: ")
                    && failed.message().contains("key 'duo.keystore.path'"), failed.message());

            net.writeClientConfig(file); // IT fixes the file; the user presses Retry
            gateway.retrySource(timeline, DuoImagingService.NETWORK_SOURCE);
            TimelineSnapshot after = awaitTimeline(timeline, x -> x.settled() && x.sources().size() == 4
                    && x.sources().stream().allMatch(st -> st.state() == SourceStatus.State.COMPLETE));
            assertEquals(new SourceStatus(DuoImagingService.NETWORK_SOURCE, "DUO network", SourceStatus.State.COMPLETE,
                    "Connected"), after.sources().getFirst());
            assertEquals(net.catalogue().patient(PATIENT).orElseThrow().studies().size(), after.entries().size());
            assertTrue(gateway.networkDescription().startsWith("DUO network from gateway.properties: 3 communities"),
                    gateway.networkDescription());
        }
    }

    @Test
    void aCancelledLoadDeliversNothingMore() throws Exception {
        DemoStudy us = TestNetwork.smallStudy(Network.ALPHATRON, "US", 3);
        TimelineSnapshot s = showcaseTimeline();
        net.community(Network.ALPHATRON).faults().slowDrip(16 * 1024, Duration.ZERO);
        TestNetwork.content().holdAfterFirst(us.studyInstanceUid());
        RecordingListener listener = new RecordingListener();
        StudyLoad load = service.openStudy(entry(s, us), listener);
        listener.awaitFirstFrame(60);

        service.releasePatient(PATIENT); // what a patient switch does
        assertTrue(load.isCancelled());
        TestNetwork.content().release(us.studyInstanceUid());
        Thread.sleep(1500); // a negative check: give a wrongly continuing load the time to show itself
        assertEquals(1, listener.frames().size(), listener.events()::toString);
        assertFalse(listener.events().stream().anyMatch(e -> e instanceof RecordingListener.Completed
                || e instanceof RecordingListener.Failed), listener.events()::toString);
    }

    @Test
    void aStudyCutOffOnTheWireFailsNamingItsSourceOverWadoAndOverRad75() throws Exception {
        TimelineSnapshot s = showcaseTimeline();
        for (Network n : List.of(Network.ENOVATION, Network.ALPHATRON)) {
            DemoStudy study = TestNetwork.smallStudy(n, n == Network.ENOVATION ? "CR" : "US", 1);
            net.community(n).faults().truncateImagesAfter(5000); // inside the first image
            RecordingListener listener = new RecordingListener();
            service.openStudy(entry(s, study), listener);
            RecordingListener.Event end = listener.awaitEnd(120);
            net.community(n).faults().reset();
            RecordingListener.Failed failed = assertInstanceOf(RecordingListener.Failed.class, end,
                    listener.events()::toString);
            String source = switch (failed.reason()) {
                case LoadFailure.Incomplete r -> r.source();
                case LoadFailure.RetrievalFailed r -> r.source();
                case LoadFailure.SourceUnreachable r -> r.source();
                default -> "";
            };
            assertEquals(study.institution().name(), source, failed.reason().toString());
            assertTrue(listener.frames().isEmpty(), "nothing of the cut-off image is shown");
        }
    }

    static long distinctValues(DecodedFrame f) {
        GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, f.pixels());
        java.util.BitSet seen = new java.util.BitSet(65536);
        for (short v : g.stored()) {
            seen.set(v & 0xFFFF);
        }
        return seen.cardinality();
    }

    @Test
    void theHospitalsPacsIsItsOwnRowBesideTheCommunitiesAndARetryAsksItAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer pacs = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        String study = "[{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"" + PATIENT.value() + "\"]},"
                + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.826.0.1.3680043.10.77.1\"]},"
                + "\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20260101\"]}}]";
        pacs.createContext("/dicom-web", x -> {
            boolean first = asked.incrementAndGet() == 1; // down the first time, back for the retry
            byte[] body = (first ? "busy" : study).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", first ? "text/plain" : "application/dicom+json");
            x.sendResponseHeaders(first ? 503 : 200, body.length);
            try (var out = x.getResponseBody()) {
                out.write(body);
            }
        });
        pacs.start();
        service.close();
        try {
            service = new DuoImagingService(EmbeddedDemoNetwork.attachedTo(net), Texts.forLocale(Locale.ENGLISH),
                    pool, audit, nl.duoviewer.xca.local.LocalPacsClient.open(new nl.duoviewer.xca.config
                    .LocalPacsSettings("Radiologie (PACS)", "", java.net.URI.create("http://127.0.0.1:"
                    + pacs.getAddress().getPort() + "/dicom-web"), null,
                    nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode.BSN, "", Duration.ofSeconds(5), null,
                    null, null, null), audit, Clock.systemUTC()));
            Timeline timeline = service.startTimeline(PATIENT);
            TimelineSnapshot s = awaitTimeline(timeline, settled());
            DemoPatient patient = net.catalogue().patient(PATIENT).orElseThrow();
            assertEquals(patient.studies().size(), s.entries().size(),
                    "the PACS's failure does not settle the timeline before the communities are in");
            assertEquals(List.of("DUO network", "Radiologie (PACS)", "Founda Health", "Enovation", "Alphatron TLB"),
                    s.sources().stream().map(SourceStatus::displayName).toList());
            SourceStatus local = s.sources().get(1);
            assertEquals(nl.duoviewer.core.timeline.SourceInstitution.LOCAL, local.sourceId());
            assertEquals(SourceStatus.State.FAILED, local.state());
            assertEquals("The PACS answered with an error (HTTP 503)", local.message());

            service.retrySource(timeline, local.sourceId());
            s = awaitTimeline(timeline, x -> x.sources().get(1).state() == SourceStatus.State.COMPLETE);
            assertEquals(patient.studies().size() + 1, s.entries().size());
            assertTrue(s.entries().stream().anyMatch(e -> e.isLocal()
                    && e.studyInstanceUid().equals("1.2.826.0.1.3680043.10.77.1")));
            assertEquals(2, asked.get(), "the retry asked the PACS again");
        } finally {
            pacs.stop(0);
        }
    }
}
