package nl.duoviewer.core.timeline;

import java.time.LocalDateTime;
import java.util.Objects;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.SourcePatientInfo;

/**
 * A radiology report registered by a source, linked to its study through the referenceIdList.
 *
 * @param studyInstanceUid the study the report describes; null when the source did not link it
 * @param title            document title, e.g. "Verslag CT thorax"
 * @param sourcePatient    what the source's registry says about the patient (sourcePatientInfo), null when nothing
 */
public record ReportRecord(String studyInstanceUid, Bsn patient, LocalDateTime date, String title,
                           SourceInstitution source, DocumentLocator document, SourcePatientInfo sourcePatient) {

    /** A report registration without patient demographics. */
    public ReportRecord(String studyInstanceUid, Bsn patient, LocalDateTime date, String title,
                        SourceInstitution source, DocumentLocator document) {
        this(studyInstanceUid, patient, date, title, source, document, null);
    }

    public ReportRecord {
        Objects.requireNonNull(patient, "patient");
        title = title == null ? "" : title;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }
}
