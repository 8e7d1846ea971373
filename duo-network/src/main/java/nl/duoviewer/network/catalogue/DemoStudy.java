package nl.duoviewer.network.catalogue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One imaging study of a demo patient.
 *
 * @param studyInstanceUid   Study Instance UID
 * @param accessionNumber    accession
 * @param dateTime           study date and time (Dutch local time)
 * @param modality           main modality
 * @param bodyPartCode       SNOMED CT code of the body part
 * @param bodyPart           Dutch body part name, as in the registry's event code display name
 * @param description        study description
 * @param series             series with instances
 * @param publications       who registered the manifest (two for the study published twice); empty for a study
 *                           whose images were not shared, registered with its report only
 * @param report             the linked report, if any
 * @param performanceStudy   true for the large study kept for performance work
 */
public record DemoStudy(String studyInstanceUid, String accessionNumber, LocalDateTime dateTime, String modality,
                        String bodyPartCode, String bodyPart, String description, List<DemoSeries> series,
                        List<Publication> publications, Optional<DemoReport> report, boolean performanceStudy) {

    public DemoStudy {
        series = List.copyOf(series);
        publications = List.copyOf(publications);
    }

    public int instanceCount() {
        return series.stream().mapToInt(DemoSeries::instanceCount).sum();
    }

    public Optional<DemoSeries> series(String seriesUid) {
        return series.stream().filter(s -> s.seriesInstanceUid().equals(seriesUid)).findFirst();
    }

    /** The first institution that published it; for a report-only study, the one that registered the report. */
    public Institution institution() {
        return publications.isEmpty() ? report.orElseThrow().institution() : publications.getFirst().institution();
    }

    /** True for a study whose images were not shared: only its report is registered. */
    public boolean reportOnly() {
        return publications.isEmpty();
    }
}
