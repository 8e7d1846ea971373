package nl.duoviewer.core.dicom;

/**
 * Limits and choices for {@link DicomReader}. The limits are what keep hostile input from exhausting memory or time:
 * every length is checked against them and against what is left of the input.
 *
 * @param maxValueLength     largest single value read into memory (bytes)
 * @param bulkDataThreshold  binary values larger than this are left in the file as {@link BulkData} when the input
 *                           is a file; 0 keeps everything in memory
 * @param maxSequenceDepth   deepest allowed nesting of sequences
 * @param maxInflatedLength  most bytes a deflated or gzip-compressed input may expand to
 * @param stopAtPixelData    stop before (7FE0,0010): header-only reads for indexing
 */
public record ReadOptions(long maxValueLength, long bulkDataThreshold, int maxSequenceDepth, long maxInflatedLength,
                          boolean stopAtPixelData) {

    /** 1 GiB inline values, 64 KiB bulk threshold, depth 64, 2 GiB inflated. */
    public static final ReadOptions DEFAULT = new ReadOptions(1L << 30, 64 * 1024, 64, 2L << 30, false);

    public ReadOptions {
        if (maxValueLength <= 0 || bulkDataThreshold < 0 || maxSequenceDepth <= 0 || maxInflatedLength <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    public ReadOptions withMaxValueLength(long bytes) {
        return new ReadOptions(bytes, bulkDataThreshold, maxSequenceDepth, maxInflatedLength, stopAtPixelData);
    }

    public ReadOptions withBulkDataThreshold(long bytes) {
        return new ReadOptions(maxValueLength, bytes, maxSequenceDepth, maxInflatedLength, stopAtPixelData);
    }

    public ReadOptions withMaxSequenceDepth(int depth) {
        return new ReadOptions(maxValueLength, bulkDataThreshold, depth, maxInflatedLength, stopAtPixelData);
    }

    public ReadOptions withMaxInflatedLength(long bytes) {
        return new ReadOptions(maxValueLength, bulkDataThreshold, maxSequenceDepth, bytes, stopAtPixelData);
    }

    public ReadOptions withStopAtPixelData(boolean stop) {
        return new ReadOptions(maxValueLength, bulkDataThreshold, maxSequenceDepth, maxInflatedLength, stop);
    }
}
