package nl.duoviewer.core.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.image.SampleKind;

/**
 * Builds the corpus files of one defect class (testdata/corpus/built/): encapsulated pixel data inside sequence items
 * (an Icon Image Sequence item of a compressed object, at one and at two levels of nesting) and nested sequences and
 * items with every combination of defined and undefined lengths. A real-world file of the first shape (a JPEG 2000
 * icon in an undefined-length item) was unreadable for our parser while dcmtk and gdcm read it.
 *
 * <p>Images are synthetic (a smooth 12-bit phantom and its 64 x 64 8-bit icon), compressed with the project's own
 * encoders (JPEG 2000 lossless through OpenCV/OpenJPEG, RLE). The two files in the shapes {@link DicomWriter} writes
 * (undefined lengths everywhere) come from it; the others are assembled element by element here, because the writer
 * never writes defined lengths. Everything is deterministic: {@code NestedEncapsulationTest} checks that the committed
 * files are exactly what this class writes. To write them again:
 * {@code ./mvnw -q -pl viewer-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.duoviewer.core.dicom.NestedEncapsulatedFiles -Dexec.args=$PWD/testdata/corpus/built}.
 */
public final class NestedEncapsulatedFiles {

    static final int ICON_IMAGE_SEQUENCE = 0x00880200;
    static final int SCHEDULED_PROTOCOL_CODE_SEQUENCE = 0x00400008;

    static final int ROWS = 128;
    static final int COLUMNS = 96;
    static final int ICON_SIZE = 64;

    private NestedEncapsulatedFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "testdata/corpus/built");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : build().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
            System.out.println(dir.resolve(e.getKey()) + " " + e.getValue().length + " bytes");
        }
    }

    /** File name to bytes, in a fixed order. */
    static Map<String, byte[]> build() throws IOException {
        String j2k = TransferSyntax.JPEG_2000_LOSSLESS;
        String rle = TransferSyntax.RLE_LOSSLESS;
        byte[] mainJ2k = encode(mainDescriptor(j2k), mainImage(0), j2k);
        byte[] mainJ2k2 = encode(mainDescriptor(j2k), mainImage(1), j2k);
        byte[] iconJ2k = encode(iconDescriptor(j2k), iconImage(), j2k);
        Map<String, byte[]> files = new LinkedHashMap<>();

        // 1. the shape of the real-world file: undefined-length sequence and item, one fragment, empty offset table
        files.put("icon_j2k_in_undefined_item.dcm", written(1, j2k, List.of(mainJ2k), iconJ2k));

        // 2.-4. the other three length combinations of sequence and item, hand-assembled; the icon is split over two
        // fragments with an offset table, the main image has two frames
        List<byte[]> twoFragments = split(iconJ2k);
        files.put("icon_j2k_defined_sequence_undefined_item.dcm", assembled(2, j2k, List.of(mainJ2k, mainJ2k2),
                List.of(iconSequence(true, false, new long[] {0}, twoFragments))));
        files.put("icon_j2k_undefined_sequence_defined_item.dcm", assembled(3, j2k, List.of(mainJ2k),
                List.of(iconSequence(false, true, new long[0], List.of(iconJ2k)))));
        files.put("icon_j2k_defined_sequence_defined_item.dcm", assembled(4, j2k, List.of(mainJ2k),
                List.of(iconSequence(true, true, new long[] {0}, twoFragments))));

        // 5. the same class with another codec in the fragments: RLE (a fragment starting with a 64-byte header)
        files.put("icon_rle_in_undefined_item.dcm", written(5, rle,
                List.of(encode(mainDescriptor(rle), mainImage(0), rle)),
                encode(iconDescriptor(rle), iconImage(), rle)));

        // 6. two levels deep, every sequence/item length combination on the way, plus nested undefined lengths
        // without pixel data and an empty sequence
        Node deepIcon = iconSequence(false, true, new long[0], List.of(iconJ2k));
        Node referencedImages = new Seq(Tag.ReferencedImageSequence, true, List.of(
                new Item(false, List.of(uid(Tag.ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2"),
                        uid(Tag.ReferencedSOPInstanceUID, "2.25.4711.1.3"), deepIcon)),
                new Item(true, List.of(uid(Tag.ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2"),
                        uid(Tag.ReferencedSOPInstanceUID, "2.25.4711.1.4")))));
        Node referencedSeries = new Seq(Tag.ReferencedSeriesSequence, false, List.of(
                new Item(true, List.of(referencedImages, uid(Tag.SeriesInstanceUID, "2.25.4711.2")))));
        Node protocolCodes = new Seq(SCHEDULED_PROTOCOL_CODE_SEQUENCE, false, List.of(
                new Item(false, List.of(text(Tag.CodeValue, VR.SH, "CT-HEAD"),
                        text(Tag.CodingSchemeDesignator, VR.SH, "99DUO"), text(Tag.CodeMeaning, VR.LO, "CT head"))),
                new Item(true, List.of())));
        Node requestAttributes = new Seq(Tag.RequestAttributesSequence, false, List.of(
                new Item(false, List.of(protocolCodes, new Seq(0x00400440, true, List.of())))));
        files.put("encapsulated_two_levels_deep.dcm", assembled(6, j2k, List.of(mainJ2k),
                List.of(referencedSeries, requestAttributes)));
        return files;
    }

    // ------------------------------------------------------------------------------------------- images

    static ImageDescriptor mainDescriptor(String ts) {
        return new ImageDescriptor(ROWS, COLUMNS, 1, 16, 12, 11, false, Photometric.MONOCHROME2, 0, 1, ts);
    }

    static ImageDescriptor iconDescriptor(String ts) {
        return new ImageDescriptor(ICON_SIZE, ICON_SIZE, 1, 8, 8, 7, false, Photometric.MONOCHROME2, 0, 1, ts);
    }

    /** A smooth 12-bit phantom: a bright disc on a gradient; {@code variant} shifts the disc (a second frame). */
    static FrameBuffer mainImage(int variant) {
        FrameBuffer f = new FrameBuffer().reset(ROWS, COLUMNS, 1, SampleKind.U16, 12, Photometric.MONOCHROME2);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                int dx = x - COLUMNS / 2 - 8 * variant;
                int dy = y - ROWS / 2;
                int v = 400 + 12 * y + 5 * x + (dx * dx + dy * dy < 30 * 30 ? 1800 : 0);
                f.setSample(y * COLUMNS + x, Math.min(v, 4095));
            }
        }
        return f;
    }

    /** The icon: the phantom's first frame scaled to 64 x 64 and 8 bits, as a modality would make it. */
    static FrameBuffer iconImage() {
        FrameBuffer main = mainImage(0);
        FrameBuffer f = new FrameBuffer().reset(ICON_SIZE, ICON_SIZE, 1, SampleKind.U8, 8, Photometric.MONOCHROME2);
        for (int y = 0; y < ICON_SIZE; y++) {
            for (int x = 0; x < ICON_SIZE; x++) {
                int source = y * ROWS / ICON_SIZE * COLUMNS + x * COLUMNS / ICON_SIZE;
                f.setSample(y * ICON_SIZE + x, main.sample(source) >> 4);
            }
        }
        return f;
    }

    private static byte[] encode(ImageDescriptor d, FrameBuffer frame, String ts) {
        return FrameEncoders.create(ts).encode(d, frame).data();
    }

    /** A codestream over two fragments, the first of even length as fragments must be. */
    private static List<byte[]> split(byte[] codestream) {
        int cut = codestream.length / 2 & ~1;
        return List.of(Arrays.copyOfRange(codestream, 0, cut), Arrays.copyOfRange(codestream, cut, codestream.length));
    }

    // ------------------------------------------------------------------------------------------- datasets

    /** The main dataset without pixel data (all tags below the Icon Image Sequence). */
    private static DicomObject header(int instance, int frames) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4711.3." + instance);
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instance));
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.PatientName, VR.PN, "Nested^Icon");
        ds.setString(Tag.PatientID, VR.LO, "NESTED-1");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.4711.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.4711.2");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        if (frames > 1) {
            ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        }
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        return ds;
    }

    /** The whole object written by {@link DicomWriter}: sequence and item of undefined length. */
    private static byte[] written(int instance, String ts, List<byte[]> mainFrames, byte[] icon)
            throws IOException {
        DicomObject ds = header(instance, mainFrames.size());
        DicomObject item = ds.newSequence(ICON_IMAGE_SEQUENCE).addItem();
        item.setInt(Tag.SamplesPerPixel, VR.US, 1);
        item.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        item.setInt(Tag.Rows, VR.US, ICON_SIZE);
        item.setInt(Tag.Columns, VR.US, ICON_SIZE);
        item.setInt(Tag.BitsAllocated, VR.US, 8);
        item.setInt(Tag.BitsStored, VR.US, 8);
        item.setInt(Tag.HighBit, VR.US, 7);
        item.setInt(Tag.PixelRepresentation, VR.US, 0);
        item.setFragments(Tag.PixelData, VR.OB, new Fragments(new long[0], List.of(new Fragments.Fragment(0, icon))));
        ds.setFragments(Tag.PixelData, VR.OB, Fragments.ofFrames(mainFrames));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, ts, out);
        return out.toByteArray();
    }

    /**
     * The File Meta Information written by {@link DicomWriter}, then the dataset assembled here: the header's
     * elements, the given nested ones and the main pixel data, in tag order.
     */
    static byte[] assembled(int instance, String ts, List<byte[]> mainFrames, List<Node> nested)
            throws IOException {
        DicomObject header = header(instance, mainFrames.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(DicomWriter.createFileMetaInformation(header, ts), new DicomObject(), out);
        List<Node> all = new ArrayList<>(nested);
        header.forEach((tag, vr, value) -> all.add(padded(tag, vr, (byte[]) value)));
        long[] bot = new long[mainFrames.size()];
        long offset = 0;
        for (int i = 0; i < bot.length; i++) {
            bot[i] = offset;
            offset += 8 + mainFrames.get(i).length;
        }
        all.add(new Encapsulated(Tag.PixelData, bot, mainFrames));
        all.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
        for (Node n : all) {
            out.write(n.encode());
        }
        return out.toByteArray();
    }

    private static Node iconSequence(boolean definedSequence, boolean definedItem, long[] bot, List<byte[]> fragments) {
        return new Seq(ICON_IMAGE_SEQUENCE, definedSequence, List.of(new Item(definedItem, List.of(
                us(Tag.SamplesPerPixel, 1), text(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2"),
                us(Tag.Rows, ICON_SIZE), us(Tag.Columns, ICON_SIZE), us(Tag.BitsAllocated, 8),
                us(Tag.BitsStored, 8), us(Tag.HighBit, 7), us(Tag.PixelRepresentation, 0),
                new Encapsulated(Tag.PixelData, bot, fragments)))));
    }

    // ------------------------------------------------------------------------------------------- explicit VR LE

    /** An element of an explicit VR little endian dataset, encoded with the lengths it says. */
    sealed interface Node permits Element, Seq, Encapsulated {
        int tag();

        byte[] encode();
    }

    record Element(int tag, VR vr, byte[] value) implements Node {
        @Override
        public byte[] encode() {
            return concat(header(tag, vr, value.length), value);
        }
    }

    /**
     * A sequence, of defined length ({@code defined}) or of undefined length, then closed by a Sequence Delimitation
     * Item unless {@code unclosed} (a damaged object).
     */
    record Seq(int tag, boolean defined, boolean unclosed, List<Item> items) implements Node {
        Seq(int tag, boolean defined, List<Item> items) {
            this(tag, defined, false, items);
        }

        @Override
        public byte[] encode() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Item item : items) {
                body.writeBytes(item.encode());
            }
            if (!defined && !unclosed) {
                body.writeBytes(itemHeader(0xFFFEE0DD, 0));
            }
            return concat(header(tag, VR.SQ, defined ? body.size() : -1), body.toByteArray());
        }
    }

    /** An item, of defined length or of undefined length, then closed by an Item Delimitation Item unless not. */
    record Item(boolean defined, boolean unclosed, List<Node> nodes) {
        Item(boolean defined, List<Node> nodes) {
            this(defined, false, nodes);
        }

        byte[] encode() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Node n : nodes) {
                body.writeBytes(n.encode());
            }
            if (!defined && !unclosed) {
                body.writeBytes(itemHeader(0xFFFEE00D, 0));
            }
            return concat(itemHeader(0xFFFEE000, defined ? body.size() : -1), body.toByteArray());
        }
    }

    /** Encapsulated pixel data: OB of undefined length, a Basic Offset Table item, fragment items, delimiter. */
    record Encapsulated(int tag, long[] basicOffsetTable, List<byte[]> fragments) implements Node {
        @Override
        public byte[] encode() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ByteBuffer table = ByteBuffer.allocate(4 * basicOffsetTable.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long o : basicOffsetTable) {
                table.putInt((int) o);
            }
            body.writeBytes(itemHeader(0xFFFEE000, table.capacity()));
            body.writeBytes(table.array());
            for (byte[] f : fragments) {
                if ((f.length & 1) != 0) {
                    throw new IllegalArgumentException("fragments have even length");
                }
                body.writeBytes(itemHeader(0xFFFEE000, f.length));
                body.writeBytes(f);
            }
            body.writeBytes(itemHeader(0xFFFEE0DD, 0));
            return concat(header(tag, VR.OB, -1), body.toByteArray());
        }
    }

    static Element us(int tag, int value) {
        return new Element(tag, VR.US, new byte[] {(byte) value, (byte) (value >>> 8)});
    }

    static Element uid(int tag, String value) {
        return text(tag, VR.UI, value);
    }

    static Element text(int tag, VR vr, String value) {
        return padded(tag, vr, value.getBytes(StandardCharsets.US_ASCII));
    }

    private static Element padded(int tag, VR vr, byte[] value) {
        byte[] b = value;
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = (byte) vr.paddingByte();
        }
        return new Element(tag, vr, b);
    }

    private static byte[] header(int tag, VR vr, int length) {
        ByteBuffer b = ByteBuffer.allocate(vr.hasLongHeader() ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).put((byte) vr.name().charAt(0))
                .put((byte) vr.name().charAt(1));
        if (vr.hasLongHeader()) {
            b.putShort((short) 0).putInt(length);
        } else {
            b.putShort((short) length);
        }
        return b.array();
    }

    private static byte[] itemHeader(int tag, int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16))
                .putShort((short) tag).putInt(length).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
