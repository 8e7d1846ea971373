package nl.duoviewer.core.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A large value left in its file instead of being read into memory: the file, where the value starts and how long
 * it is. Reading is positional, so several threads may read frames of the same file at once.
 *
 * @param bigEndian true when the bytes are in big endian order (Explicit VR Big Endian files); {@link #read} returns
 *                  them as stored, the caller swaps
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    public BulkData {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative bulk data offset/length");
        }
    }

    /** Reads {@code len} bytes starting {@code off} bytes into the value. */
    public ByteBuffer read(long off, int len) throws IOException {
        if (off < 0 || len < 0 || off + len > length) {
            throw new IOException("read of " + len + " bytes at " + off + " outside bulk data of " + length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate(len);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = offset + off;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(file + " ended at byte " + pos + " inside a value that should run to "
                            + (offset + length) + " (file truncated or changed after it was read)");
                }
                pos += n;
            }
        }
        return buf.flip();
    }

    /** Reads the whole value into memory. */
    public byte[] readAll() throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("value of " + length + " bytes is too large to read at once");
        }
        return read(0, (int) length).array();
    }
}
