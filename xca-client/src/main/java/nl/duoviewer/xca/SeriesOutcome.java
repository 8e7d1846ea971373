package nl.duoviewer.xca;

import nl.duoviewer.xca.retrieve.RetrieveOutcome;

/**
 * How one series of a study came in.
 *
 * @param seriesInstanceUid the series
 * @param via               RAD-75, RAD-69 or WADO-RS (the last one used when a fallback was needed)
 * @param outcome           received and missing instances of this series
 */
public record SeriesOutcome(String seriesInstanceUid, String via, RetrieveOutcome outcome) {
}
