package nl.duoviewer.report;

import java.util.Locale;

/**
 * The report formats the viewer reads, each with the MIME type its registry entry and retrieve response carry (XDS
 * mimeType): PDF ({@code urn:ihe:rad:PDF}), HL7 CDA R2 ({@code urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013}),
 * DICOM Structured Report (Basic Text, Enhanced, Comprehensive) and plain text ({@code urn:ihe:rad:TEXT}).
 */
public enum ReportFormat {
    PDF("application/pdf"),
    CDA("text/xml"),
    DICOM_SR("application/dicom"),
    TEXT("text/plain");

    private final String mimeType;

    ReportFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    /** The MIME type sources register this format under. */
    public String mimeType() {
        return mimeType;
    }

    /**
     * The format a MIME type declares, or null when it names none of these. Parameters (charset) and case are
     * ignored; the XML types CDA documents are seen with all count as CDA.
     */
    public static ReportFormat fromMimeType(String mimeType) {
        if (mimeType == null) {
            return null;
        }
        String base = mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/pdf" -> PDF;
            case "text/xml", "application/xml", "application/hl7-v3+xml", "application/cda+xml" -> CDA;
            case "application/dicom" -> DICOM_SR;
            case "text/plain" -> TEXT;
            default -> null;
        };
    }
}
