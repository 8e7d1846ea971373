package nl.duoviewer.app.timeline;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.ISALA;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static nl.duoviewer.app.testing.Records.status;
import static nl.duoviewer.app.testing.Records.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.timeline.SourceStatus.State;
import nl.duoviewer.core.timeline.Timeline;

class TimelineViewModelTest {

    private final TimelineViewModel model = new TimelineViewModel();

    @Test
    void studiesAreGroupedUnderYearHeadingsNewestFirstWithUndatedLast() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(
                study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ERASMUS),
                study(PATIENT_A, "b", "2024-03-01T00:00", "MR", "", "", ERASMUS),
                study(PATIENT_A, "c", null, "CR", "", "", ERASMUS),
                study(PATIENT_A, "d", "2024-01-01T00:00", "US", "", "", ERASMUS)), List.of());
        assertTrue(model.apply(t.snapshot()));
        assertEquals(List.of(
                new TimelineItem.YearHeader(2024, 2), "b", "d",
                new TimelineItem.YearHeader(2021, 1), "a",
                new TimelineItem.YearHeader(0, 1), "c"), model.items().stream()
                .map(i -> i instanceof TimelineItem.Study s ? s.entry().studyInstanceUid() : i).toList());
        assertEquals(4, model.studyCountProperty().get());
    }

    @Test
    void aSnapshotOfAnotherPatientIsRefused() {
        model.startPatient(PATIENT_B, null);
        Timeline late = new Timeline(PATIENT_A);
        late.addAll(List.of(study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ERASMUS)), List.of());
        late.updateSource(status(ERASMUS, State.COMPLETE, ""));
        assertFalse(model.apply(late.snapshot()));
        assertEquals(List.of(), model.items());
        assertEquals(List.of(), model.sources());
        assertEquals(1, model.refusedSnapshots());
    }

    @Test
    void withoutAPatientEverySnapshotIsRefused() {
        Timeline t = new Timeline(PATIENT_A);
        assertFalse(model.apply(t.snapshot()));
        assertEquals(TimelineViewModel.Phase.NO_PATIENT, model.phaseProperty().get());
    }

    @Test
    void startingAnotherPatientClearsRowsSourcesAndSelection() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ERASMUS)), List.of());
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        model.apply(t.snapshot());
        model.selectedProperty().set(model.find("a"));
        model.startPatient(PATIENT_B, null);
        assertEquals(List.of(), model.items());
        assertEquals(List.of(), model.sources());
        assertNull(model.selectedProperty().get());
        assertEquals(PATIENT_B, model.patient());
        assertEquals(TimelineViewModel.Phase.SEARCHING, model.phaseProperty().get());
    }

    @Test
    void phaseSaysWhetherAnythingCanBeConcluded() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.updateSource(status(ERASMUS, State.QUERYING, ""));
        model.apply(t.snapshot());
        assertEquals(TimelineViewModel.Phase.SEARCHING, model.phaseProperty().get());
        t.updateSource(status(ERASMUS, State.FAILED, "down"));
        model.apply(t.snapshot());
        assertEquals(TimelineViewModel.Phase.NO_SOURCE_ANSWERED, model.phaseProperty().get());
        t.updateSource(status(ISALA, State.PARTIAL, "one series missing"));
        model.apply(t.snapshot());
        assertEquals(TimelineViewModel.Phase.SETTLED, model.phaseProperty().get());
    }

    @Test
    void theSelectionFollowsItsStudyWhenAnotherSourceReportsIt() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ERASMUS)), List.of());
        model.apply(t.snapshot());
        model.selectedProperty().set(model.find("a"));
        t.addAll(List.of(study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ISALA)), List.of());
        model.apply(t.snapshot());
        assertEquals(2, model.selectedProperty().get().sources().size());
        assertSame(model.find("a"), model.selectedProperty().get());
    }

    @Test
    void aFocusStudyIsSelectedOnceWhenItArrives() {
        model.startPatient(PATIENT_A, "f");
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(study(PATIENT_A, "a", "2021-01-01T00:00", "CT", "", "", ERASMUS)), List.of());
        model.apply(t.snapshot());
        assertNull(model.selectedProperty().get());
        t.addAll(List.of(study(PATIENT_A, "f", "2020-01-01T00:00", "CT", "", "", ERASMUS)), List.of());
        model.apply(t.snapshot());
        assertEquals("f", model.selectedProperty().get().studyInstanceUid());
        model.selectedProperty().set(model.find("a"));
        model.apply(t.snapshot());
        assertEquals("a", model.selectedProperty().get().studyInstanceUid(), "the focus does not come back");
    }

    @Test
    void priorsAreEarlierStudiesOfTheSameBodyPart() {
        model.startPatient(PATIENT_A, null);
        Timeline t = new Timeline(PATIENT_A);
        t.addAll(List.of(
                study(PATIENT_A, "now", "2024-01-01T00:00", "CT", "Chest", "", ERASMUS),
                study(PATIENT_A, "old", "2020-01-01T00:00", "CR", "CHEST ", "", ERASMUS),
                study(PATIENT_A, "later", "2025-01-01T00:00", "CT", "CHEST", "", ERASMUS),
                study(PATIENT_A, "knee", "2019-01-01T00:00", "MR", "KNEE", "", ERASMUS),
                study(PATIENT_A, "none", "2018-01-01T00:00", "MR", "", "", ERASMUS)), List.of());
        model.apply(t.snapshot());
        model.selectedProperty().set(model.find("now"));
        assertTrue(model.isPrior(model.find("old")));
        assertFalse(model.isPrior(model.find("later")));
        assertFalse(model.isPrior(model.find("knee")));
        assertFalse(model.isPrior(model.find("none")));
        assertFalse(model.isPrior(model.find("now")));
    }
}
