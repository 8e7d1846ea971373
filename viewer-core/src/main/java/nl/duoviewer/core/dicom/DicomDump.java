package nl.duoviewer.core.dicom;

/** A dcmdump-like text rendering of a dataset, for diagnostics and the command-line tools. */
public final class DicomDump {

    private DicomDump() {
    }

    /** Appends one line per element, items indented; string values cut at {@code maxValueChars}. */
    public static void dump(DicomObject ds, StringBuilder out, String indent, int maxValueChars) {
        ds.forEach((tag, vr, value) -> {
            out.append(indent).append(Tag.toString(tag)).append(' ').append(vr).append(' ');
            String keyword = ElementDictionary.keywordOf(tag);
            if (value instanceof Sequence seq) {
                out.append("(").append(seq.size()).append(" items)");
                appendKeyword(out, keyword);
                for (int i = 0; i < seq.size(); i++) {
                    out.append(indent).append("  > item ").append(i + 1).append('\n');
                    dump(seq.get(i), out, indent + "    ", maxValueChars);
                }
                return;
            }
            if (value instanceof Fragments f) {
                out.append("(encapsulated: ").append(f.size()).append(" fragments, offset table of ")
                        .append(f.basicOffsetTable().length).append(")");
            } else if (value instanceof BulkData b) {
                out.append("(").append(b.length()).append(" bytes at offset ").append(b.offset()).append(")");
            } else if (value instanceof byte[] bytes) {
                if (vr.isString() || vr.kind() == VR.Kind.BINARY && vr.elementSize() > 1 && bytes.length <= 64) {
                    String text = String.join("\\", ds.getStrings(tag));
                    if (text.length() > maxValueChars) {
                        text = text.substring(0, maxValueChars) + "...";
                    }
                    out.append('[').append(text).append(']');
                } else {
                    out.append("(").append(bytes.length).append(" bytes)");
                }
            }
            appendKeyword(out, keyword);
        });
    }

    private static void appendKeyword(StringBuilder out, String keyword) {
        if (keyword != null) {
            out.append("  # ").append(keyword);
        }
        out.append('\n');
    }
}
