package nl.duoviewer.app.network;

import java.util.Optional;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.PatientIdentifiers;

/**
 * The last check before anything retrieved reaches the screen: the object must name the patient on screen (its BSN,
 * in Patient ID or, beside a local record number, in the Other Patient IDs Sequence; never another BSN; from the
 * hospital's own PACS, the Patient ID that PACS files the patient under) and the study that was opened (Study
 * Instance UID). The timeline and the manifest were checked already; this catches a source that serves the wrong
 * object under the right identifiers.
 */
final class RetrievedObjectCheck {

    /** The patient on screen; null for a check by the local PACS's own Patient ID. */
    private final Bsn patient;
    /** The Patient ID the hospital's PACS files the patient under; null for a DUO source. */
    private final String localPatientId;
    private final String studyInstanceUid;
    private final String sourceName;

    /**
     * @param sourceName the institution(s) the study is retrieved from, as the user knows them
     */
    RetrievedObjectCheck(Bsn patient, String studyInstanceUid, String sourceName) {
        this(patient, null, studyInstanceUid, sourceName);
    }

    private RetrievedObjectCheck(Bsn patient, String localPatientId, String studyInstanceUid, String sourceName) {
        this.patient = patient;
        this.localPatientId = localPatientId;
        this.studyInstanceUid = studyInstanceUid;
        this.sourceName = sourceName;
    }

    /**
     * The check for the hospital's own PACS: the object must carry the Patient ID the PACS files the patient under
     * (the BSN, or the hospital's own number that QIDO-RS found for the BSN).
     */
    static RetrievedObjectCheck local(String localPatientId, String studyInstanceUid, String sourceName) {
        return new RetrievedObjectCheck(null, localPatientId, studyInstanceUid, sourceName);
    }

    /** Why the object must not be shown, or empty when it belongs on screen. */
    Optional<LoadFailure> problem(DicomObject header) {
        boolean samePatient = localPatientId != null
                ? localPatientId.equals(header.getString(Tag.PatientID, "").strip())
                // the BSN in Patient ID, or a local record number there with the BSN among the Other Patient IDs
                : PatientIdentifiers.judge(header, patient) == PatientIdentifiers.Verdict.MATCHES;
        if (!samePatient) {
            // the reason never carries the other identifier: it is another person's
            return Optional.of(new LoadFailure.WrongPatient(sourceName));
        }
        String study = header.getString(Tag.StudyInstanceUID, "").strip();
        if (!studyInstanceUid.equals(study)) {
            return Optional.of(new LoadFailure.WrongStudy(sourceName, study));
        }
        return Optional.empty();
    }
}
