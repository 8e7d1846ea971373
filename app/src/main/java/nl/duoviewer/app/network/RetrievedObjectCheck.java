package nl.duoviewer.app.network;

import java.util.Optional;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.PatientIdentifiers;

/**
 * The last check before anything retrieved reaches the screen: the object must name the patient on screen (its BSN,
 * in Patient ID or, beside a local record number, in the Other Patient IDs Sequence; never another BSN) and the study
 * that was opened (Study Instance UID). The timeline and the manifest were checked
 * already; this catches a source that serves the wrong object under the right identifiers.
 */
final class RetrievedObjectCheck {

    private final Bsn patient;
    private final String studyInstanceUid;
    private final String sourceName;

    /**
     * @param sourceName the institution(s) the study is retrieved from, as the user knows them
     */
    RetrievedObjectCheck(Bsn patient, String studyInstanceUid, String sourceName) {
        this.patient = patient;
        this.studyInstanceUid = studyInstanceUid;
        this.sourceName = sourceName;
    }

    /** Why the object must not be shown, or empty when it belongs on screen. */
    Optional<LoadFailure> problem(DicomObject header) {
        // the BSN in Patient ID, or a local record number there with the BSN among the Other Patient IDs
        if (PatientIdentifiers.judge(header, patient) != PatientIdentifiers.Verdict.MATCHES) {
            // the reason never carries the other identifier: it is another person's BSN
            return Optional.of(new LoadFailure.WrongPatient(sourceName));
        }
        String study = header.getString(Tag.StudyInstanceUID, "").strip();
        if (!studyInstanceUid.equals(study)) {
            return Optional.of(new LoadFailure.WrongStudy(sourceName, study));
        }
        return Optional.empty();
    }
}
