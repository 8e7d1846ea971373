/**
 * Radiology reports read into memory for display beside the images: {@link nl.duoviewer.report.ReportReader} takes
 * the retrieved bytes and their MIME type and returns a {@link nl.duoviewer.report.ReportDocument}, either a
 * {@link nl.duoviewer.report.PdfReport} (pages rendered to pixel arrays with PDFBox on request) or a
 * {@link nl.duoviewer.report.StructuredReport} (headings, paragraphs, lists, tables and labelled values read from HL7
 * CDA narrative, a DICOM SR content tree or plain text). Nothing here uses JavaFX or the network, and nothing is
 * written to disk: PDFs are parsed from byte arrays with a memory-only stream cache and a font mapper that never
 * scans or caches system fonts.
 */
package nl.duoviewer.report;
