package nl.duoviewer.core.codec;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The transfer syntaxes whose pixel data this package decodes, with their UIDs (PS3.6 Annex A). */
public enum PixelSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian"),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)"),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1 (Process 14, Selection Value 1)"),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000"),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
    HTJ2K_LOSSLESS_RPCL("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL"),
    HTJ2K("1.2.840.10008.1.2.4.203", "HTJ2K"),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless");

    private static final Map<String, PixelSyntax> BY_UID =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(PixelSyntax::uid, Function.identity()));

    private final String uid;
    private final String displayName;

    PixelSyntax(String uid, String displayName) {
        this.uid = uid;
        this.displayName = displayName;
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
