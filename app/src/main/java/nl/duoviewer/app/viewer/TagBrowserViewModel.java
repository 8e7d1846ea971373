package nl.duoviewer.app.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import nl.duoviewer.core.dicom.BulkData;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.ElementDictionary;
import nl.duoviewer.core.dicom.Fragments;
import nl.duoviewer.core.dicom.Sequence;
import nl.duoviewer.core.dicom.VR;

/**
 * The DICOM tag browser for the image on screen: the header as the product's own parser read it, as a tree (sequences
 * hold items, items hold elements), filtered by what the user types (tag, keyword or value; a sequence stays when
 * something inside it matches). Pixel data is listed but never dumped, nor is any long binary value. UI thread only.
 */
public final class TagBrowserViewModel {

    /** Longest value shown as text; longer ones are cut with an ellipsis. */
    static final int MAX_VALUE_CHARS = 256;
    /** Binary values up to this many bytes are shown as numbers. */
    static final int MAX_BINARY_SHOWN = 64;

    private final ReadOnlyObjectWrapper<List<TagRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private List<TagRow> all = List.of();
    private DicomObject shown;

    public TagBrowserViewModel() {
        filter.addListener(o -> applyFilter());
    }

    /** Shows a header (null: nothing). The same dataset again is not rebuilt (the frames of one object share it). */
    public void show(DicomObject dataset) {
        if (dataset == shown) {
            return;
        }
        shown = dataset;
        all = dataset == null ? List.of() : rowsOf(dataset);
        applyFilter();
    }

    /** The rows to show, filtered. */
    public ReadOnlyObjectProperty<List<TagRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** What the user typed to search for. */
    public StringProperty filterProperty() {
        return filter;
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        rows.set(f.isEmpty() ? all : filtered(all, f));
    }

    private static List<TagRow> filtered(List<TagRow> in, String f) {
        List<TagRow> out = new ArrayList<>();
        for (TagRow r : in) {
            if (matches(r, f)) {
                out.add(r); // a matching sequence keeps all it holds
                continue;
            }
            List<TagRow> inside = filtered(r.children(), f);
            if (!inside.isEmpty()) {
                out.add(new TagRow(r.tag(), r.vr(), r.keyword(), r.kind(), r.value(), r.count(), inside));
            }
        }
        return out;
    }

    private static boolean matches(TagRow r, String f) {
        if (r.tag() == -1) {
            return false;
        }
        String compact = f.replace("(", "").replace(")", "").replace(",", "").replace(" ", "");
        String tag = String.format("%08x", r.tag());
        return !compact.isEmpty() && tag.contains(compact) || r.keyword().toLowerCase(Locale.ROOT).contains(f)
                || r.value().toLowerCase(Locale.ROOT).contains(f);
    }

    private static List<TagRow> rowsOf(DicomObject ds) {
        List<TagRow> out = new ArrayList<>();
        ds.forEach((tag, vr, value) -> out.add(row(ds, tag, vr, value)));
        return out;
    }

    private static TagRow row(DicomObject ds, int tag, VR vr, Object value) {
        String keyword = ElementDictionary.keywordOf(tag);
        keyword = keyword == null ? "" : keyword;
        String vrName = vr == null ? "" : vr.name();
        if (isPixelData(tag)) {
            long length = value instanceof byte[] b ? b.length : value instanceof BulkData bd ? bd.length() : -1;
            return new TagRow(tag, vrName, keyword, TagRow.Kind.PIXEL_DATA, "", length, List.of());
        }
        if (value instanceof Sequence seq) {
            List<TagRow> items = new ArrayList<>();
            for (int i = 0; i < seq.size(); i++) {
                items.add(new TagRow(-1, "", "", TagRow.Kind.ITEM, "", i + 1, rowsOf(seq.get(i))));
            }
            return new TagRow(tag, vrName, keyword, TagRow.Kind.SEQUENCE, "", seq.size(), items);
        }
        if (value instanceof Fragments || value instanceof BulkData) {
            long length = value instanceof BulkData bd ? bd.length() : -1;
            return new TagRow(tag, vrName, keyword, TagRow.Kind.BINARY, "", length, List.of());
        }
        byte[] bytes = value instanceof byte[] b ? b : new byte[0];
        boolean text = vr != null && (vr.isString() || vr.kind() == VR.Kind.BINARY && vr.elementSize() > 1
                && bytes.length <= MAX_BINARY_SHOWN);
        if (!text) {
            return new TagRow(tag, vrName, keyword, TagRow.Kind.BINARY, "", bytes.length, List.of());
        }
        String shown = String.join("\\", ds.getStrings(tag));
        if (shown.length() > MAX_VALUE_CHARS) {
            shown = shown.substring(0, MAX_VALUE_CHARS) + "…";
        }
        return new TagRow(tag, vrName, keyword, TagRow.Kind.VALUE, shown, bytes.length, List.of());
    }

    /** Pixel Data, Float Pixel Data and Double Float Pixel Data (7FE0,0010 / 0008 / 0009). */
    private static boolean isPixelData(int tag) {
        return tag == 0x7FE00010 || tag == 0x7FE00008 || tag == 0x7FE00009;
    }
}
