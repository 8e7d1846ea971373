package nl.duoviewer.core.codec;

import java.util.Arrays;

/** A growable byte array for encoders; reusable via {@link #clear()}. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void write(int b) {
        if (size == buf.length) {
            grow(1);
        }
        buf[size++] = (byte) b;
    }

    void write(byte[] src, int off, int len) {
        if (size + len > buf.length) {
            grow(len);
        }
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    void writeShortBe(int v) {
        write(v >>> 8);
        write(v);
    }

    void writeIntLe(int v) {
        write(v);
        write(v >>> 8);
        write(v >>> 16);
        write(v >>> 24);
    }

    void setIntLe(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void grow(int extra) {
        long want = Math.max((long) buf.length * 2, (long) size + extra);
        if (want > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("encoded frame larger than 2 GiB");
        }
        buf = Arrays.copyOf(buf, (int) want);
    }
}
