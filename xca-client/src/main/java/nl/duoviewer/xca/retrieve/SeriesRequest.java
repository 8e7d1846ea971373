package nl.duoviewer.xca.retrieve;

import java.util.List;
import java.util.Objects;

/**
 * One series to retrieve with RAD-69/75, as listed in the study's KOS manifest.
 *
 * @param studyInstanceUid   study
 * @param seriesInstanceUid  series
 * @param repositoryUniqueId Retrieve Location UID (0040,E011) of the series
 * @param sopInstanceUids    instances wanted, in order
 */
public record SeriesRequest(String studyInstanceUid, String seriesInstanceUid, String repositoryUniqueId,
                            List<String> sopInstanceUids) {

    public SeriesRequest {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(repositoryUniqueId, "repositoryUniqueId");
        sopInstanceUids = List.copyOf(sopInstanceUids);
        if (sopInstanceUids.isEmpty()) {
            throw new IllegalArgumentException("no instances requested");
        }
    }
}
