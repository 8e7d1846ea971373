package nl.duoviewer.core.codec.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bit cache both JPEG families read an entropy-coded segment with: the next bits most significant first in one
 * {@code long}, refilled eight bytes at once while none of them is 0xFF, zero bits fed past the end of the data, and
 * truncation reported when those zero bits get consumed.
 *
 * <p>The two readers were copies of each other except for what follows a 0xFF byte, which is where the standards
 * differ, so that is all a subclass supplies in {@link #fill()}: JPEG (ISO 10918-1 F.1.2.3, B.1.1.5) stuffs a whole
 * 0x00 byte after a data 0xFF and ends the segment at any other marker, which it finds while reading; JPEG-LS
 * (ISO 14495-1 A.1) stuffs a single 0 bit at the top of the byte after every 0xFF and has its scan delimited before
 * reading starts. Hot loops that keep the cache in locals use the static helpers, which are the same arithmetic.
 */
public abstract class ScanBitReader {
    /** Eight data bytes at once, most significant first (bounds-checked like any array access). */
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The data, the next byte to read and the end of the segment. */
    protected byte[] src;
    protected int pos;
    protected int end;
    /** The next {@link #cacheBits} bits of the segment, most significant first; the bits below them are zero. */
    protected long cache;
    protected int cacheBits;
    /** Zero bits fed past the end of the data (or a marker); consuming any of them means the data ended early. */
    protected int padBits;

    protected ScanBitReader() {
    }

    /** Starts reading {@code data[from, limit)} with an empty cache. */
    protected void startBits(byte[] data, int from, int limit) {
        src = data;
        pos = from;
        end = limit;
        cache = 0;
        cacheBits = 0;
        padBits = 0;
    }

    /** Fills the cache to more than 56 bits by the format's byte rules, feeding zero bytes where the data ends. */
    protected abstract void fill();

    /**
     * The common refill: shifts in as many whole bytes as fit when none of them is 0xFF (only a 0xFF brings stuffing
     * or a marker), eight bytes tested at once. Returns false, having changed nothing, when it cannot.
     */
    protected final boolean fillWholeBytes() {
        if (cacheBits > 56) {
            return true;
        }
        if (end - pos < 8) {
            return false;
        }
        int take = (64 - cacheBits) >>> 3;
        long word = eightBytes(src, pos);
        if (hasFf(word, take)) {
            return false;
        }
        cache = append(cache, cacheBits, word, take);
        cacheBits += 8 * take;
        pos += take;
        return true;
    }

    /** Eight zero bits past the end of the data. */
    protected final void feedZeroByte() {
        cacheBits += 8;
        padBits += 8;
    }

    /** True when bits beyond the data (zero fill at a marker or the end) were consumed. */
    public final boolean truncated() {
        return cacheBits < padBits;
    }

    /** The next {@code count} (0..32) bits as an unsigned value. */
    protected final int readBits(int count) {
        if (count == 0) {
            return 0;
        }
        if (cacheBits < count) {
            fill();
        }
        int v = (int) (cache >>> (64 - count));
        cache <<= count;
        cacheBits -= count;
        return v;
    }

    protected final int readBit() {
        if (cacheBits < 1) {
            fill();
        }
        int v = (int) (cache >>> 63);
        cache <<= 1;
        cacheBits--;
        return v;
    }

    /** {@code b[at..at+7]} big endian; the caller has checked that eight bytes are there. */
    protected static long eightBytes(byte[] b, int at) {
        return (long) BIG_ENDIAN_LONG.get(b, at);
    }

    /** Whether one of the {@code take} (1..8) most significant bytes of {@code word} is 0xFF. */
    protected static boolean hasFf(long word, int take) {
        // zero-byte test on ~word; a false alarm (a borrow from a lower 0xFF) only sends the caller the slow way
        long taken = -1L << (64 - 8 * take);
        return ((~word - ONES) & word & HIGHS & taken) != 0;
    }

    /** {@code cache} with the {@code take} most significant bytes of {@code word} appended below its bits. */
    protected static long append(long cache, int cacheBits, long word, int take) {
        return cache | (word >>> (64 - 8 * take)) << (64 - cacheBits - 8 * take);
    }
}
