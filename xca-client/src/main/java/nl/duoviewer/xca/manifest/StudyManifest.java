package nl.duoviewer.xca.manifest;

import java.util.List;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.PatientIdentifiers;

/**
 * What a study's Key Object Selection manifest says: which series and instances make up the study and where each
 * series can be retrieved.
 *
 * @param manifestSopInstanceUid the KOS object itself
 * @param patientId              Patient ID (0010,0020) as written by the source
 * @param patientIdIssuer        Issuer of Patient ID (0010,0021), empty when absent
 * @param studyInstanceUid       the study
 * @param series                 series in manifest order
 * @param identifiers            Patient ID with its issuer and every Other Patient IDs item, as written
 */
public record StudyManifest(String manifestSopInstanceUid, String patientId, String patientIdIssuer,
                            String studyInstanceUid, List<ManifestSeries> series,
                            List<PatientIdentifiers.Identifier> identifiers) {

    public StudyManifest {
        series = List.copyOf(series);
        identifiers = List.copyOf(identifiers);
    }

    /**
     * False only when the manifest positively names another patient: a BSN-issued identifier, in Patient ID or in
     * the Other Patient IDs Sequence, that is not this patient's BSN. Sources may put a local record number in Patient
     * ID (with the BSN among the other ids, or nowhere); that alone says nothing either way.
     */
    public boolean consistentWith(Bsn patient) {
        return PatientIdentifiers.judge(identifiers, patient) != PatientIdentifiers.Verdict.OTHER_PATIENT;
    }

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }
}
