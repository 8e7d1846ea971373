package nl.duoviewer.audit.event;

/**
 * What was done with a patient's data. Each action becomes one DICOM PS3.15 audit message of the kind the IHE
 * profile (or, for the viewer's own actions, DICOM) prescribes; see {@link nl.duoviewer.audit.atna.AtnaMessages}.
 */
public enum Action {
    /** A patient was opened in the viewer (banner shown, timeline asked for). */
    PATIENT_OPEN,
    /** The patient was closed or replaced by another. */
    PATIENT_CLOSE,
    /** Mitz open question (localisation, ITI-56 Patient Location Query). */
    LOCALISATION,
    /** Mitz closed question (XACML authorisation decision) for one institution, with the decision. */
    CONSENT_QUESTION,
    /** The viewer's consent gate allowed or refused retrieval from one institution. */
    CONSENT_GATE,
    /** A registry query (ITI-38, or ITI-18 behind a local gateway). */
    QUERY,
    /** A document retrieve (ITI-39, or ITI-43): a KOS manifest or a report. */
    DOCUMENT_RETRIEVE,
    /** An imaging retrieve (RAD-75, or RAD-69) of one series. */
    IMAGING_RETRIEVE,
    /** A DICOMweb WADO-RS retrieve. */
    WADO_RETRIEVE,
    /** A study's first image was shown on screen. */
    STUDY_DISPLAY,
    /** A report was shown on screen. */
    REPORT_DISPLAY,
    /** Images or a report left the viewer (file, print, another system). */
    EXPORT
}
