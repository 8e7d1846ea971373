package nl.duoviewer.xca.manifest;

import java.util.List;

/**
 * What a study's Key Object Selection manifest says: which series and instances make up the study and where each
 * series can be retrieved.
 *
 * @param manifestSopInstanceUid the KOS object itself
 * @param patientId              Patient ID (0010,0020) as written by the source
 * @param studyInstanceUid       the study
 * @param series                 series in manifest order
 */
public record StudyManifest(String manifestSopInstanceUid, String patientId, String studyInstanceUid,
                            List<ManifestSeries> series) {

    public StudyManifest {
        series = List.copyOf(series);
    }

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }
}
