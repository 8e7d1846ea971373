package nl.duoviewer.network.synthetic;

/**
 * A generated image's pixels and the attributes needed to describe them in DICOM.
 *
 * @param pixels          stored values, row by row; one sample per pixel (8-bit values are held in shorts too)
 * @param bitsStored      8, 12 or 16; bits allocated is 8 for 8-bit images and 16 otherwise
 * @param photometric     MONOCHROME1 or MONOCHROME2
 * @param rescaleIntercept value to add to stored values for real-world units (HU for CT), 0 when not applicable
 * @param pixelSpacingMm  row and column spacing
 * @param windowCenter    suggested windows, first is the default
 * @param windowWidth     matching widths
 * @param positionMm      image position (patient) of the first pixel; null for projection images
 * @param sliceLocation   z of the slice, for cross-sectional images
 */
public record SyntheticImage(int rows, int columns, short[] pixels, int bitsStored, String photometric,
                             double rescaleIntercept, double pixelSpacingMm, double[] windowCenter,
                             double[] windowWidth, double[] positionMm, double sliceLocation,
                             double sliceThicknessMm) {

    public int bitsAllocated() {
        return bitsStored <= 8 ? 8 : 16;
    }

    /** Little endian pixel bytes as stored in native pixel data. */
    public byte[] pixelBytes() {
        if (bitsAllocated() == 8) {
            byte[] out = new byte[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                out[i] = (byte) pixels[i];
            }
            return out;
        }
        byte[] out = new byte[pixels.length * 2];
        for (int i = 0; i < pixels.length; i++) {
            out[2 * i] = (byte) pixels[i];
            out[2 * i + 1] = (byte) (pixels[i] >> 8);
        }
        return out;
    }
}
