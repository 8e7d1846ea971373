package nl.duoviewer.report;

/** A report read into memory, ready to be drawn: PDF pages or structured text. Immutable and thread-safe. */
public sealed interface ReportDocument permits PdfReport, StructuredReport {

    ReportFormat format();

    /** Whom the document says it is about. */
    PatientReference patient();

    /** All text of the report in reading order (for copying, searching and tests). */
    String text();
}
