package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.TimelineSession;

class TimelineEndToEndTest {

    static EmbeddedDuoNetwork net;
    static DuoClient client;

    @BeforeAll
    static void start() throws Exception {
        net = EmbeddedDuoNetwork.start();
        client = DuoClient.open(net.clientConfig());
    }

    @AfterAll
    static void stop() {
        client.close();
        net.close();
    }

    @Test
    void everyDemoPatientsTimelineEqualsWhatTheCataloguePublished() throws Exception {
        for (DemoPatient p : net.catalogue().patients()) {
            TimelineSession session = client.queryTimeline(p.bsn());
            TimelineSnapshot snap = session.completion().get(60, TimeUnit.SECONDS);
            for (SourceStatus s : snap.sources()) {
                assertEquals(SourceStatus.State.COMPLETE, s.state(), s.toString());
            }
            Map<String, Set<SourceInstitution>> expected = new HashMap<>();
            for (DemoStudy s : p.studies()) {
                Set<SourceInstitution> sources = new HashSet<>();
                for (Publication pub : s.publications()) {
                    sources.add(pub.institution().asSource());
                }
                expected.put(s.studyInstanceUid(), sources);
            }
            Map<String, Set<SourceInstitution>> actual = new HashMap<>();
            for (TimelineEntry e : snap.entries()) {
                actual.put(e.studyInstanceUid(), new HashSet<>(e.sources()));
            }
            assertEquals(expected, actual, "timeline of " + p.displayName());
            assertEquals(0, snap.rejected());
            long reports = p.studies().stream().filter(s -> s.report().isPresent()).count();
            assertEquals(reports, snap.entries().stream().mapToLong(e -> e.reports().size()).sum());
            // reports of studies whose images were not shared stay unlinked: the viewer lists them on their own
            assertEquals(p.reportOnly().stream().map(s -> s.report().orElseThrow().documentUid()).sorted().toList(),
                    snap.unlinkedReports().stream().map(r -> r.document().documentUniqueId()).sorted().toList());
        }
    }
}
