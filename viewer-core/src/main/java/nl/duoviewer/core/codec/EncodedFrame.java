package nl.duoviewer.core.codec;

import java.util.Objects;

import nl.duoviewer.core.image.Photometric;

/**
 * One compressed frame, ready to be stored as the fragment(s) of encapsulated pixel data.
 *
 * @param data              the codestream, padded to even length as DICOM fragments require
 * @param transferSyntaxUid the transfer syntax the data conforms to
 * @param photometric       the Photometric Interpretation the dataset must declare for this data
 * @param lossy             true when decoding does not give back the input exactly (set Lossy Image Compression)
 */
public record EncodedFrame(byte[] data, String transferSyntaxUid, Photometric photometric, boolean lossy) {
    public EncodedFrame {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(photometric, "photometric");
        if ((data.length & 1) != 0) {
            throw new IllegalArgumentException("fragment data must have even length, got " + data.length);
        }
    }
}
