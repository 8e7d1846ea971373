package nl.duoviewer.core.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One decoded frame: samples colour-by-pixel (interleaved), masked to Bits Stored and sign-extended, in a container
 * chosen by {@link SampleKind}. Meant to be reused: {@link #reset} keeps the arrays when they are large enough, so a
 * decoder writing frame after frame into the same buffer allocates nothing once warmed up.
 */
public final class FrameBuffer {
    private static final byte[] NO_BYTES = new byte[0];
    private static final short[] NO_SHORTS = new short[0];
    private static final int[] NO_INTS = new int[0];

    private byte[] bytes = NO_BYTES;
    private short[] shorts = NO_SHORTS;
    private int[] ints = NO_INTS;
    private int rows;
    private int columns;
    private int samplesPerPixel;
    private int bitsStored;
    private SampleKind kind = SampleKind.U8;
    private Photometric photometric = Photometric.MONOCHROME2;

    /**
     * Shapes the buffer for a frame, growing the backing array only when it is too small. Sample values beyond the
     * new size are left as they were; the decoder overwrites every sample of the frame.
     */
    public FrameBuffer reset(int rows, int columns, int samplesPerPixel, SampleKind kind, int bitsStored,
                             Photometric photometric) {
        if (rows < 1 || columns < 1 || samplesPerPixel < 1) {
            throw new IllegalArgumentException("Bad frame shape " + rows + "x" + columns + "x" + samplesPerPixel);
        }
        long n = (long) rows * columns * samplesPerPixel;
        if (n * (kind.containerBits() / 8) > ImageDescriptor.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("Frame of " + n + " samples exceeds the frame size cap");
        }
        if (bitsStored < 1 || bitsStored > kind.containerBits()) {
            throw new IllegalArgumentException("Bits stored " + bitsStored + " does not fit " + kind);
        }
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.kind = kind;
        this.bitsStored = bitsStored;
        this.photometric = Objects.requireNonNull(photometric);
        int size = (int) n;
        switch (kind.containerBits()) {
            case 8 -> {
                if (bytes.length < size) {
                    bytes = new byte[size];
                }
            }
            case 16 -> {
                if (shorts.length < size) {
                    shorts = new short[size];
                }
            }
            default -> {
                if (ints.length < size) {
                    ints = new int[size];
                }
            }
        }
        return this;
    }

    /** Shapes the buffer for a frame described by {@code d}, with the output photometric interpretation given. */
    public FrameBuffer reset(ImageDescriptor d, Photometric outputPhotometric) {
        return reset(d.rows(), d.columns(), outputPhotometric.samplesPerPixel(),
                SampleKind.forAllocated(d.bitsAllocated(), d.signed()), d.bitsStored(), outputPhotometric);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public int bitsStored() {
        return bitsStored;
    }

    public SampleKind kind() {
        return kind;
    }

    /** Interpretation of the decoded samples: may differ from the dataset's (e.g. RGB after JPEG colour conversion). */
    public Photometric photometric() {
        return photometric;
    }

    /** Changes only the reported interpretation (after an in-place colour conversion). */
    public void photometric(Photometric p) {
        if (p.samplesPerPixel() != samplesPerPixel) {
            throw new IllegalArgumentException(p + " does not have " + samplesPerPixel + " samples");
        }
        this.photometric = p;
    }

    /** Number of valid samples: rows x columns x samples per pixel. */
    public int sampleCount() {
        return rows * columns * samplesPerPixel;
    }

    /** Backing array for 8-bit kinds; may be longer than {@link #sampleCount()}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Backing array for 16-bit kinds; may be longer than {@link #sampleCount()}. */
    public short[] shorts() {
        return shorts;
    }

    /** Backing array for 32-bit kinds; may be longer than {@link #sampleCount()}. */
    public int[] ints() {
        return ints;
    }

    /** The value of sample {@code i} (U32 values above 2^31-1 come back negative: use {@link #sampleLong}). */
    public int sample(int i) {
        return switch (kind) {
            case U8 -> bytes[i] & 0xFF;
            case S8 -> bytes[i];
            case U16 -> shorts[i] & 0xFFFF;
            case S16 -> shorts[i];
            case U32, S32 -> ints[i];
        };
    }

    /** The value of sample {@code i}, exact for every kind. */
    public long sampleLong(int i) {
        return kind == SampleKind.U32 ? ints[i] & 0xFFFFFFFFL : sample(i);
    }

    /** Sets sample {@code i} (truncated to the container). */
    public void setSample(int i, int value) {
        switch (kind.containerBits()) {
            case 8 -> bytes[i] = (byte) value;
            case 16 -> shorts[i] = (short) value;
            default -> ints[i] = value;
        }
    }

    /** Bytes {@link #writeLittleEndian} produces. */
    public int littleEndianSize() {
        return sampleCount() * (kind.containerBits() / 8);
    }

    /** Writes the samples as raw little-endian values in their container width, colour-by-pixel. */
    public void writeLittleEndian(ByteBuffer target) {
        ByteBuffer t = target.order(ByteOrder.LITTLE_ENDIAN);
        int n = sampleCount();
        switch (kind.containerBits()) {
            case 8 -> t.put(bytes, 0, n);
            case 16 -> {
                t.asShortBuffer().put(shorts, 0, n);
                t.position(t.position() + 2 * n);
            }
            default -> {
                t.asIntBuffer().put(ints, 0, n);
                t.position(t.position() + 4 * n);
            }
        }
    }

    /** The samples as raw little-endian bytes (allocates; for tools and tests, not the display path). */
    public byte[] toLittleEndianBytes() {
        ByteBuffer b = ByteBuffer.allocate(littleEndianSize());
        writeLittleEndian(b);
        return b.array();
    }

    /** An independent copy holding exactly this frame's samples. */
    public FrameBuffer copy() {
        FrameBuffer c = new FrameBuffer();
        c.reset(rows, columns, samplesPerPixel, kind, bitsStored, photometric);
        int n = sampleCount();
        switch (kind.containerBits()) {
            case 8 -> System.arraycopy(bytes, 0, c.bytes, 0, n);
            case 16 -> System.arraycopy(shorts, 0, c.shorts, 0, n);
            default -> System.arraycopy(ints, 0, c.ints, 0, n);
        }
        return c;
    }

    @Override
    public String toString() {
        return "FrameBuffer[" + rows + "x" + columns + "x" + samplesPerPixel + " " + kind + " stored=" + bitsStored
                + " " + photometric.dicomName() + "]";
    }
}
