package nl.duoviewer.report;

import java.util.List;
import java.util.Objects;

/**
 * One block of a structured report's body, in reading order: the shapes that CDA narrative blocks, DICOM SR content
 * items and plain text come down to. Texts are as the document gives them (the viewer translates none of them).
 */
public sealed interface ReportBlock {

    /** This block's text, for {@link ReportDocument#text()}. */
    String text();

    /**
     * A section title or SR container name.
     *
     * @param level 1 for a top-level section, deeper sections count up
     */
    record Heading(int level, String title) implements ReportBlock {
        public Heading {
            Objects.requireNonNull(title);
            level = Math.max(1, level);
        }

        @Override
        public String text() {
            return title;
        }
    }

    /** Running text; line breaks the document makes are kept as {@code \n}. */
    record Paragraph(String content) implements ReportBlock {
        public Paragraph {
            Objects.requireNonNull(content);
        }

        @Override
        public String text() {
            return content;
        }
    }

    /** A bulleted or numbered list. */
    record ItemList(boolean ordered, List<String> items) implements ReportBlock {
        public ItemList {
            items = List.copyOf(items);
        }

        @Override
        public String text() {
            return String.join("\n", items);
        }
    }

    /**
     * A table.
     *
     * @param caption empty when it has none
     * @param header  column headings, empty when the table has no header row
     * @param rows    body rows; rows may differ in length
     */
    record Table(String caption, List<String> header, List<List<String>> rows) implements ReportBlock {
        public Table {
            Objects.requireNonNull(caption);
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder(caption);
            if (!header.isEmpty()) {
                b.append(b.isEmpty() ? "" : "\n").append(String.join("\t", header));
            }
            for (List<String> row : rows) {
                b.append(b.isEmpty() ? "" : "\n").append(String.join("\t", row));
            }
            return b.toString();
        }
    }

    /** A labelled value: an SR content item (concept name and value). */
    record Field(String label, String value) implements ReportBlock {
        public Field {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
        }

        @Override
        public String text() {
            return label + ": " + value;
        }
    }
}
