package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.RetrievedInstance;

/**
 * Reports over ITI-38 and ITI-39: every format registered with its mimeType and linked to its study, report-only
 * studies left unlinked, each retrieved byte for byte with its mimeType, and never without consent or for another
 * patient.
 */
class ReportRetrievalTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private DuoClient client() {
        return DuoClient.open(SharedNetwork.config(Duration.ofSeconds(10), 1, 32L << 20));
    }

    private static TimelineSnapshot timeline(DuoClient client) throws Exception {
        return client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
    }

    private static ReportRecord record(TimelineSnapshot snap, DemoReport report) {
        return Stream.concat(snap.entries().stream().flatMap(e -> e.reports().stream()),
                        snap.unlinkedReports().stream())
                .filter(r -> r.document().documentUniqueId().equals(report.documentUid())).findFirst()
                .orElseThrow(() -> new AssertionError("report not on the timeline: " + report));
    }

    @Test
    void everyFormatIsLinkedToItsStudyAndArrivesWithItsMimeTypeAndTheSourceBytes() throws Exception {
        try (DuoClient client = client()) {
            TimelineSnapshot snap = timeline(client);
            for (DemoReport.Format format : DemoReport.Format.values()) {
                DemoCatalogue.ReportEntry entry = net.catalogue().reportOfFormat(PATIENT, format).orElseThrow();
                ReportRecord record = record(snap, entry.report());
                assertEquals(format.mimeType(), record.document().mimeType(), "registry mimeType of " + format);
                assertTrue(snap.entries().stream().anyMatch(e -> e.studyInstanceUid().equals(
                        entry.study().studyInstanceUid()) && e.reports().contains(record)), format + " linked");
                RetrievedInstance[] meta = new RetrievedInstance[1];
                byte[][] bytes = new byte[1][];
                RetrieveOutcome outcome = client.retrieveReport(PATIENT, record, (m, in) -> {
                    meta[0] = m;
                    bytes[0] = in.readAllBytes();
                });
                assertEquals(RetrieveOutcome.Status.COMPLETE, outcome.status());
                assertEquals(format.mimeType(), meta[0].mimeType(), "retrieve mimeType of " + format);
                assertArrayEquals(net.content().report(entry.study(), entry.report()).readAll(), bytes[0]);
            }
        }
    }

    @Test
    void reportsOfStudiesWithoutSharedImagesStayUnlinkedAndCanBeRetrieved() throws Exception {
        List<DemoStudy> reportOnly = net.catalogue().patient(PATIENT).orElseThrow().reportOnly();
        try (DuoClient client = client()) {
            TimelineSnapshot snap = timeline(client);
            assertEquals(reportOnly.size(), snap.unlinkedReports().size());
            for (DemoStudy s : reportOnly) {
                ReportRecord record = record(snap, s.report().orElseThrow());
                assertTrue(snap.unlinkedReports().contains(record));
                assertEquals(s.studyInstanceUid(), record.studyInstanceUid(), "it names its (unshared) study");
                byte[][] bytes = new byte[1][];
                client.retrieveReport(PATIENT, record, (m, in) -> bytes[0] = in.readAllBytes());
                assertArrayEquals(net.content().report(s, s.report().orElseThrow()).readAll(), bytes[0]);
            }
        }
    }

    @Test
    void aReportOfAnInstitutionThatIsRefusedIsNeverRequested() throws Exception {
        DemoCatalogue.ReportEntry entry = net.catalogue().reportOfFormat(PATIENT, DemoReport.Format.CDA)
                .orElseThrow();
        Network network = entry.report().institution().network();
        try (DuoClient client = client()) {
            TimelineSnapshot snap = timeline(client);
            ReportRecord record = record(snap, entry.report());
            net.mitz().consent().deny(PATIENT, entry.report().institution().ura());
            net.community(network).counters().reset();
            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveReport(PATIENT, record, (m, in) -> in.readAllBytes()));
            assertEquals(ConsentDeniedException.NEUTRAL_MESSAGE, denied.getMessage());
        }
        Counters counters = net.community(network).counters();
        assertEquals(0, counters.retrievals(), counters::toString);
        assertEquals(0, counters.retrievesFor(entry.report().institution().ura()));
    }

    @Test
    void aReportRegisteredForAnotherPatientIsRefusedBeforeAnythingIsSent() throws Exception {
        DemoCatalogue.ReportEntry entry = net.catalogue().reportOfFormat(PATIENT, DemoReport.Format.PDF)
                .orElseThrow();
        Bsn other = net.catalogue().patients().get(1).bsn();
        Network network = entry.report().institution().network();
        try (DuoClient client = client()) {
            ReportRecord record = record(timeline(client), entry.report());
            ReportRecord foreign = new ReportRecord(record.studyInstanceUid(), other, record.date(), record.title(),
                    record.source(), record.document());
            net.community(network).counters().reset();
            ConsentDeniedException denied = assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveReport(PATIENT, foreign, (m, in) -> in.readAllBytes()));
            assertTrue(denied.reason().contains("another patient"), denied.reason());
        }
        assertEquals(0, net.community(network).counters().retrievals());
    }
}
