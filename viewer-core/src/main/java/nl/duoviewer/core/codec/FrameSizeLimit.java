package nl.duoviewer.core.codec;

import nl.duoviewer.core.image.ImageDescriptor;

/**
 * How large a decoded frame may be, checked by {@link AbstractFrameDecoder} for every decoder before it allocates
 * anything (decision record 18). Two checks:
 * <ul>
 *   <li>an absolute maximum: rows x columns x samples x bytes per sample at most {@link #maxFrameBytes()} (default
 *       512 MiB, configurable with the system property {@value #PROPERTY}; never above the descriptor's hard cap of
 *       {@link ImageDescriptor#MAX_FRAME_BYTES});</li>
 *   <li>plausibility against the compressed size, per syntax, only where the standard gives a sound lower bound on
 *       the bytes any valid codestream of the image needs, so that no legitimate image, however compressible, is
 *       refused: RLE needs two bytes per 128 bytes of each segment plus its 64-byte header; lossless JPEG at least
 *       one bit per coded sample; DCT JPEG at least two bits (a DC and an end-of-block code) per 8 x 8 block; JPEG-LS
 *       at least one bit per line. Colour JPEG may subsample a component up to 4 x 4, so its bounds count a sixteenth
 *       of the samples. JPEG 2000 and HTJ2K have no such bound (an empty packet stands for a whole precinct; a
 *       constant image of any size takes a few hundred bytes), so only the maximum applies; native pixel data is
 *       checked exactly by its decoder, byte for byte, before it allocates.</li>
 * </ul>
 *
 * @param maxFrameBytes the most bytes one decoded frame may take, 1..{@link ImageDescriptor#MAX_FRAME_BYTES}
 */
public record FrameSizeLimit(long maxFrameBytes) {

    /** The default maximum: 512 MiB, four times an 8192 x 8192 16-bit frame, far above any radiology image. */
    public static final long DEFAULT_MAX_FRAME_BYTES = 512L << 20;

    /** The system property that configures the maximum for a deployment, in bytes. */
    public static final String PROPERTY = "duoviewer.decode.maxFrameBytes";

    public static final FrameSizeLimit DEFAULT = new FrameSizeLimit(DEFAULT_MAX_FRAME_BYTES);

    public FrameSizeLimit {
        if (maxFrameBytes < 1 || maxFrameBytes > ImageDescriptor.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("maximum frame size must be 1.." + ImageDescriptor.MAX_FRAME_BYTES
                    + " bytes, got " + maxFrameBytes);
        }
    }

    /**
     * The limit of this deployment: {@value #PROPERTY} when set, else {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the property when its value is not a valid size
     */
    public static FrameSizeLimit configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return new FrameSizeLimit(Long.parseLong(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + "=" + value + " is not a frame size in "
                    + "bytes (1.." + ImageDescriptor.MAX_FRAME_BYTES + ")", e);
        }
    }

    /**
     * Refuses a frame that is too large for this limit or for its compressed data.
     *
     * @param compressedBytes the bytes the frame's data holds
     * @throws FrameTooLargeException naming the reason; nothing has been allocated for the frame
     */
    public void check(ImageDescriptor d, long compressedBytes, int frameIndex) throws FrameTooLargeException {
        long decoded = decodedBytes(d);
        String ts = d.transferSyntaxUid();
        String shape = d.columns() + " x " + d.rows() + " x " + d.samplesPerPixel() + " x " + d.bitsAllocated()
                + " bits";
        if (decoded > maxFrameBytes) {
            throw new FrameTooLargeException(ts, frameIndex, FrameTooLargeException.Reason.ABOVE_LIMIT, decoded,
                    compressedBytes, maxFrameBytes, "a frame of " + shape + " takes " + decoded
                    + " bytes, more than the maximum of " + maxFrameBytes + " bytes");
        }
        long needed = minimumCompressedBytes(d);
        if (compressedBytes < needed) {
            throw new FrameTooLargeException(ts, frameIndex, FrameTooLargeException.Reason.MORE_THAN_THE_DATA_HOLDS,
                    decoded, compressedBytes, needed, "a frame of " + shape + " needs at least " + needed
                    + " bytes of compressed data, but has " + compressedBytes + " (the header declares more than "
                    + "the data can hold)");
        }
    }

    /** Bytes of the decoded frame as a {@link nl.duoviewer.core.image.FrameBuffer} holds it. */
    static long decodedBytes(ImageDescriptor d) {
        return (long) d.rows() * d.columns() * d.samplesPerPixel() * Math.max(1, d.bitsAllocated() / 8);
    }

    /** The fewest bytes any valid codestream of this image takes in its syntax; 0 where no sound bound exists. */
    static long minimumCompressedBytes(ImageDescriptor d) {
        PixelSyntax syntax = PixelSyntax.of(d.transferSyntaxUid()).orElse(null);
        if (syntax == null) {
            return 0;
        }
        long rows = d.rows();
        long columns = d.columns();
        long spp = d.samplesPerPixel();
        // colour JPEG may code a component at a quarter of the width and height (sampling factors up to 4)
        long subsampling = spp > 1 ? 16 : 1;
        return switch (syntax) {
            case RLE_LOSSLESS -> {
                // PS3.5 G.3: a segment per byte plane; a replicate run (2 bytes) decodes to at most 128 bytes
                long plane = d.bitsAllocated() == 1 ? (rows * columns + 7) / 8 : rows * columns;
                long segments = spp * Math.max(1, d.bitsAllocated() / 8);
                yield 64 + segments * 2 * ceilDiv(plane, 128);
            }
            // ISO 10918-1 H.1.2: every coded sample has a Huffman code of one bit or more
            case JPEG_LOSSLESS, JPEG_LOSSLESS_SV1 -> ceilDiv(ceilDiv(rows * columns * spp, subsampling), 8);
            case JPEG_BASELINE, JPEG_EXTENDED -> {
                // F.1.2: every 8 x 8 block has a DC code and an end-of-block (or AC) code, one bit or more each
                long side = spp > 1 ? 32 : 8;
                long blocks = spp * ceilDiv(rows, side) * ceilDiv(columns, side);
                yield ceilDiv(2 * blocks, 8);
            }
            // ISO 14495-1 A.7.1.1: a line in run mode ends with at least one '1' bit, a regular sample is a code of
            // one bit or more, so every line costs a bit
            case JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS -> ceilDiv(rows, 8);
            default -> 0; // native: checked exactly by its decoder; JPEG 2000 / HTJ2K: no sound bound
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
