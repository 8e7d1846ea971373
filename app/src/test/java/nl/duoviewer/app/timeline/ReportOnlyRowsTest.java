package nl.duoviewer.app.timeline;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.ISALA;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static nl.duoviewer.app.testing.Records.report;
import static nl.duoviewer.app.testing.Records.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;

/** Reports whose study has no images on the timeline are rows of their own, by date among the studies. */
class ReportOnlyRowsTest {

    private final TimelineViewModel model = new TimelineViewModel();

    @Test
    void aReportWithoutImagesIsARowAmongTheStudiesByDateAndCountsAsNoStudy() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        ReportRecord knee = report(PATIENT_A, "9.9.1", "2023-05-01T10:00", "Verslag MRI knie", ISALA);
        ReportRecord neck = report(PATIENT_A, "9.9.2", "2019-02-01T10:00", "Verslag echo hals", ERASMUS);
        t.addAll(List.of(
                study(PATIENT_A, "a", "2024-03-01T00:00", "CT", "", "", ERASMUS),
                study(PATIENT_A, "b", "2023-01-01T00:00", "MR", "", "", ERASMUS),
                study(PATIENT_A, "c", "2019-06-01T00:00", "CR", "", "", ERASMUS)),
                List.of(knee, neck, report(PATIENT_A, "a", "2024-03-02T00:00", "Verslag CT", ERASMUS)));
        assertTrue(model.apply(t.snapshot()));
        assertEquals(List.of(
                new TimelineItem.YearHeader(2024, 1), "a",
                new TimelineItem.YearHeader(2023, 1), new TimelineItem.Report(knee), "b",
                new TimelineItem.YearHeader(2019, 1), "c", new TimelineItem.Report(neck)), rows());
        assertEquals(3, model.studyCountProperty().get(), "a report is no study");
    }

    @Test
    void aReportNamingAnotherPatientIsNeverListed() {
        model.startPatient(PATIENT_A, null);
        ReportRecord foreign = report(PATIENT_B, "9.9.3", "2023-05-01T10:00", "Verslag", ISALA);
        assertTrue(model.apply(new TimelineSnapshot(PATIENT_A, List.of(), List.of(foreign), List.of(), 0)));
        assertEquals(List.of(), model.items());
    }

    @Test
    void aStudyAndAReportRowAreNeverSelectedTogether() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        ReportRecord knee = report(PATIENT_A, "9.9.1", "2023-05-01T10:00", "Verslag MRI knie", ISALA);
        t.addAll(List.of(study(PATIENT_A, "a", "2024-03-01T00:00", "CT", "", "", ERASMUS)), List.of(knee));
        model.apply(t.snapshot());
        model.selectedProperty().set(model.find("a"));
        model.selectedReportProperty().set(knee);
        assertNull(model.selectedProperty().get());
        model.selectedProperty().set(model.find("a"));
        assertNull(model.selectedReportProperty().get());
        model.clear();
        assertNull(model.selectedReportProperty().get());
    }

    @Test
    void theReportBadgeSelectsTheStudyAndAsksForItsReport() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "a", "2024-03-01T00:00", "CT", "", "", ERASMUS)),
                List.of(report(PATIENT_A, "a", "2024-03-02T00:00", "Verslag CT", ERASMUS)));
        model.apply(t.snapshot());
        List<TimelineEntry> asked = new ArrayList<>();
        model.setOnReportRequested(asked::add);
        model.requestReport(model.find("a"));
        assertEquals("a", model.selectedProperty().get().studyInstanceUid());
        assertEquals(List.of(model.find("a")), asked);
    }

    private List<Object> rows() {
        return model.items().stream()
                .map(i -> i instanceof TimelineItem.Study s ? (Object) s.entry().studyInstanceUid() : i).toList();
    }
}
