package nl.duoviewer.core.dicom;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The items of a sequence (SQ) element. Adding an item makes the owning dataset its parent (for character sets). */
public final class Sequence extends AbstractList<DicomObject> {

    private final DicomObject owner;
    private final List<DicomObject> items = new ArrayList<>(2);

    Sequence(DicomObject owner) {
        this.owner = owner;
    }

    @Override
    public DicomObject get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public void add(int index, DicomObject item) {
        Objects.requireNonNull(item, "item");
        item.setParent(owner);
        items.add(index, item);
    }

    @Override
    public DicomObject set(int index, DicomObject item) {
        Objects.requireNonNull(item, "item");
        item.setParent(owner);
        return items.set(index, item);
    }

    @Override
    public DicomObject remove(int index) {
        return items.remove(index);
    }

    /** Appends a new empty item and returns it, for building datasets. */
    public DicomObject addItem() {
        DicomObject item = new DicomObject();
        add(item);
        return item;
    }
}
