package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/** Known answers: which prior is compared with which study. Plain JUnit. */
class PriorSelectionTest {

    static final Bsn PATIENT = Records.PATIENT_A;

    static TimelineEntry study(String uid, String dateTime, String modality, String bodyPart) {
        return study(PATIENT, uid, dateTime, modality, bodyPart);
    }

    static TimelineEntry study(Bsn patient, String uid, String dateTime, String modality, String bodyPart) {
        Timeline t = new Timeline(patient);
        t.addAll(List.of(Records.study(patient, uid, dateTime, modality, bodyPart, modality + " " + bodyPart,
                Records.ERASMUS)), List.of());
        return t.snapshot().entries().getFirst();
    }

    final TimelineEntry current = study("9.1", "2026-10-01T09:00", "CT", "Thorax");
    final TimelineEntry olderCtThorax = study("9.2", "2024-02-01T10:00", "CT", "Thorax");
    final TimelineEntry newestCtThoraxBefore = study("9.3", "2026-03-15T08:30", "CT", "THORAX ");
    final TimelineEntry mrThoraxInBetween = study("9.4", "2026-06-01T10:00", "MR", "Thorax");
    final TimelineEntry ctAbdomenInBetween = study("9.5", "2026-07-01T10:00", "CT", "Abdomen");
    final TimelineEntry ctThoraxAfter = study("9.6", "2026-10-20T10:00", "CT", "Thorax");
    final TimelineEntry undatedCtThorax = study("9.7", null, "CT", "Thorax");

    @Test
    void theNewestStudyOfTheSameModalityAndBodyPartBeforeTheCurrentOneIsChosen() {
        PriorSelection s = PriorSelection.of(current, List.of(olderCtThorax, ctThoraxAfter, current,
                mrThoraxInBetween, newestCtThoraxBefore, ctAbdomenInBetween, undatedCtThorax));
        assertEquals("9.3", s.best().studyInstanceUid(), "not the later one, not another modality or body part");
        assertEquals(List.of("9.6", "9.5", "9.4", "9.3", "9.2", "9.7"), s.candidates().stream().map(TimelineEntry::studyInstanceUid).toList(),
                "the list to pick from: every other study, newest first, undated last");
    }

    @Test
    void withoutSuchAPriorTheUserPicksFromTheOtherStudies() {
        PriorSelection s = PriorSelection.of(current, List.of(current, mrThoraxInBetween, ctAbdomenInBetween,
                ctThoraxAfter));
        assertNull(s.best(), "a later study is no prior");
        assertEquals(List.of("9.6", "9.5", "9.4"), s.candidates().stream().map(TimelineEntry::studyInstanceUid)
                .toList());
    }

    @Test
    void anotherPatientsStudyIsNeverACandidate() {
        TimelineEntry foreign = study(Records.PATIENT_B, "8.1", "2026-09-01T09:00", "CT", "Thorax");
        PriorSelection s = PriorSelection.of(current, List.of(current, foreign));
        assertNull(s.best());
        assertEquals(List.of(), s.candidates());
    }

    @Test
    void anUndatedStudyGetsNoAutomaticPrior() {
        PriorSelection s = PriorSelection.of(undatedCtThorax, List.of(undatedCtThorax, olderCtThorax));
        assertNull(s.best(), "before what? the user picks");
        assertEquals(List.of("9.2"), s.candidates().stream().map(TimelineEntry::studyInstanceUid).toList());
    }
}
