package nl.duoviewer.core.dicom;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads DICOM Part-10 files and bare datasets in any transfer syntax: implicit and explicit VR little endian,
 * explicit big endian, deflated; defined and undefined lengths; nested sequences; encapsulated pixel data, also inside
 * sequence items (the icon of a compressed object), where it is kept as {@link Fragments} in the item.
 *
 * <p>Input is untrusted. Every length is checked against what is left and against {@link ReadOptions}; nesting and
 * inflation are capped; a lying length on a stream costs only the bytes that actually arrive. A file truncated inside
 * its pixel data still yields the complete frames, with {@link PixelData#problem()} saying what is missing; any other
 * damage gives a {@link DicomParseException} naming the element and byte offset. From files, large binary values stay
 * on disk as {@link BulkData} until needed.
 */
public final class DicomReader {

    private static final int UNDEFINED = -1;

    private final DicomInput in;
    private final ReadOptions options;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> path = new ArrayList<>();
    private boolean explicitVr;
    private PixelData pixelData;
    private boolean stopped;
    /** Set when a read stopped before (7FE0,0010): the reader that holds the input, and the element's header. */
    DicomReader body;
    VR pendingPixelVr;
    long pendingPixelLength = -2;

    private DicomReader(DicomInput in, ReadOptions options) {
        this.in = in;
        this.options = options;
    }

    /** Reads a file with the default limits. */
    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads a file; large binary values are left in the file as {@link BulkData}. */
    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new DicomReader(DicomInput.ofChannel(ch, file), options).readObject(file);
        }
    }

    /** Reads a stream completely into memory (within the limits). The stream is not closed. */
    public static DicomFile read(InputStream stream, ReadOptions options) throws IOException {
        return new DicomReader(DicomInput.ofStream(stream), options).readObject(null);
    }

    public static DicomFile read(InputStream stream) throws IOException {
        return read(stream, ReadOptions.DEFAULT);
    }

    public static DicomFile read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes), ReadOptions.DEFAULT);
    }

    /** Reads the header of a stream up to its pixel data, for {@link DicomStream}. */
    static DicomReader openStream(InputStream stream, ReadOptions options, DicomFile[] header) throws IOException {
        DicomReader reader = new DicomReader(DicomInput.ofStream(stream), options.withStopAtPixelData(true));
        header[0] = reader.readObject(null);
        return reader.body != null ? reader.body : reader;
    }

    DicomInput input() {
        return in;
    }

    // ---------------------------------------------------------------- object structure

    private DicomFile readObject(Path source) throws IOException {
        byte[] head = in.peek(132);
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            warnings.add("input is gzip-compressed; decompressed while reading");
            InputStream gz = new GZIPInputStream(in.remainder(), 8192);
            DicomReader inner = new DicomReader(DicomInput.ofStream(cap(gz, "gzip")), options);
            DicomFile f = inner.readObject(null);
            List<String> all = new ArrayList<>(warnings);
            all.addAll(f.warnings());
            return new DicomFile(f.fileMetaInformation(), f.dataset(), f.transferSyntax(), f.pixelData(), all,
                    source);
        }
        DicomObject fmi = null;
        if (head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            in.skip(132);
            fmi = readFileMetaInformation();
        } else if (head.length >= 6 && (head[0] & 0xFF) == 0x02 && head[1] == 0
                && VR.of(head[4] & 0xFF, head[5] & 0xFF) != null) {
            warnings.add("no 128-byte preamble; File Meta Information starts at byte 0");
            fmi = readFileMetaInformation();
        } else if (head.length == 0) {
            throw new DicomParseException("empty input: not a DICOM object", 0);
        }

        TransferSyntax declared = null;
        String tsUid = fmi == null ? null : fmi.getString(Tag.TransferSyntaxUID);
        if (tsUid != null) {
            declared = TransferSyntax.of(tsUid);
            if (!TransferSyntax.isKnown(tsUid)) {
                warnings.add("unknown transfer syntax " + tsUid + "; read as explicit VR little endian");
            }
        } else if (fmi != null) {
            warnings.add("File Meta Information has no Transfer Syntax UID; syntax detected from the data");
        }

        DicomInput data = in;
        TransferSyntax ts = declared;
        if (declared != null && declared.deflated()) {
            Inflater inflater = new Inflater(true);
            data = DicomInput.ofStream(cap(new InflaterInputStream(in.remainder(), inflater, 8192), "deflate"));
        }
        if (data.atEnd()) {
            if (fmi == null) {
                throw new DicomParseException("empty input: not a DICOM object", 0);
            }
            return new DicomFile(fmi, new DicomObject(), ts == null ? TransferSyntax.EXPLICIT_LE : ts, null,
                    warnings, source);
        }
        ts = detect(data, ts, fmi == null);
        body = data == in ? this : new DicomReader(data, options);
        body.explicitVr = ts.explicitVr();
        data.bigEndian = ts.bigEndian();
        DicomObject dataset = new DicomObject(64);
        body.readItems(dataset, UNDEFINED, 0, true);
        if (body != this) {
            warnings.addAll(body.warnings);
        }
        return new DicomFile(fmi, dataset, ts, body.pixelData, warnings, source);
    }

    private InputStream cap(InputStream inflating, String what) {
        long limit = options.maxInflatedLength();
        return new InputStream() {
            private long total;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = inflating.read(b, off, len);
                if (n > 0 && (total += n) > limit) {
                    throw new DicomParseException(what + " stream expands past the limit of " + limit
                            + " bytes (possible deflate bomb)", total);
                }
                return n;
            }
        };
    }

    private DicomObject readFileMetaInformation() throws IOException {
        explicitVr = true;
        in.bigEndian = false;
        DicomObject fmi = new DicomObject(8);
        long groupEnd = -1;
        while (true) {
            byte[] next = in.peek(2);
            if (next.length < 2 || (next[0] & 0xFF) != 0x02 || next[1] != 0) {
                break;
            }
            if (groupEnd >= 0 && in.position() >= groupEnd) {
                break;
            }
            readElement(fmi, 0, false);
            if (fmi.size() == 1 && fmi.contains(Tag.FileMetaInformationGroupLength)) {
                groupEnd = in.position() + (fmi.getInt(Tag.FileMetaInformationGroupLength, 0) & 0xFFFFFFFFL);
            }
        }
        if (groupEnd >= 0 && in.position() != groupEnd) {
            warnings.add("File Meta Information group length says it ends at byte " + groupEnd
                    + " but it ends at " + in.position());
        }
        return fmi;
    }

    /**
     * Chooses the syntax the dataset is really in. Files that declare explicit VR but are implicit (and the reverse)
     * exist; trusting the bytes over the label is what keeps them readable.
     */
    private TransferSyntax detect(DicomInput data, TransferSyntax declared, boolean bare) throws IOException {
        byte[] h = data.peek(8);
        if (h.length < 8) {
            return declared != null ? declared : TransferSyntax.IMPLICIT_LE;
        }
        int leGroup = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
        int beGroup = (h[0] & 0xFF) << 8 | (h[1] & 0xFF);
        boolean bigEndian = declared != null ? declared.bigEndian() : leGroup > 0xFF && beGroup <= 0xFF;
        int tag = bigEndian ? beGroup << 16 | ((h[2] & 0xFF) << 8 | (h[3] & 0xFF))
                : leGroup << 16 | ((h[2] & 0xFF) | (h[3] & 0xFF) << 8);
        VR vr = VR.of(h[4] & 0xFF, h[5] & 0xFF);
        VR dictVr = ElementDictionary.vrOf(tag);
        boolean looksExplicit = vr != null && (vr == dictVr || dictVr == VR.UN || bare);
        if (declared == null) {
            if (bigEndian && !looksExplicit) {
                warnings.add("big endian implicit VR data is not a DICOM syntax; read as explicit big endian");
                return TransferSyntax.EXPLICIT_BE;
            }
            TransferSyntax ts = bigEndian ? TransferSyntax.EXPLICIT_BE
                    : looksExplicit ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
            if (bare) {
                warnings.add("no File Meta Information; dataset read as " + ts.name());
            }
            return ts;
        }
        if (declared.explicitVr() && vr == null) {
            warnings.add("transfer syntax says explicit VR but the dataset is implicit VR; read as implicit");
            return declared.encapsulated() || declared.deflated() ? declared : TransferSyntax.IMPLICIT_LE;
        }
        if (!declared.explicitVr() && vr != null && vr == dictVr && dictVr != VR.UN) {
            warnings.add("transfer syntax says implicit VR but the dataset is explicit VR; read as explicit");
            return TransferSyntax.EXPLICIT_LE;
        }
        return declared;
    }

    // ---------------------------------------------------------------- elements

    /**
     * Reads elements into {@code target} until {@code end} (a byte position), an Item Delimitation Item (items of
     * undefined length) or the end of input (top level).
     */
    private void readItems(DicomObject target, long end, int depth, boolean topLevel) throws IOException {
        while (!stopped) {
            if (end != UNDEFINED) {
                long pos = in.position();
                if (pos == end) {
                    return;
                }
                if (pos > end) {
                    throw error("an element runs " + (pos - end) + " bytes past the end of its item", pos);
                }
            } else if (topLevel && in.atEnd()) {
                return;
            }
            if (!readElement(target, depth, topLevel)) {
                if (topLevel) {
                    warnings.add("stray Item Delimitation Item at top level ignored");
                    continue;
                }
                if (end != UNDEFINED) {
                    warnings.add("Item Delimitation Item inside an item of defined length");
                }
                return;
            }
        }
    }

    /** Reads one element; returns false when it met an Item Delimitation Item instead. */
    private boolean readElement(DicomObject target, int depth, boolean topLevel) throws IOException {
        long start = in.position();
        int tag;
        long length;
        VR vr;
        try {
            tag = in.tag();
            if (tag == Tag.ItemDelimitationItem) {
                in.i32();
                return false;
            }
            if (tag == Tag.Item || tag == Tag.SequenceDelimitationItem) {
                if (tag == Tag.SequenceDelimitationItem && topLevel) {
                    in.i32();
                    warnings.add("stray Sequence Delimitation Item at byte " + start + " ignored");
                    return true;
                }
                throw error("unexpected " + (tag == Tag.Item ? "Item" : "Sequence Delimitation Item")
                        + " tag outside a sequence", start);
            }
            if (explicitVr) {
                int b0 = in.u8();
                int b1 = in.u8();
                vr = VR.of(b0, b1);
                if (vr == null) {
                    // dcmtk's rule: unreadable VR bytes are the start of a 4-byte implicit length
                    int rest = in.u16();
                    length = in.bigEndian ? ((long) (b0 << 8 | b1) << 16 | rest)
                            : ((long) rest << 16 | (b1 << 8 | b0));
                    length &= 0xFFFFFFFFL;
                    vr = ElementDictionary.vrOf(tag);
                    warnings.add("invalid VR bytes " + String.format("%02X%02X", b0, b1) + " for "
                            + ElementDictionary.describe(tag) + " at byte " + start + "; read with a 4-byte length");
                } else if (vr.hasLongHeader()) {
                    in.u16();
                    length = in.i32() & 0xFFFFFFFFL;
                } else {
                    length = in.u16();
                }
            } else {
                length = in.i32() & 0xFFFFFFFFL;
                vr = tag == Tag.PixelData ? VR.OW : ElementDictionary.vrOf(tag);
            }
        } catch (EOFException e) {
            throw error("input ends inside the header of an element", start, e);
        }
        boolean undefined = length == 0xFFFFFFFFL;

        if (tag == Tag.PixelData && depth == 0) {
            if (options.stopAtPixelData()) {
                stopped = true;
                pendingPixelVr = vr;
                pendingPixelLength = undefined ? UNDEFINED : length;
                return true;
            }
            readPixelData(target, tag, vr, undefined, length);
            return true;
        }
        if (tag == Tag.PixelData && undefined) {
            // encapsulated pixel data inside a sequence item (an Icon Image Sequence, say): fragments, not items
            readNestedEncapsulated(target, tag, vr);
            return true;
        }
        if (vr == VR.SQ || undefined) {
            if (vr != VR.SQ && vr != VR.UN) {
                warnings.add(ElementDictionary.describe(tag) + " has VR " + vr
                        + " but an undefined length; read as a sequence");
            }
            boolean implicitInside = vr == VR.UN && explicitVr;
            readSequence(target, tag, undefined ? UNDEFINED : checkedEnd(tag, length), depth + 1, implicitInside);
            return true;
        }
        target.put(tag, vr, readValue(tag, vr, length));
        if (tag == Tag.SpecificCharacterSet) {
            target.setCharset(SpecificCharacterSet.of(target.getStrings(tag)));
        }
        if (explicitVr && vr == VR.UN && !in.bigEndian) {
            VR known = ElementDictionary.vrOf(tag);
            if (known != VR.UN && known != VR.SQ) {
                target.put(tag, known, target.value(tag)); // UN from an implicit-to-explicit conversion
            }
        }
        return true;
    }

    private long checkedEnd(int tag, long length) throws DicomParseException {
        long pos = in.position();
        if (length > in.remaining()) {
            throw error(ElementDictionary.describe(tag) + " declares " + length + " bytes but only "
                    + in.remaining() + " remain (truncated or corrupt)", pos);
        }
        return pos + length;
    }

    /**
     * End of an item of defined length. An item that claims more bytes than the file has is read to the end of the
     * file, as dcmtk does: directory files with a short last record exist and are otherwise intact.
     */
    private long itemEnd(int index, long length) throws DicomParseException {
        long pos = in.position();
        if (length > in.remaining()) {
            if (in.length() < 0) {
                throw error("item " + index + " declares " + length + " bytes, more than the input holds", pos);
            }
            warnings.add(String.join(" > ", path) + " declares " + length
                    + " bytes but only " + in.remaining() + " remain; read to the end of the file");
            return in.length();
        }
        return pos + length;
    }

    private Object readValue(int tag, VR vr, long length) throws IOException {
        long pos = in.position();
        if (length > in.remaining()) {
            throw error(ElementDictionary.describe(tag) + " declares " + length + " bytes but only "
                    + in.remaining() + " remain (truncated or corrupt)", pos);
        }
        if (length > options.maxValueLength()) {
            throw error(ElementDictionary.describe(tag) + " declares " + length + " bytes, more than the limit of "
                    + options.maxValueLength(), pos);
        }
        if (in.seekable() && options.bulkDataThreshold() > 0 && length > options.bulkDataThreshold()
                && vr.kind() == VR.Kind.BINARY) {
            BulkData bulk = new BulkData(in.path(), pos, length, in.bigEndian && vr.elementSize() > 1);
            in.skip(length);
            return bulk;
        }
        byte[] bytes;
        try {
            bytes = in.bytes(length);
        } catch (EOFException e) {
            throw error(ElementDictionary.describe(tag) + " of " + length + " bytes is cut off: " + e.getMessage(),
                    pos, e);
        }
        if (in.bigEndian && vr.elementSize() > 1) {
            ByteOrderUtil.swap(bytes, 0, bytes.length, vr.elementSize());
        }
        return bytes;
    }

    private void readSequence(DicomObject target, int tag, long end, int depth, boolean implicitInside)
            throws IOException {
        if (depth > options.maxSequenceDepth()) {
            throw error("sequences nested deeper than " + options.maxSequenceDepth(), in.position());
        }
        Sequence seq = target.newSequence(tag);
        boolean savedExplicit = explicitVr;
        boolean savedBigEndian = in.bigEndian;
        if (implicitInside) {
            explicitVr = false;
            in.bigEndian = false;
        }
        path.add(ElementDictionary.describe(tag));
        try {
            int index = 0;
            while (true) {
                long itemStart = in.position();
                if (end != UNDEFINED && itemStart >= end) {
                    if (itemStart > end) {
                        throw error("an item runs past the end of its sequence", itemStart);
                    }
                    break;
                }
                if (end == UNDEFINED && in.length() >= 0 && in.atEnd()) {
                    warnings.add(String.join(" > ", path) + " is not closed before the end of the file");
                    break;
                }
                int itemTag;
                long itemLength;
                try {
                    itemTag = in.tag();
                    itemLength = in.i32() & 0xFFFFFFFFL;
                } catch (EOFException e) {
                    throw error("input ends inside a sequence", itemStart, e);
                }
                if (itemTag == Tag.SequenceDelimitationItem) {
                    break;
                }
                if (itemTag != Tag.Item) {
                    throw error("expected an Item in the sequence, found " + ElementDictionary.describe(itemTag),
                            itemStart);
                }
                index++;
                path.add("item " + index);
                DicomObject item = new DicomObject(8);
                seq.add(item);
                readItems(item, itemLength == 0xFFFFFFFFL ? UNDEFINED : itemEnd(index, itemLength), depth, false);
                path.removeLast();
            }
        } finally {
            path.removeLast();
            explicitVr = savedExplicit;
            in.bigEndian = savedBigEndian;
        }
    }

    // ---------------------------------------------------------------- pixel data

    private void readPixelData(DicomObject target, int tag, VR vr, boolean undefined, long length)
            throws IOException {
        if (undefined) {
            readEncapsulated(target, tag, vr);
            return;
        }
        long pos = in.position();
        String problem = null;
        long available = length;
        if (length > in.remaining()) {
            available = in.remaining();
            problem = "file ends " + available + " bytes into pixel data of " + length + " bytes";
        }
        if (available > options.maxValueLength() && !in.seekable()) {
            throw error("pixel data of " + length + " bytes exceeds the limit of " + options.maxValueLength(), pos);
        }
        int swapUnit = 0;
        if (in.bigEndian && vr == VR.OW) {
            int bits = target.getInt(Tag.BitsAllocated, 16);
            swapUnit = bits >= 16 ? bits / 8 : 2;
        }
        Object value;
        if (in.seekable() && options.bulkDataThreshold() > 0 && available > options.bulkDataThreshold()) {
            value = new BulkData(in.path(), pos, available, swapUnit > 1);
            in.skip(available);
        } else {
            byte[] bytes;
            if (in.seekable()) {
                bytes = in.bytes(available);
            } else {
                bytes = in.bytesUpTo(available);
                if (bytes.length < length) {
                    problem = "input ends " + bytes.length + " bytes into pixel data of " + length + " bytes";
                }
            }
            if (swapUnit > 1) {
                ByteOrderUtil.swap(bytes, 0, bytes.length, swapUnit);
                swapUnit = 0;
            }
            value = bytes;
        }
        target.put(tag, vr, value);
        pixelData = PixelData.ofNative(target, value, value instanceof BulkData ? swapUnit : 0, problem);
        if (problem != null) {
            warnings.add(problem);
            stopped = true;
        }
    }

    /**
     * The object's own encapsulated pixel data: damage after its complete frames leaves those frames readable, with
     * {@link PixelData#problem()} saying what is missing.
     */
    private void readEncapsulated(DicomObject target, int tag, VR vr) throws IOException {
        Encapsulated e = readFragments();
        target.put(tag, encapsulatedVr(vr), e.fragments());
        pixelData = PixelData.ofFragments(target, e.fragments(), e.problem());
        if (e.problem() != null) {
            warnings.add(e.problem());
            stopped = true;
        }
    }

    /**
     * Encapsulated pixel data inside a sequence item: an Icon Image Sequence item of a compressed object holds its
     * icon this way (PS3.5 A.4: the rules of the top level apply at any depth). Its items are a Basic Offset Table and
     * fragments, never a dataset, so reading them as one (as an undefined length otherwise means) would fail. The
     * rest of the object follows it, so damage here is an error, not a partial read.
     */
    private void readNestedEncapsulated(DicomObject target, int tag, VR vr) throws IOException {
        long start = in.position();
        Encapsulated e = readFragments();
        if (e.problem() != null) {
            throw error(e.problem(), start);
        }
        target.put(tag, encapsulatedVr(vr), e.fragments());
    }

    private static VR encapsulatedVr(VR vr) {
        return vr == VR.OW || vr == VR.UN ? VR.OB : vr;
    }

    /** Fragments read so far, and why reading stopped early (null when the Sequence Delimitation Item was met). */
    private record Encapsulated(Fragments fragments, String problem) {
    }

    /** Reads the Basic Offset Table item and the fragment items up to the Sequence Delimitation Item. */
    private Encapsulated readFragments() throws IOException {
        long pos = in.position();
        String problem = null;
        long[] bot = new long[0];
        List<Fragments.Fragment> list = new ArrayList<>();
        long inMemory = 0;
        int botTag;
        long botLength;
        try {
            botTag = in.tag();
            botLength = in.i32() & 0xFFFFFFFFL;
        } catch (EOFException e) {
            throw error("input ends at the start of encapsulated pixel data", pos, e);
        }
        if (botTag == Tag.SequenceDelimitationItem) {
            warnings.add("encapsulated pixel data has no Basic Offset Table item and no fragments");
        } else if (botTag != Tag.Item) {
            throw error("encapsulated pixel data does not start with an Item", pos);
        } else {
            if (botLength > in.remaining() || botLength % 4 != 0 || botLength > options.maxValueLength()) {
                throw error("Basic Offset Table of " + botLength + " bytes is invalid", pos);
            }
            byte[] b;
            try {
                b = in.bytes(botLength);
            } catch (EOFException e) {
                throw error("input ends inside the Basic Offset Table of encapsulated pixel data", pos, e);
            }
            bot = new long[b.length / 4];
            for (int i = 0; i < bot.length; i++) {
                bot[i] = (b[4 * i] & 0xFFL) | (b[4 * i + 1] & 0xFFL) << 8 | (b[4 * i + 2] & 0xFFL) << 16
                        | (b[4 * i + 3] & 0xFFL) << 24;
            }
            long firstFragment = in.position();
            while (true) {
                long itemStart = in.position();
                int itemTag;
                long len;
                try {
                    itemTag = in.tag();
                    len = in.i32() & 0xFFFFFFFFL;
                } catch (EOFException e) {
                    problem = "input ends after fragment " + list.size() + " of encapsulated pixel data";
                    break;
                }
                if (itemTag == Tag.SequenceDelimitationItem) {
                    break;
                }
                if (itemTag != Tag.Item || len == 0xFFFFFFFFL) {
                    problem = "fragment " + (list.size() + 1) + " at byte " + itemStart + " is not a valid Item";
                    break;
                }
                if (len > in.remaining()) {
                    problem = "fragment " + (list.size() + 1) + " declares " + len + " bytes but only "
                            + in.remaining() + " remain (file truncated)";
                    break;
                }
                long offset = itemStart - firstFragment;
                if (in.seekable() && options.bulkDataThreshold() > 0 && len > options.bulkDataThreshold()) {
                    byte[] head = in.peek(2);
                    int marker = head.length == 2 ? (head[0] & 0xFF) << 8 | (head[1] & 0xFF) : -1;
                    list.add(new Fragments.Fragment(offset, null,
                            new BulkData(in.path(), in.position(), len, false), marker));
                    in.skip(len);
                } else {
                    inMemory += len;
                    if (inMemory > options.maxValueLength()) {
                        throw error("encapsulated pixel data exceeds the limit of " + options.maxValueLength()
                                + " bytes", itemStart);
                    }
                    byte[] bytes;
                    try {
                        bytes = in.bytes(len);
                    } catch (EOFException e) {
                        problem = "fragment " + (list.size() + 1) + " is cut off (input truncated)";
                        break;
                    }
                    list.add(new Fragments.Fragment(offset, bytes));
                }
            }
        }
        return new Encapsulated(new Fragments(bot, list), problem);
    }

    // ---------------------------------------------------------------- errors

    private DicomParseException error(String message, long offset) {
        return error(message, offset, null);
    }

    private DicomParseException error(String message, long offset, Throwable cause) {
        String where = path.isEmpty() ? "" : " in " + String.join(" > ", path);
        DicomParseException e = new DicomParseException(message + where, offset);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** The text of a value for messages; never throws. */
    static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 32), StandardCharsets.ISO_8859_1);
        return s.replaceAll("[^\\x20-\\x7E]", ".");
    }
}
