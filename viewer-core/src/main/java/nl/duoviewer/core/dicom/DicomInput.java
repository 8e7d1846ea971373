package nl.duoviewer.core.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Buffered, position-tracking input over a file channel (seekable: large values can be skipped and referenced) or
 * a stream (read progressively, so a hostile length on a short stream costs only what actually arrives).
 */
final class DicomInput {

    private static final int BUFFER = 64 * 1024;
    private static final int GROWTH_CHUNK = 1 << 20;

    private final InputStream stream;
    private final FileChannel channel;
    private final Path path;
    private final long length;
    private final byte[] buf = new byte[BUFFER];
    private int bufPos;
    private int bufLen;
    private long bufStart;
    boolean bigEndian;

    private DicomInput(InputStream stream, FileChannel channel, Path path, long length) {
        this.stream = stream;
        this.channel = channel;
        this.path = path;
        this.length = length;
    }

    static DicomInput ofChannel(FileChannel channel, Path path) throws IOException {
        return new DicomInput(null, channel, path, channel.size());
    }

    static DicomInput ofStream(InputStream in) {
        return new DicomInput(in, null, null, -1);
    }

    boolean seekable() {
        return channel != null;
    }

    Path path() {
        return path;
    }

    long position() {
        return bufStart + bufPos;
    }

    /** Total length when known (files), else -1. */
    long length() {
        return length;
    }

    /** Bytes left when the length is known, else {@link Long#MAX_VALUE}. */
    long remaining() {
        return length < 0 ? Long.MAX_VALUE : length - position();
    }

    /** Makes at least {@code n} (≤ buffer size) bytes available; returns how many are (less only at the end). */
    private int fill(int n) throws IOException {
        int avail = bufLen - bufPos;
        if (avail >= n) {
            return avail;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, avail);
            bufStart += bufPos;
            bufPos = 0;
            bufLen = avail;
        }
        while (bufLen < n) {
            int r;
            if (channel != null) {
                r = channel.read(ByteBuffer.wrap(buf, bufLen, buf.length - bufLen), bufStart + bufLen);
            } else {
                r = stream.read(buf, bufLen, buf.length - bufLen);
            }
            if (r < 0) {
                break;
            }
            bufLen += r;
        }
        return bufLen - bufPos;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return fill(1) == 0;
    }

    /** Peeks up to {@code n} bytes without consuming them; the array may be shorter at the end of the input. */
    byte[] peek(int n) throws IOException {
        int avail = fill(n);
        return Arrays.copyOfRange(buf, bufPos, bufPos + Math.min(n, avail));
    }

    private void require(int n) throws IOException {
        if (fill(n) < n) {
            throw new EOFException("input ended at byte " + (bufStart + bufLen) + " where " + n
                    + " more bytes were expected");
        }
    }

    int u8() throws IOException {
        require(1);
        return buf[bufPos++] & 0xFF;
    }

    int u16() throws IOException {
        require(2);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        bufPos += 2;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    int i32() throws IOException {
        require(4);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        int c = buf[bufPos + 2] & 0xFF;
        int d = buf[bufPos + 3] & 0xFF;
        bufPos += 4;
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
    }

    /** Reads a tag: group then element, each in the current byte order. */
    int tag() throws IOException {
        int group = u16();
        int element = u16();
        return group << 16 | element;
    }

    /**
     * Reads exactly {@code n} bytes. Memory grows only as bytes actually arrive, so a lying length on a short stream
     * ends in an EOFException, not an OutOfMemoryError.
     */
    byte[] bytes(long n) throws IOException {
        return read(n, false);
    }

    /** Reads up to {@code n} bytes, fewer when the input ends first. */
    byte[] bytesUpTo(long n) throws IOException {
        return read(n, true);
    }

    private byte[] read(long n, boolean allowShort) throws IOException {
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new IOException("value of " + n + " bytes cannot be held in memory");
        }
        int len = (int) n;
        if (len <= bufLen - bufPos) {
            byte[] out = Arrays.copyOfRange(buf, bufPos, bufPos + len);
            bufPos += len;
            return out;
        }
        if (length >= 0 && n > remaining()) {
            if (allowShort) {
                return read(remaining(), false);
            }
            throw new EOFException("value of " + n + " bytes at byte " + position() + " runs past the end of the input ("
                    + remaining() + " bytes left)");
        }
        byte[] out = new byte[Math.min(len, length >= 0 ? len : GROWTH_CHUNK)];
        int got = 0;
        while (got < len) {
            if (got == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(len, (long) out.length * 2));
            }
            int avail = bufLen - bufPos;
            if (avail > 0) {
                int k = Math.min(avail, out.length - got);
                System.arraycopy(buf, bufPos, out, got, k);
                bufPos += k;
                got += k;
                continue;
            }
            bufStart += bufLen;
            bufPos = 0;
            bufLen = 0;
            int r = channel != null
                    ? channel.read(ByteBuffer.wrap(out, got, out.length - got), bufStart)
                    : stream.read(out, got, out.length - got);
            if (r < 0) {
                if (allowShort) {
                    return Arrays.copyOf(out, got);
                }
                throw new EOFException("input ended after " + got + " of " + n + " bytes of a value");
            }
            got += r;
            bufStart += r;
        }
        return out;
    }

    /** Skips {@code n} bytes: a seek on files, reading and discarding on streams. */
    void skip(long n) throws IOException {
        if (n < 0) {
            throw new IOException("negative skip");
        }
        long avail = bufLen - bufPos;
        if (n <= avail) {
            bufPos += (int) n;
            return;
        }
        if (channel != null) {
            long target = position() + n;
            if (target > length) {
                throw new EOFException("skip to byte " + target + " past the end of the file (" + length + " bytes)");
            }
            bufStart = target;
            bufPos = 0;
            bufLen = 0;
            return;
        }
        n -= avail;
        bufStart += bufLen;
        bufPos = 0;
        bufLen = 0;
        while (n > 0) {
            int r = stream.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("input ended while skipping " + n + " more bytes");
            }
            n -= r;
            bufStart += r;
        }
    }

    /**
     * A stream over the rest of this input, for wrapping in an inflater. Bytes already buffered come first; reads go
     * through this object so that {@link #position()} is not meaningful afterwards.
     */
    InputStream remainder() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return fill(1) == 0 ? -1 : buf[bufPos++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int avail = fill(1);
                if (avail == 0) {
                    return -1;
                }
                int k = Math.min(avail, len);
                System.arraycopy(buf, bufPos, b, off, k);
                bufPos += k;
                return k;
            }
        };
    }
}
