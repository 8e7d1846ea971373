package nl.duoviewer.core.dicom;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DICOM object from a network stream frame by frame: the header first, then each frame as soon as its bytes
 * have arrived, so the first frame of a multi-frame object can be decoded while the rest is still on the wire.
 *
 * <p>Native frames come back little endian. Encapsulated frames are grouped from fragments by the Basic Offset
 * Table, else one fragment per frame for RLE or when the counts match, else by codestream start markers. Limits are
 * those of {@link ReadOptions}; the same hostile-input rules as {@link DicomReader} apply.
 */
public final class DicomStream implements Closeable {

    private final InputStream source;
    private final DicomFile header;
    private final DicomReader reader;
    private final DicomInput in;
    private final ReadOptions options;
    private final int declaredFrames;
    private int framesRead;
    private boolean ended;

    // encapsulated state
    private long[] offsets;
    private long firstFragmentPosition = -1;
    private byte[] pendingFragment;

    private DicomStream(InputStream source, DicomFile header, DicomReader reader, ReadOptions options) {
        this.source = source;
        this.header = header;
        this.reader = reader;
        this.in = reader.input();
        this.options = options;
        this.declaredFrames = Math.max(1, header.dataset().getInt(Tag.NumberOfFrames, 1));
        this.ended = reader.pendingPixelLength == -2;
    }

    /** Reads the File Meta Information and dataset up to the pixel data. */
    public static DicomStream open(InputStream in, ReadOptions options) throws IOException {
        DicomFile[] header = new DicomFile[1];
        DicomReader reader = DicomReader.openStream(in, options, header);
        return new DicomStream(in, header[0], reader, options);
    }

    public static DicomStream open(InputStream in) throws IOException {
        return open(in, ReadOptions.DEFAULT);
    }

    /** Meta information, dataset (without pixel data) and transfer syntax. */
    public DicomFile header() {
        return header;
    }

    public DicomObject dataset() {
        return header.dataset();
    }

    public TransferSyntax transferSyntax() {
        return header.transferSyntax();
    }

    /** True when pixel data follows the header. */
    public boolean hasPixelData() {
        return reader.pendingPixelLength != -2;
    }

    /** Number of Frames as declared, at least 1. */
    public int declaredFrames() {
        return declaredFrames;
    }

    /**
     * The next frame's bytes, blocking until they have arrived; null after the last frame.
     *
     * @throws DicomParseException when the stream ends inside a frame or is not valid pixel data
     */
    public ByteBuffer nextFrame() throws IOException {
        if (ended || framesRead >= declaredFrames) {
            return null;
        }
        ByteBuffer frame = reader.pendingPixelLength >= 0 ? nextNativeFrame() : nextEncapsulatedFrame();
        if (frame == null) {
            ended = true;
        } else {
            framesRead++;
        }
        return frame;
    }

    private ByteBuffer nextNativeFrame() throws IOException {
        DicomObject ds = header.dataset();
        long bits = PixelData.nativeFrameBits(ds);
        if (bits == 0 || bits % 8 != 0) {
            throw new DicomParseException("cannot stream frames of " + bits + " bits; read the object whole",
                    in.position());
        }
        long frameBytes = bits / 8;
        if (frameBytes > options.maxValueLength() || (framesRead + 1) * frameBytes > reader.pendingPixelLength) {
            throw new DicomParseException("frame " + (framesRead + 1) + " of " + frameBytes
                    + " bytes does not fit the pixel data length " + reader.pendingPixelLength, in.position());
        }
        byte[] bytes;
        try {
            bytes = in.bytes(frameBytes);
        } catch (EOFException e) {
            throw new DicomParseException("stream ended inside frame " + (framesRead + 1) + " of " + declaredFrames,
                    in.position(), e);
        }
        if (in.bigEndian && reader.pendingPixelVr == VR.OW) {
            int unit = DicomWriter.swapUnit(ds, Tag.PixelData, VR.OW);
            ByteOrderUtil.swap(bytes, 0, bytes.length, unit);
        }
        return ByteBuffer.wrap(bytes);
    }

    private ByteBuffer nextEncapsulatedFrame() throws IOException {
        if (offsets == null) {
            readOffsetTable();
        }
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        if (pendingFragment != null) {
            parts.add(pendingFragment);
            total += pendingFragment.length;
            pendingFragment = null;
        }
        boolean rle = TransferSyntax.RLE_LOSSLESS.equals(header.transferSyntax().uid());
        boolean last = framesRead == declaredFrames - 1;
        while (true) {
            long itemStart = in.position();
            int tag;
            long len;
            try {
                tag = in.tag();
                len = in.i32() & 0xFFFFFFFFL;
            } catch (EOFException e) {
                throw new DicomParseException("stream ended inside encapsulated pixel data", itemStart, e);
            }
            if (tag == Tag.SequenceDelimitationItem) {
                ended = true;
                break;
            }
            if (tag != Tag.Item || len > options.maxValueLength()) {
                throw new DicomParseException("invalid fragment item in encapsulated pixel data", itemStart);
            }
            byte[] fragment;
            try {
                fragment = in.bytes(len);
            } catch (EOFException e) {
                throw new DicomParseException("stream ended inside a fragment of frame " + (framesRead + 1),
                        itemStart, e);
            }
            long offset = itemStart - firstFragmentPosition;
            if (!parts.isEmpty() && startsNextFrame(offset, fragment, last)) {
                pendingFragment = fragment;
                break;
            }
            parts.add(fragment);
            total += fragment.length;
            if (total > options.maxValueLength()) {
                throw new DicomParseException("frame exceeds the limit of " + options.maxValueLength() + " bytes",
                        itemStart);
            }
            if (!last && frameComplete(rle, fragment)) {
                break;
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        parts.forEach(out::put);
        return out.flip();
    }

    /**
     * Whether the frame is known to be complete without reading the next fragment (which may not have arrived):
     * the offset table says the next frame starts here, RLE has one fragment per frame (PS3.5 A.4.2), or the
     * fragment ends with an end-of-image marker (JPEG EOI / JPEG 2000 EOC, both FFD9, before any padding).
     */
    private boolean frameComplete(boolean rle, byte[] fragment) {
        if (offsets.length > framesRead + 1) {
            return in.position() - firstFragmentPosition >= offsets[framesRead + 1];
        }
        if (rle) {
            return true;
        }
        int n = fragment.length;
        while (n > 2 && fragment[n - 1] == 0) {
            n--; // even-length padding
        }
        return n >= 2 && (fragment[n - 2] & 0xFF) == 0xFF && (fragment[n - 1] & 0xFF) == 0xD9;
    }

    private boolean startsNextFrame(long offset, byte[] fragment, boolean last) {
        if (last) {
            return false;
        }
        if (offsets.length > framesRead + 1) {
            return offset >= offsets[framesRead + 1];
        }
        int marker = fragment.length >= 2 ? (fragment[0] & 0xFF) << 8 | (fragment[1] & 0xFF) : -1;
        return marker == 0xFFD8 || marker == 0xFF4F;
    }

    private void readOffsetTable() throws IOException {
        long pos = in.position();
        int tag;
        long len;
        try {
            tag = in.tag();
            len = in.i32() & 0xFFFFFFFFL;
        } catch (EOFException e) {
            throw new DicomParseException("stream ended at the start of encapsulated pixel data", pos, e);
        }
        if (tag != Tag.Item || len % 4 != 0 || len > options.maxValueLength()) {
            throw new DicomParseException("encapsulated pixel data does not start with a Basic Offset Table item",
                    pos);
        }
        byte[] b;
        try {
            b = in.bytes(len);
        } catch (EOFException e) {
            throw new DicomParseException("stream ended inside the Basic Offset Table", pos, e);
        }
        offsets = new long[b.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (b[4 * i] & 0xFFL) | (b[4 * i + 1] & 0xFFL) << 8 | (b[4 * i + 2] & 0xFFL) << 16
                    | (b[4 * i + 3] & 0xFFL) << 24;
        }
        firstFragmentPosition = in.position();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
