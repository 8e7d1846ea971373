package nl.duoviewer.xca;

import java.util.List;

import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.manifest.StudyManifest;

/**
 * The end of a study retrieval: which source delivered, its manifest, and per series what came and what is missing.
 *
 * @param source   the institution the study was retrieved from
 * @param manifest the parsed KOS
 * @param series   per-series outcome, in manifest order
 * @param received SOP Instance UIDs handed to the consumer
 * @param missing  SOP Instance UIDs of the manifest that did not come
 */
public record StudyRetrievalResult(SourceInstitution source, StudyManifest manifest, List<SeriesOutcome> series,
                                   List<String> received, List<String> missing) {

    public StudyRetrievalResult {
        series = List.copyOf(series);
        received = List.copyOf(received);
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
