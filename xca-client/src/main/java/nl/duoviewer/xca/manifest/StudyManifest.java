package nl.duoviewer.xca.manifest;

import java.util.List;

/**
 * What a study's Key Object Selection manifest says: which series and instances make up the study and where each
 * series can be retrieved.
 *
 * @param manifestSopInstanceUid the KOS object itself
 * @param patientId              Patient ID (0010,0020) as written by the source
 * @param patientIdIssuer        Issuer of Patient ID (0010,0021), empty when absent
 * @param studyInstanceUid       the study
 * @param series                 series in manifest order
 */
public record StudyManifest(String manifestSopInstanceUid, String patientId, String patientIdIssuer,
                            String studyInstanceUid, List<ManifestSeries> series) {

    public StudyManifest {
        series = List.copyOf(series);
    }

    /**
     * False only when the manifest positively names another patient: a BSN (issuer is the BSN OID) that differs.
     * Sources may put a local patient id in the KOS; that says nothing either way.
     */
    public boolean consistentWith(nl.duoviewer.core.patient.Bsn patient) {
        return !nl.duoviewer.core.patient.Bsn.OID.equals(patientIdIssuer) || patient.value().equals(patientId);
    }

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }
}
