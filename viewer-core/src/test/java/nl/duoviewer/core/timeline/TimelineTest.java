package nl.duoviewer.core.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;

class TimelineTest {

    private static final Bsn PATIENT = Bsn.parse("999999011");
    private static final Bsn OTHER = Bsn.parse("123456782");
    private static final SourceInstitution A = new SourceInstitution("Ziekenhuis A", "11110000", "urn:oid:1.1");
    private static final SourceInstitution B = new SourceInstitution("Kliniek B", "22220000", "urn:oid:2.2");

    private static StudyRecord study(String uid, Bsn patient, int year, SourceInstitution src, String... modalities) {
        return new StudyRecord(uid, patient, LocalDateTime.of(year, 3, 1, 10, 0), Set.of(modalities), "CHEST",
                "CT thorax", "ACC" + uid, src,
                new DocumentLocator(src.homeCommunityId(), "1.2.3." + src.ura(), "kos-" + uid, null));
    }

    @Test
    void mergesTheSameStudyFromTwoSourcesIntoOneEntry() {
        Timeline timeline = new Timeline(PATIENT);
        timeline.addAll(List.of(study("1.2.1", PATIENT, 2020, A, "CT"), study("1.2.2", PATIENT, 2022, A, "MR")),
                List.of());
        timeline.addAll(List.of(study("1.2.1", PATIENT, 2020, B, "CT", "SR")), List.of());

        TimelineSnapshot snap = timeline.snapshot();
        assertEquals(2, snap.entries().size());
        TimelineEntry newest = snap.entries().get(0);
        assertEquals("1.2.2", newest.studyInstanceUid(), "newest first");
        TimelineEntry merged = snap.entries().get(1);
        assertEquals(List.of(A, B), merged.sources());
        assertEquals(Set.of("CT", "SR"), merged.modalities());
    }

    @Test
    void rejectsRecordsForAnotherPatient() {
        Timeline timeline = new Timeline(PATIENT);
        int dropped = timeline.addAll(List.of(study("1.2.1", OTHER, 2020, A, "CT")), List.of());
        assertEquals(1, dropped);
        assertTrue(timeline.snapshot().entries().isEmpty());
        assertEquals(1, timeline.snapshot().rejected());
    }

    @Test
    void linksReportsToStudiesEvenWhenTheyArriveFirst() {
        Timeline timeline = new Timeline(PATIENT);
        ReportRecord report = new ReportRecord("1.2.1", PATIENT, null, "Verslag", B,
                new DocumentLocator(B.homeCommunityId(), "r", "report-1", "application/pdf"));
        timeline.addAll(List.of(), List.of(report));
        assertEquals(1, timeline.snapshot().unlinkedReports().size());
        timeline.addAll(List.of(study("1.2.1", PATIENT, 2020, A, "CT")), List.of());
        assertEquals(List.of(report), timeline.snapshot().entries().get(0).reports());
        assertTrue(timeline.snapshot().unlinkedReports().isEmpty());
    }

    @Test
    void notifiesListenersWithSnapshotsAndTracksSourceStatus() {
        Timeline timeline = new Timeline(PATIENT);
        List<TimelineSnapshot> seen = new ArrayList<>();
        timeline.addListener(seen::add);
        timeline.updateSource(new SourceStatus("urn:oid:1.1", "Founda", SourceStatus.State.QUERYING, null));
        assertEquals(false, seen.getLast().settled());
        timeline.updateSource(new SourceStatus("urn:oid:1.1", "Founda", SourceStatus.State.FAILED, "XDSRegistryBusy"));
        assertTrue(seen.getLast().settled());
        assertEquals(1, seen.getLast().sources().size());
        assertTrue(seen.getLast().sources().get(0).state().retryable());
    }
}
