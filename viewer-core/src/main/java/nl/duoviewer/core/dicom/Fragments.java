package nl.duoviewer.core.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated (compressed) pixel data: the Basic Offset Table item followed by the fragments, each held in memory
 * or left in the file as {@link BulkData}.
 */
public final class Fragments {

    /**
     * One fragment, in memory ({@code bytes}) or left in the file ({@code location}).
     *
     * @param itemOffset offset of the fragment's item tag from the first fragment's item tag, as the Basic and
     *                   Extended Offset Tables count it
     * @param marker     the fragment's first two bytes (big endian), -1 when shorter: 0xFFD8 starts a JPEG
     *                   codestream, 0xFF4F a JPEG 2000 one
     */
    public record Fragment(long itemOffset, byte[] bytes, BulkData location, int marker) {

        /** A fragment held in memory; {@code marker} is computed from its first two bytes. */
        public Fragment(long itemOffset, byte[] bytes) {
            this(itemOffset, bytes, null, bytes.length >= 2 ? (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF) : -1);
        }

        public int length() {
            return bytes != null ? bytes.length : (int) location.length();
        }

        /** The fragment's bytes; reads from the file when the fragment was left there. */
        public ByteBuffer read() throws IOException {
            return bytes != null ? ByteBuffer.wrap(bytes) : location.read(0, (int) location.length());
        }
    }

    private final long[] basicOffsetTable;
    private final List<Fragment> fragments;

    public Fragments(long[] basicOffsetTable, List<Fragment> fragments) {
        this.basicOffsetTable = basicOffsetTable == null ? new long[0] : basicOffsetTable.clone();
        this.fragments = List.copyOf(fragments);
    }

    /** Builds encapsulated pixel data with one fragment per frame and a Basic Offset Table, for writing. */
    public static Fragments ofFrames(List<byte[]> frames) {
        List<Fragment> list = new ArrayList<>(frames.size());
        long[] bot = new long[frames.size()];
        long offset = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            bot[i] = offset;
            list.add(new Fragment(offset, f));
            offset += 8 + f.length + (f.length & 1);
        }
        return new Fragments(bot, list);
    }

    /** Offsets of each frame's first fragment item, relative to the first fragment; empty when not sent. */
    public long[] basicOffsetTable() {
        return basicOffsetTable.clone();
    }

    public List<Fragment> fragments() {
        return fragments;
    }

    public int size() {
        return fragments.size();
    }
}
