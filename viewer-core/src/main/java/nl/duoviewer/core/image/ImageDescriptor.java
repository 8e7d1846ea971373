package nl.duoviewer.core.image;

import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;

/**
 * The Image Pixel module attributes that decide how a frame's bytes become samples (PS3.3 C.7.6.3). Construction
 * validates the combination, so a hostile header cannot make a decoder allocate an absurd buffer or overflow an int.
 *
 * @param rows                (0028,0010), 1..65535
 * @param columns             (0028,0011), 1..65535
 * @param samplesPerPixel     (0028,0002), 1, 3 or 4 (must match the photometric interpretation)
 * @param bitsAllocated       (0028,0100), 1, 8, 16 or 32
 * @param bitsStored          (0028,0101), 1..bitsAllocated
 * @param highBit             (0028,0102), bitsStored-1..bitsAllocated-1
 * @param signed              Pixel Representation (0028,0103) == 1
 * @param photometric         (0028,0004)
 * @param planarConfiguration (0028,0006), 0 = colour-by-pixel, 1 = colour-by-plane
 * @param numberOfFrames      (0028,0008), 1 when absent
 * @param transferSyntaxUid   transfer syntax of the pixel data
 */
public record ImageDescriptor(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                              int highBit, boolean signed, Photometric photometric, int planarConfiguration,
                              int numberOfFrames, String transferSyntaxUid) {

    /** Largest decoded frame accepted: 1 GiB (a 32768 x 32768 RGB 8-bit frame is 3 GiB and is refused). */
    public static final long MAX_FRAME_BYTES = 1L << 30;

    /** Largest frame count accepted. */
    public static final int MAX_FRAMES = 1 << 20;

    public ImageDescriptor {
        Objects.requireNonNull(photometric, "photometric");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        require(rows >= 1 && rows <= 0xFFFF, "Rows must be 1..65535, got " + rows);
        require(columns >= 1 && columns <= 0xFFFF, "Columns must be 1..65535, got " + columns);
        require(samplesPerPixel == 1 || samplesPerPixel == 3 || samplesPerPixel == 4,
                "Samples per Pixel must be 1, 3 or 4, got " + samplesPerPixel);
        require(samplesPerPixel == photometric.samplesPerPixel(), "Photometric Interpretation "
                + photometric.dicomName() + " needs " + photometric.samplesPerPixel()
                + " samples per pixel, got " + samplesPerPixel);
        require(bitsAllocated == 1 || bitsAllocated == 8 || bitsAllocated == 16 || bitsAllocated == 32,
                "Bits Allocated must be 1, 8, 16 or 32, got " + bitsAllocated);
        require(bitsStored >= 1 && bitsStored <= bitsAllocated,
                "Bits Stored must be 1..Bits Allocated (" + bitsAllocated + "), got " + bitsStored);
        require(highBit >= bitsStored - 1 && highBit < bitsAllocated, "High Bit must be "
                + (bitsStored - 1) + ".." + (bitsAllocated - 1) + " for Bits Stored " + bitsStored + ", got " + highBit);
        require(planarConfiguration == 0 || planarConfiguration == 1,
                "Planar Configuration must be 0 or 1, got " + planarConfiguration);
        require(numberOfFrames >= 1 && numberOfFrames <= MAX_FRAMES,
                "Number of Frames must be 1.." + MAX_FRAMES + ", got " + numberOfFrames);
        require(bitsAllocated != 1 || samplesPerPixel == 1, "Bits Allocated 1 is only valid for one sample per pixel");
        long bytes = (long) rows * columns * samplesPerPixel * Math.max(1, bitsAllocated / 8);
        require(bytes <= MAX_FRAME_BYTES, "Frame of " + rows + " x " + columns + " x " + samplesPerPixel + " x "
                + bitsAllocated + " bits is " + bytes + " bytes, above the cap of " + MAX_FRAME_BYTES);
    }

    /**
     * The descriptor of a parsed dataset's Image Pixel module. Absent optional attributes take their defaults
     * (Samples per Pixel 1, Bits Stored = Bits Allocated, High Bit = Bits Stored - 1, Pixel Representation 0,
     * Planar Configuration 0, Number of Frames 1); a missing Photometric Interpretation is taken as MONOCHROME2 or RGB
     * from the sample count.
     *
     * @throws IllegalArgumentException naming the attribute when a required one is missing or the combination is
     *                                  impossible
     */
    public static ImageDescriptor from(DicomObject ds, TransferSyntax ts) {
        Objects.requireNonNull(ds, "dataset");
        Objects.requireNonNull(ts, "transfer syntax");
        int rows = required(ds, Tag.Rows, "Rows (0028,0010)");
        int columns = required(ds, Tag.Columns, "Columns (0028,0011)");
        int bitsAllocated = required(ds, Tag.BitsAllocated, "Bits Allocated (0028,0100)");
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
        String pi = ds.getString(Tag.PhotometricInterpretation);
        Photometric photometric = pi == null ? (spp == 3 ? Photometric.RGB : Photometric.MONOCHROME2)
                : Photometric.parse(pi);
        int frames = ds.getInt(Tag.NumberOfFrames, 1);
        return new ImageDescriptor(rows, columns, spp, bitsAllocated, bitsStored, highBit,
                ds.getInt(Tag.PixelRepresentation, 0) == 1, photometric,
                spp > 1 ? ds.getInt(Tag.PlanarConfiguration, 0) : 0, frames < 1 ? 1 : frames, ts.uid());
    }

    private static int required(DicomObject ds, int tag, String name) {
        int v = ds.getInt(tag, Integer.MIN_VALUE);
        if (v == Integer.MIN_VALUE) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v;
    }

    /** A single-sample, colour-by-pixel descriptor with High Bit = Bits Stored - 1. */
    public static ImageDescriptor monochrome(int rows, int columns, int bitsAllocated, int bitsStored, boolean signed,
                                             int numberOfFrames, String transferSyntaxUid) {
        return new ImageDescriptor(rows, columns, 1, bitsAllocated, bitsStored, bitsStored - 1, signed,
                Photometric.MONOCHROME2, 0, numberOfFrames, transferSyntaxUid);
    }

    /** Pixels in one frame. */
    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Samples in one frame (pixels x samples per pixel). */
    public int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /**
     * Bytes one frame occupies uncompressed in native encoding: bit-packed for Bits Allocated 1, and two samples per
     * pixel for the horizontally subsampled YBR_FULL_422 / YBR_PARTIAL_422 (PS3.3 C.7.6.3.1.2).
     */
    public int nativeFrameBytes() {
        if (bitsAllocated == 1) {
            return (int) (((long) samplesPerFrame() + 7) / 8);
        }
        int samples = isHorizontallySubsampled() ? pixelsPerFrame() * 2 : samplesPerFrame();
        return samples * (bitsAllocated / 8);
    }

    /** True for YBR_FULL_422 and YBR_PARTIAL_422, whose native encoding stores one Cb/Cr pair per two pixels. */
    public boolean isHorizontallySubsampled() {
        return photometric == Photometric.YBR_FULL_422 || photometric == Photometric.YBR_PARTIAL_422;
    }

    /** Smallest value Bits Stored and Pixel Representation allow. */
    public long minStoredValue() {
        return signed ? -(1L << (bitsStored - 1)) : 0;
    }

    /** Largest value Bits Stored and Pixel Representation allow. */
    public long maxStoredValue() {
        return signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
    }

    /** A copy with another photometric interpretation (decoders report e.g. RGB after colour conversion). */
    public ImageDescriptor withPhotometric(Photometric p, int planar) {
        return new ImageDescriptor(rows, columns, p.samplesPerPixel(), bitsAllocated, bitsStored, highBit, signed, p,
                planar, numberOfFrames, transferSyntaxUid);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
