package nl.duoviewer.core.codec;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.duoviewer.core.dicom.TransferSyntax;

/** The transfer syntaxes whose pixel data this package decodes; UIDs and names come from {@link TransferSyntax}. */
public enum PixelSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
    EXPLICIT_VR_LITTLE_ENDIAN(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN),
    EXPLICIT_VR_BIG_ENDIAN(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),
    JPEG_BASELINE(TransferSyntax.JPEG_BASELINE),
    JPEG_EXTENDED(TransferSyntax.JPEG_EXTENDED),
    JPEG_LOSSLESS(TransferSyntax.JPEG_LOSSLESS),
    JPEG_LOSSLESS_SV1(TransferSyntax.JPEG_LOSSLESS_SV1),
    JPEG_LS_LOSSLESS(TransferSyntax.JPEG_LS_LOSSLESS),
    JPEG_LS_NEAR_LOSSLESS(TransferSyntax.JPEG_LS_NEAR_LOSSLESS),
    JPEG_2000_LOSSLESS(TransferSyntax.JPEG_2000_LOSSLESS),
    JPEG_2000(TransferSyntax.JPEG_2000),
    HTJ2K_LOSSLESS(TransferSyntax.HTJ2K_LOSSLESS),
    HTJ2K_LOSSLESS_RPCL(TransferSyntax.HTJ2K_LOSSLESS_RPCL),
    HTJ2K(TransferSyntax.HTJ2K),
    RLE_LOSSLESS(TransferSyntax.RLE_LOSSLESS);

    private static final Map<String, PixelSyntax> BY_UID =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(PixelSyntax::uid, Function.identity()));

    private final String uid;
    private final String displayName;

    PixelSyntax(String uid) {
        this.uid = uid;
        this.displayName = TransferSyntax.of(uid).name();
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    /** True when pixel data is stored uncompressed (possibly after the parser inflated the dataset). */
    public boolean isNative() {
        return ordinal() <= EXPLICIT_VR_BIG_ENDIAN.ordinal();
    }

    public static Optional<PixelSyntax> of(String uid) {
        return uid == null ? Optional.empty() : Optional.ofNullable(BY_UID.get(uid.trim()));
    }

    /** "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)", or the bare UID when unknown. */
    public static String describe(String uid) {
        return of(uid).map(s -> s.displayName + " (" + s.uid + ")").orElse("transfer syntax " + uid);
    }
}
