package nl.duoviewer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report as structured text: CDA, DICOM SR or plain text read into a title, header facts and body blocks that the
 * viewer draws with its own fonts. The body keeps the document's order and wording.
 *
 * @param format  where it came from
 * @param title   the document's own title; empty when it has none (plain text)
 * @param header  facts from the document header, in display order
 * @param blocks  the body
 * @param patient whom the document names
 */
public record StructuredReport(ReportFormat format, String title, List<HeaderField> header, List<ReportBlock> blocks,
                               PatientReference patient) implements ReportDocument {

    public StructuredReport {
        Objects.requireNonNull(format);
        title = title == null ? "" : title.strip();
        header = List.copyOf(header);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(patient);
    }

    /**
     * A fact from the document header. The kind is translated by the viewer; the value is the document's.
     */
    public record HeaderField(Kind kind, String value) {

        /** What the value is. */
        public enum Kind { PATIENT, DATE, AUTHOR, ORGANISATION }

        public HeaderField {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(value);
        }
    }

    /** Title, header values and the blocks' texts, one per line. */
    @Override
    public String text() {
        List<String> lines = new ArrayList<>();
        if (!title.isEmpty()) {
            lines.add(title);
        }
        header.forEach(h -> lines.add(h.value()));
        blocks.forEach(b -> lines.add(b.text()));
        return String.join("\n", lines);
    }
}
