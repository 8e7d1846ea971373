package nl.duoviewer.network.catalogue;

import java.time.LocalDateTime;
import java.util.Objects;

import nl.duoviewer.xca.query.XdsCodes;

/**
 * A radiology report registered for a study.
 *
 * @param documentUid  XDS uniqueId (for a DICOM SR also its SOP Instance UID)
 * @param title        e.g. "Verslag CT thorax"
 * @param dateTime     when it was written
 * @param institution  who registered it
 * @param format       what the document is
 */
public record DemoReport(String documentUid, String title, LocalDateTime dateTime, Institution institution,
                         Format format) {

    public DemoReport {
        Objects.requireNonNull(format, "format");
    }

    /**
     * The report formats the demo network serves, with the registry metadata each is published under: IHE RAD
     * format codes for PDF, CDA and text, the SOP Class UID for DICOM SR (Twiin: images may come with a DICOM SR Basic
     * Text report).
     */
    public enum Format {
        PDF("application/pdf", XdsCodes.PDF_REPORT_FORMAT_CODE, XdsCodes.PDF_REPORT_FORMAT_SCHEME, "PDF"),
        CDA("text/xml", XdsCodes.CDA_REPORT_FORMAT_CODE, XdsCodes.PDF_REPORT_FORMAT_SCHEME,
                "CDA Imaging Report with Structured Headings"),
        SR("application/dicom", XdsCodes.BASIC_TEXT_SR_FORMAT_CODE, XdsCodes.KOS_FORMAT_SCHEME, "Basic Text SR"),
        TEXT("text/plain", XdsCodes.TEXT_REPORT_FORMAT_CODE, XdsCodes.PDF_REPORT_FORMAT_SCHEME, "Text");

        private final String mimeType;
        private final String formatCode;
        private final String formatScheme;
        private final String displayName;

        Format(String mimeType, String formatCode, String formatScheme, String displayName) {
            this.mimeType = mimeType;
            this.formatCode = formatCode;
            this.formatScheme = formatScheme;
            this.displayName = displayName;
        }

        public String mimeType() {
            return mimeType;
        }

        public String formatCode() {
            return formatCode;
        }

        public String formatScheme() {
            return formatScheme;
        }

        public String displayName() {
            return displayName;
        }
    }
}
