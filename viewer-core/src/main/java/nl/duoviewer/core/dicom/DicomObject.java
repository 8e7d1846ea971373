package nl.duoviewer.core.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A DICOM dataset (or sequence item): data elements in tag order, each with its VR and value.
 *
 * <p>Values are held as they were encoded, in little endian, so reading is cheap and nothing is lost: strings are
 * decoded with the Specific Character Set only when asked for, binary numbers converted on access. Large values read
 * from a file may be {@link BulkData} references and encapsulated pixel data is {@link Fragments}. Not thread-safe
 * for writing; safe to read from several threads once built.
 */
public final class DicomObject {

    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];
    private static final String[] NO_STRINGS = new String[0];

    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private DicomObject parent;
    private SpecificCharacterSet charset;

    public DicomObject() {
        this(16);
    }

    public DicomObject(int capacity) {
        int c = Math.max(4, capacity);
        tags = new int[c];
        vrs = new VR[c];
        values = new Object[c];
    }

    /** The dataset this item is nested in, or null at top level. */
    public DicomObject parent() {
        return parent;
    }

    void setParent(DicomObject parent) {
        this.parent = parent;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The tags present, in order. */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** True when the element is present with a non-empty value. */
    public boolean containsValue(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        Object v = values[i];
        return v instanceof byte[] b ? b.length > 0 : v instanceof Sequence s ? !s.isEmpty() : v != null;
    }

    /** The element's VR, or null when absent. */
    public VR vr(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** The raw value object: byte[], {@link Sequence}, {@link BulkData} or {@link Fragments}; null when absent. */
    public Object value(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /** The character set in force for this dataset: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet charset() {
        for (DicomObject o = this; o != null; o = o.parent) {
            if (o.charset != null) {
                return o.charset;
            }
        }
        return SpecificCharacterSet.DEFAULT;
    }

    // ---------------------------------------------------------------- reading values

    /** The element's bytes as stored (little endian for numbers), or null when absent or not held in memory. */
    public byte[] getBytes(int tag) {
        return value(tag) instanceof byte[] b ? b : null;
    }

    /** The first value as text, trimmed of padding; null when absent or empty. */
    public String getString(int tag) {
        String[] all = getStrings(tag);
        return all.length == 0 || all[0].isEmpty() ? null : all[0];
    }

    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /** All values as text, trimmed of padding; empty when absent. Binary numbers are formatted. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return NO_STRINGS;
        }
        VR vr = vrs[i];
        if (!vr.isString()) {
            return formatBinary(vr, bytes);
        }
        boolean multi = vr.kind() == VR.Kind.STRING;
        List<String> raw;
        if (vr.isCharsetDependent()) {
            raw = charset().decode(bytes, multi, vr == VR.PN);
        } else {
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            raw = multi ? Arrays.asList(s.split("\\\\", -1)) : List.of(s);
        }
        String[] out = new String[raw.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = trim(raw.get(k), vr);
        }
        return out;
    }

    private static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr.kind() == VR.Kind.STRING) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** The first value as an int; {@code defaultValue} when absent, empty or not a number. */
    public int getInt(int tag, int defaultValue) {
        int[] all = getInts(tag);
        return all.length == 0 ? defaultValue : all[0];
    }

    /**
     * All values as ints. Works for US, SS, UL, SL, AT, IS, DS (truncated), FL, FD, SV, UV, OW, OL; unparseable
     * string values are skipped. UL/UV values above {@link Integer#MAX_VALUE} are clamped.
     */
    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return NO_INTS;
        }
        VR vr = vrs[i];
        if (vr.isString()) {
            double[] d = parseNumbers(getStrings(tag));
            int[] out = new int[d.length];
            for (int k = 0; k < d.length; k++) {
                out[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d[k]));
            }
            return out;
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case US, OW -> {
                int[] out = new int[bytes.length / 2];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getShort() & 0xFFFF;
                }
                yield out;
            }
            case SS -> {
                int[] out = new int[bytes.length / 2];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getShort();
                }
                yield out;
            }
            case UL, OL -> {
                int[] out = new int[bytes.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = (int) Math.min(Integer.MAX_VALUE, bb.getInt() & 0xFFFFFFFFL);
                }
                yield out;
            }
            case SL -> {
                int[] out = new int[bytes.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getInt();
                }
                yield out;
            }
            case AT -> {
                int[] out = new int[bytes.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = (bb.getShort() & 0xFFFF) << 16 | (bb.getShort() & 0xFFFF);
                }
                yield out;
            }
            case FL, FD, SV, UV, OF, OD, OV -> {
                double[] d = getDoubles(tag);
                int[] out = new int[d.length];
                for (int k = 0; k < d.length; k++) {
                    out[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d[k]));
                }
                yield out;
            }
            case OB, UN -> {
                int[] out = new int[bytes.length];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bytes[k] & 0xFF;
                }
                yield out;
            }
            default -> NO_INTS;
        };
    }

    /** The first value as a double; {@code defaultValue} when absent, empty or not a number. */
    public double getDouble(int tag, double defaultValue) {
        double[] all = getDoubles(tag);
        return all.length == 0 ? defaultValue : all[0];
    }

    /** All values as doubles: DS, IS, FL, FD, OF, OD, SV, UV and the integer VRs. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return NO_DOUBLES;
        }
        VR vr = vrs[i];
        if (vr.isString()) {
            return parseNumbers(getStrings(tag));
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case FL, OF -> {
                double[] out = new double[bytes.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getFloat();
                }
                yield out;
            }
            case FD, OD -> {
                double[] out = new double[bytes.length / 8];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getDouble();
                }
                yield out;
            }
            case SV -> {
                double[] out = new double[bytes.length / 8];
                for (int k = 0; k < out.length; k++) {
                    out[k] = bb.getLong();
                }
                yield out;
            }
            case UV, OV -> {
                double[] out = new double[bytes.length / 8];
                for (int k = 0; k < out.length; k++) {
                    long v = bb.getLong();
                    out[k] = v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
                }
                yield out;
            }
            default -> {
                int[] ints = getInts(tag);
                double[] out = new double[ints.length];
                for (int k = 0; k < ints.length; k++) {
                    out[k] = ints[k];
                }
                yield out;
            }
        };
    }

    /** The 64-bit values of an OV, UV or SV element (e.g. the Extended Offset Table); empty when absent. */
    public long[] getLongs(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes)) {
            return new long[0];
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[bytes.length / 8];
        for (int k = 0; k < out.length; k++) {
            out[k] = bb.getLong();
        }
        return out;
    }

    private static double[] parseNumbers(String[] strings) {
        double[] out = new double[strings.length];
        int n = 0;
        for (String s : strings) {
            try {
                if (!s.isEmpty()) {
                    out[n++] = Double.parseDouble(s);
                }
            } catch (NumberFormatException e) {
                // a malformed DS/IS value is skipped, not fatal: the rest of the dataset is still usable
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private String[] formatBinary(VR vr, byte[] bytes) {
        return switch (vr) {
            case FL, FD, OF, OD -> Arrays.stream(decodeDoubles(vr, bytes)).mapToObj(DicomObject::formatNumber)
                    .toArray(String[]::new);
            case US, SS, UL, SL, SV, UV -> Arrays.stream(decodeDoubles(vr, bytes))
                    .mapToObj(d -> Long.toString((long) d)).toArray(String[]::new);
            case AT -> {
                ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                String[] out = new String[bytes.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = Tag.toString((bb.getShort() & 0xFFFF) << 16 | (bb.getShort() & 0xFFFF));
                }
                yield out;
            }
            default -> NO_STRINGS;
        };
    }

    private double[] decodeDoubles(VR vr, byte[] bytes) {
        DicomObject tmp = new DicomObject(1);
        tmp.put(0x00000001, vr, bytes);
        return tmp.getDoubles(0x00000001);
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A DA value as a date; null when absent or not a valid date. Accepts the old ACR-NEMA form YYYY.MM.DD. */
    public LocalDate getDate(int tag) {
        String s = getString(tag);
        if (s == null) {
            return null;
        }
        s = s.replace(".", "");
        if (s.length() < 8) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A TM value (HH, HHMM, HHMMSS, HHMMSS.FFFFFF, or the old HH:MM:SS); null when absent or invalid. */
    public LocalTime getTime(int tag) {
        String s = getString(tag);
        if (s == null) {
            return null;
        }
        s = s.replace(":", "");
        try {
            int hh = Integer.parseInt(s.substring(0, 2));
            int mm = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
            int ss = s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 0;
            int nanos = 0;
            int dot = s.indexOf('.');
            if (dot >= 0 && dot + 1 < s.length()) {
                String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
            return LocalTime.of(hh, mm, Math.min(ss, 59), nanos);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Combines a DA and a TM element; the time defaults to midnight; null when the date is missing. */
    public LocalDateTime getDateTime(int dateTag, int timeTag) {
        LocalDate date = getDate(dateTag);
        if (date == null) {
            return null;
        }
        LocalTime time = getTime(timeTag);
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /** The items of a sequence; an empty list when absent or not a sequence. */
    public List<DicomObject> getSequence(int tag) {
        return value(tag) instanceof Sequence s ? s : List.of();
    }

    /** The first item of a sequence, or null. */
    public DicomObject getItem(int tag) {
        List<DicomObject> items = getSequence(tag);
        return items.isEmpty() ? null : items.getFirst();
    }

    public BulkData getBulkData(int tag) {
        return value(tag) instanceof BulkData b ? b : null;
    }

    public Fragments getFragments(int tag) {
        return value(tag) instanceof Fragments f ? f : null;
    }

    // ---------------------------------------------------------------- building

    /** Sets a string element; values are joined with backslash and encoded in this dataset's character set. */
    public DicomObject setString(int tag, VR vr, String... strings) {
        Objects.requireNonNull(vr, "vr");
        String joined = strings == null ? "" : String.join("\\", Arrays.stream(strings)
                .map(s -> s == null ? "" : s).toList());
        byte[] bytes = vr.isCharsetDependent() ? charset().encode(joined)
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        put(tag, vr, bytes);
        if (tag == Tag.SpecificCharacterSet) {
            charset = SpecificCharacterSet.of(strings);
        }
        return this;
    }

    /** Sets an integer element: US, SS, UL, SL, AT, IS or DS. */
    public DicomObject setInt(int tag, VR vr, int... ints) {
        switch (vr) {
            case IS, DS -> {
                return setString(tag, vr, Arrays.stream(ints).mapToObj(Integer::toString).toArray(String[]::new));
            }
            case US, SS, OW -> {
                ByteBuffer bb = ByteBuffer.allocate(ints.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : ints) {
                    bb.putShort((short) v);
                }
                return put(tag, vr, bb.array());
            }
            case UL, SL, OL -> {
                ByteBuffer bb = ByteBuffer.allocate(ints.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : ints) {
                    bb.putInt(v);
                }
                return put(tag, vr, bb.array());
            }
            case AT -> {
                ByteBuffer bb = ByteBuffer.allocate(ints.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : ints) {
                    bb.putShort((short) (v >>> 16)).putShort((short) v);
                }
                return put(tag, vr, bb.array());
            }
            default -> throw new IllegalArgumentException("setInt does not support VR " + vr);
        }
    }

    /** Sets a decimal element: DS (formatted to at most 16 characters), FL or FD. */
    public DicomObject setDouble(int tag, VR vr, double... ds) {
        switch (vr) {
            case DS -> {
                return setString(tag, vr, Arrays.stream(ds).mapToObj(DicomObject::formatDs).toArray(String[]::new));
            }
            case FL, OF -> {
                ByteBuffer bb = ByteBuffer.allocate(ds.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (double v : ds) {
                    bb.putFloat((float) v);
                }
                return put(tag, vr, bb.array());
            }
            case FD, OD -> {
                ByteBuffer bb = ByteBuffer.allocate(ds.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (double v : ds) {
                    bb.putDouble(v);
                }
                return put(tag, vr, bb.array());
            }
            default -> throw new IllegalArgumentException("setDouble does not support VR " + vr);
        }
    }

    /** DS allows 16 characters; shorten the representation until it fits. */
    static String formatDs(double d) {
        String s = formatNumber(d);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 14; digits > 0; digits--) {
            String t = String.format(java.util.Locale.ROOT, "%." + digits + "G", d).replaceAll("\\.?0+(E|$)", "$1");
            if (t.length() <= 16) {
                return t;
            }
        }
        return Double.toString((float) d);
    }

    /** Sets raw bytes (little endian for numbers). The array is kept, not copied. */
    public DicomObject setBytes(int tag, VR vr, byte[] bytes) {
        return put(tag, vr, Objects.requireNonNull(bytes, "bytes"));
    }

    /** Adds (or replaces) a sequence element and returns it for adding items. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this);
        put(tag, VR.SQ, seq);
        return seq;
    }

    public DicomObject setFragments(int tag, VR vr, Fragments fragments) {
        return put(tag, vr, Objects.requireNonNull(fragments, "fragments"));
    }

    public DicomObject setBulkData(int tag, VR vr, BulkData bulkData) {
        return put(tag, vr, Objects.requireNonNull(bulkData, "bulkData"));
    }

    /** Removes an element; returns whether it was present. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        vrs[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return true;
    }

    /** Copies every element of {@code other} into this dataset (sequences are shared, not deep-copied). */
    public DicomObject addAll(DicomObject other) {
        for (int k = 0; k < other.size; k++) {
            Object v = other.values[k];
            if (v instanceof Sequence s) {
                Sequence copy = newSequence(other.tags[k]);
                copy.addAll(s);
            } else {
                put(other.tags[k], other.vrs[k], v);
                if (other.tags[k] == Tag.SpecificCharacterSet) {
                    charset = other.charset;
                }
            }
        }
        return this;
    }

    /** Visits every element in tag order. */
    public void forEach(ElementVisitor visitor) {
        for (int k = 0; k < size; k++) {
            visitor.visit(tags[k], vrs[k], values[k]);
        }
    }

    /** Receives the elements of a dataset. */
    @FunctionalInterface
    public interface ElementVisitor {
        void visit(int tag, VR vr, Object value);
    }

    /** Used by the reader: appends in ascending order when it can, inserts otherwise. */
    DicomObject put(int tag, VR vr, Object value) {
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return this;
        }
        if (size == tags.length) {
            int n = size * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        int at = -(i + 1);
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
        return this;
    }

    void setCharset(SpecificCharacterSet cs) {
        this.charset = cs;
    }

    private int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -(size + 1); // fast path: appending in order
        }
        return ElementDictionary.binarySearchUnsigned(tags, size, tag);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        DicomDump.dump(this, sb, "", 64);
        return sb.toString();
    }
}
