package nl.duoviewer.app.network;

import java.util.Optional;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.Bsn;

/**
 * The last check before anything retrieved reaches the screen: the object must name the patient on screen (Patient ID
 * equal to the BSN) and the study that was opened (Study Instance UID). The timeline and the manifest were checked
 * already; this catches a source that serves the wrong object under the right identifiers.
 */
final class RetrievedObjectCheck {

    private final String patientId;
    private final String rejectedKey;
    private final String studyInstanceUid;
    private final String sourceName;
    private final Texts texts;

    /**
     * @param sourceName the institution(s) the study is retrieved from, as the user knows them
     */
    RetrievedObjectCheck(Bsn patient, String studyInstanceUid, String sourceName, Texts texts) {
        this(patient.value(), "load.rejected.patient", studyInstanceUid, sourceName, texts);
    }

    private RetrievedObjectCheck(String patientId, String rejectedKey, String studyInstanceUid, String sourceName,
                                 Texts texts) {
        this.patientId = patientId;
        this.rejectedKey = rejectedKey;
        this.studyInstanceUid = studyInstanceUid;
        this.sourceName = sourceName;
        this.texts = texts;
    }

    /**
     * The check for the hospital's own PACS: the object must carry the Patient ID the PACS files the patient under
     * (the BSN, or the hospital's own number that QIDO-RS found for the BSN).
     */
    static RetrievedObjectCheck local(String localPatientId, String studyInstanceUid, String sourceName, Texts texts) {
        return new RetrievedObjectCheck(localPatientId, "load.rejected.localPatient", studyInstanceUid, sourceName,
                texts);
    }

    /** Why the object must not be shown, or empty when it belongs on screen. */
    Optional<String> problem(DicomObject header) {
        String patientId = header.getString(Tag.PatientID, "").strip();
        if (!this.patientId.equals(patientId)) {
            // never echo the other identifier: it is another person's BSN
            return Optional.of(texts.get(rejectedKey, sourceName));
        }
        String study = header.getString(Tag.StudyInstanceUID, "").strip();
        if (!studyInstanceUid.equals(study)) {
            return Optional.of(texts.get("load.rejected.study", sourceName, study.isEmpty() ? "-" : study));
        }
        return Optional.empty();
    }
}
