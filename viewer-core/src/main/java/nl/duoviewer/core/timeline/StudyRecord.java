package nl.duoviewer.core.timeline;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.SourcePatientInfo;

/**
 * One source's registration of an imaging study: what one community returned for one KOS manifest. The same study
 * may be registered by several sources; {@link Timeline} merges them into one {@link TimelineEntry}.
 *
 * @param studyInstanceUid DICOM Study Instance UID, from the registry's referenceIdList
 * @param patient          the patient the source says the study belongs to
 * @param studyDateTime    service start time; null when the source did not send one
 * @param modalities       modalities in the study (event code list), e.g. CT, MR
 * @param bodyPart         examined body part, empty when unknown
 * @param description      study description (document title), empty when unknown
 * @param accessionNumber  accession number, empty when unknown
 * @param source           institution holding the study
 * @param manifest         where the KOS manifest can be retrieved
 * @param sourcePatient    what the source's registry says about the patient (sourcePatientInfo), null when nothing
 */
public record StudyRecord(String studyInstanceUid, Bsn patient, LocalDateTime studyDateTime, Set<String> modalities,
                          String bodyPart, String description, String accessionNumber, SourceInstitution source,
                          DocumentLocator manifest, SourcePatientInfo sourcePatient) {

    /** A registration without patient demographics. */
    public StudyRecord(String studyInstanceUid, Bsn patient, LocalDateTime studyDateTime, Set<String> modalities,
                       String bodyPart, String description, String accessionNumber, SourceInstitution source,
                       DocumentLocator manifest) {
        this(studyInstanceUid, patient, studyDateTime, modalities, bodyPart, description, accessionNumber, source,
                manifest, null);
    }

    public StudyRecord {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(patient, "patient");
        modalities = modalities == null ? Set.of() : Set.copyOf(modalities);
        bodyPart = bodyPart == null ? "" : bodyPart;
        description = description == null ? "" : description;
        accessionNumber = accessionNumber == null ? "" : accessionNumber;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(manifest, "manifest");
    }
}
