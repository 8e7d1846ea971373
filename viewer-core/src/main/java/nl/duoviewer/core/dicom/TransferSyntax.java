package nl.duoviewer.core.dicom;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DICOM transfer syntax: how a dataset is encoded (VR explicit or implicit, byte order, deflate) and whether the
 * pixel data is encapsulated (compressed). Unknown UIDs are treated as explicit VR little endian with encapsulated
 * pixel data, which is what every compressed syntax added since 2000 uses.
 */
public final class TransferSyntax {

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    public static final String HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201";
    public static final String HTJ2K_LOSSLESS_RPCL = "1.2.840.10008.1.2.4.202";
    public static final String HTJ2K = "1.2.840.10008.1.2.4.203";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    private static final Map<String, TransferSyntax> KNOWN = new ConcurrentHashMap<>();

    public static final TransferSyntax IMPLICIT_LE = define(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian",
            false, false, false, false, false);
    public static final TransferSyntax EXPLICIT_LE = define(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian",
            true, false, false, false, false);
    public static final TransferSyntax DEFLATED_LE = define(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            "Deflated Explicit VR Little Endian", true, false, true, false, false);
    public static final TransferSyntax EXPLICIT_BE = define(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian",
            true, true, false, false, false);

    static {
        define(JPEG_BASELINE, "JPEG Baseline (Process 1)", true, false, false, true, true);
        define(JPEG_EXTENDED, "JPEG Extended (Process 2 & 4)", true, false, false, true, true);
        define(JPEG_LOSSLESS, "JPEG Lossless (Process 14)", true, false, false, true, false);
        define(JPEG_LOSSLESS_SV1, "JPEG Lossless SV1 (Process 14, Selection Value 1)", true, false, false, true,
                false);
        define(JPEG_LS_LOSSLESS, "JPEG-LS Lossless", true, false, false, true, false);
        define(JPEG_LS_NEAR_LOSSLESS, "JPEG-LS Near-Lossless", true, false, false, true, true);
        define(JPEG_2000_LOSSLESS, "JPEG 2000 Lossless", true, false, false, true, false);
        define(JPEG_2000, "JPEG 2000", true, false, false, true, true);
        define(HTJ2K_LOSSLESS, "High-Throughput JPEG 2000 Lossless", true, false, false, true, false);
        define(HTJ2K_LOSSLESS_RPCL, "High-Throughput JPEG 2000 RPCL Lossless", true, false, false, true, false);
        define(HTJ2K, "High-Throughput JPEG 2000", true, false, false, true, true);
        define(RLE_LOSSLESS, "RLE Lossless", true, false, false, true, false);
    }

    private final String uid;
    private final String name;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;
    private final boolean lossy;

    private TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
                           boolean encapsulated, boolean lossy) {
        this.uid = uid;
        this.name = name;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
        this.lossy = lossy;
    }

    private static TransferSyntax define(String uid, String name, boolean explicitVr, boolean bigEndian,
                                         boolean deflated, boolean encapsulated, boolean lossy) {
        TransferSyntax ts = new TransferSyntax(uid, name, explicitVr, bigEndian, deflated, encapsulated, lossy);
        KNOWN.put(uid, ts);
        return ts;
    }

    /** The syntax for a UID; unknown UIDs become explicit VR little endian with encapsulated pixel data. */
    public static TransferSyntax of(String uid) {
        Objects.requireNonNull(uid, "transfer syntax UID");
        String key = uid.strip();
        TransferSyntax known = KNOWN.get(key);
        return known != null ? known : new TransferSyntax(key, "Unknown (" + key + ")", true, false, false, true, true);
    }

    /** True when the UID is one this product knows by name. */
    public static boolean isKnown(String uid) {
        return uid != null && KNOWN.containsKey(uid.strip());
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    public boolean explicitVr() {
        return explicitVr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    /** True when pixel data is a sequence of fragments (compressed), false for native pixel data. */
    public boolean encapsulated() {
        return encapsulated;
    }

    /** True when the syntax may lose information (the decoded pixels are not the original). */
    public boolean lossy() {
        return lossy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax other && other.uid.equals(uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return name + " [" + uid + "]";
    }
}
