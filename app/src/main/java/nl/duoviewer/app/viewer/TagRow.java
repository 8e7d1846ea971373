package nl.duoviewer.app.viewer;

import java.util.List;

/**
 * One line of the tag browser: an element, or an item of a sequence. What it holds is data; the view words the
 * kinds that are not plain values ("3 items", "pixel data not shown").
 *
 * @param tag      the element's tag, -1 for an item
 * @param vr       the VR as written, empty for an item
 * @param keyword  the dictionary keyword, empty when unknown (private elements)
 * @param kind     what the value is
 * @param value    the value as text for {@link Kind#VALUE}; empty otherwise
 * @param count    items of a sequence, the item number of an item, or the length in bytes of a binary value
 * @param children the items of a sequence, the elements of an item
 */
public record TagRow(int tag, String vr, String keyword, Kind kind, String value, long count,
                     List<TagRow> children) {

    /** What a row holds. */
    public enum Kind {
        /** A value shown as text. */
        VALUE,
        /** A sequence; {@code count} items. */
        SEQUENCE,
        /** Item {@code count} of a sequence. */
        ITEM,
        /** Binary data of {@code count} bytes, not shown. */
        BINARY,
        /** The pixel data: never dumped, {@code count} bytes when known. */
        PIXEL_DATA
    }

    public TagRow {
        children = List.copyOf(children);
    }

    /** The tag as DICOM writes it, "(gggg,eeee)"; empty for an item. */
    public String tagText() {
        return tag == -1 ? "" : String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
