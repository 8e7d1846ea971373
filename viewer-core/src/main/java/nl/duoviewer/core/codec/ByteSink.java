package nl.duoviewer.core.codec;

import java.util.Arrays;

/** A growable byte array for encoders; reusable via {@link #clear()}. */
public final class ByteSink {
    private byte[] buf;
    private int size;

    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public void write(int b) {
        if (size == buf.length) {
            grow(1);
        }
        buf[size++] = (byte) b;
    }

    public void write(byte[] src, int off, int len) {
        if (size + len > buf.length) {
            grow(len);
        }
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    public void writeShortBe(int v) {
        write(v >>> 8);
        write(v);
    }

    public void writeIntLe(int v) {
        write(v);
        write(v >>> 8);
        write(v >>> 16);
        write(v >>> 24);
    }

    public void setIntLe(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    public byte[] toByteArray() {
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
