package nl.duoviewer.core.measure;

/**
 * Statistics of the modality values (e.g. Hounsfield units) of the pixels whose centres lie in a region.
 *
 * @param pixels            how many pixels were counted
 * @param mean              their mean
 * @param standardDeviation the sample standard deviation (n - 1 in the denominator; 0 for a single pixel)
 */
public record RegionStatistics(int pixels, double mean, double standardDeviation, double min, double max) {
}
