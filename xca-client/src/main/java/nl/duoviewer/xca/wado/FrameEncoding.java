package nl.duoviewer.xca.wado;

import nl.duoviewer.xca.io.MultipartRelatedParser;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How WADO-RS frames are asked for, and what transfer syntax a returned frame part is in. */
public enum FrameEncoding {

    /** Explicit VR Little Endian pixels, the DICOMweb default: the server decompresses. */
    UNCOMPRESSED("multipart/related; type=\"application/octet-stream\""),

    /**
     * As the server stores them ({@code transfer-syntax=*}): compressed frames come as their codestreams, which
     * saves bandwidth and spares a server that cannot decode the syntax; each part's Content-Type names its transfer
     * syntax ({@link #transferSyntaxOf}).
     */
    AS_STORED("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");

    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private final String accept;

    FrameEncoding(String accept) {
        this.accept = accept;
    }

    /** The Accept header for a frames request. */
    public String accept() {
        return accept;
    }

    /**
     * The transfer syntax named by a frame part's Content-Type, e.g. {@code image/jpeg;
     * transfer-syntax=1.2.840.10008.1.2.4.50}; Explicit VR Little Endian for a bare {@code application/octet-stream}
     * (the DICOMweb default); empty when a compressed media type names none. Older Orthanc DICOMweb plugins spell
     * the parameter {@code transferSyntax}.
     */
    public static Optional<String> transferSyntaxOf(String partContentType) {
        if (partContentType == null || partContentType.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> p = MultipartRelatedParser.parameters(partContentType);
        String ts = p.getOrDefault("transfer-syntax", p.get("transfersyntax"));
        if (ts != null && !ts.isBlank() && !"*".equals(ts.strip())) {
            return Optional.of(ts.strip());
        }
        String type = partContentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return "application/octet-stream".equals(type) ? Optional.of(EXPLICIT_VR_LITTLE_ENDIAN) : Optional.empty();
    }
}
