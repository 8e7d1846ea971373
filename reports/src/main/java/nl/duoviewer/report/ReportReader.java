package nl.duoviewer.report;

import java.nio.charset.StandardCharsets;

/**
 * Turns a retrieved report into a {@link ReportDocument}. The MIME type (from the retrieve response, or the registry
 * entry) says what the document should be; the content decides when it is recognisable (a PDF labelled
 * {@code application/octet-stream} is still a PDF), except that {@code text/plain} is always read as text. Anything
 * neither recognises is an unsupported format; anything that claims a format and is not valid is corrupt.
 */
public final class ReportReader {

    private ReportReader() {
    }

    /**
     * Reads a report held in memory.
     *
     * @param data     the document's bytes, handed over (a PDF keeps them to render pages from)
     * @param mimeType the declared MIME type; may be null
     * @throws ReportException with the reason to tell the user
     */
    public static ReportDocument read(byte[] data, String mimeType) throws ReportException {
        if (data == null || data.length == 0) {
            throw new ReportException(ReportException.Kind.CORRUPT, "empty document");
        }
        ReportFormat declared = ReportFormat.fromMimeType(mimeType);
        ReportFormat format = declared == ReportFormat.TEXT ? ReportFormat.TEXT : sniff(data);
        if (format == null) {
            format = declared;
        }
        if (format == null) {
            throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "unknown document type " + mimeType);
        }
        return switch (format) {
            case PDF -> PdfReport.read(data);
            case CDA -> CdaReader.read(data);
            case DICOM_SR -> SrReader.read(data);
            case TEXT -> TextReader.read(data, mimeType);
        };
    }

    /** The format the content shows, or null: %PDF- near the start, DICM after the preamble, or an XML tag. */
    static ReportFormat sniff(byte[] data) {
        int limit = Math.min(data.length, 1024);
        String head = new String(data, 0, limit, StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            return ReportFormat.PDF; // the PDF header may follow a few bytes of junk, as readers allow
        }
        if (data.length >= 132 && data[128] == 'D' && data[129] == 'I' && data[130] == 'C' && data[131] == 'M') {
            return ReportFormat.DICOM_SR;
        }
        int i = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
            i++;
        }
        return i < head.length() && head.charAt(i) == '<' ? ReportFormat.CDA : null;
    }
}
