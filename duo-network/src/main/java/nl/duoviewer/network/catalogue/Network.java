package nl.duoviewer.network.catalogue;

import java.util.List;

/**
 * The three vendor networks of the DUO proof of concept, each an XCA-I community. The OIDs are demo values under
 * the IHE test arc, not the real gateways'. Alphatron's TLB runs under the TLB pilot's temporary consent
 * (decision record 13); the others under Mitz.
 */
public enum Network {
    FOUNDA("founda", "Founda Health", "1.3.6.1.4.1.21367.13.70.1",
            List.of("1.2.840.10008.1.2.4.80")),
    ENOVATION("enovation", "Enovation", "1.3.6.1.4.1.21367.13.70.2",
            List.of("1.2.840.10008.1.2.4.90")),
    ALPHATRON("alphatron", "Alphatron TLB", "1.3.6.1.4.1.21367.13.70.3",
            List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1"));

    /** Every network can also deliver uncompressed (Explicit VR Little Endian). */
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private final String key;
    private final String displayName;
    private final String oid;
    private final List<String> nativeSyntaxes;

    Network(String key, String displayName, String oid, List<String> nativeSyntaxes) {
        this.key = key;
        this.displayName = displayName;
        this.oid = oid;
        this.nativeSyntaxes = nativeSyntaxes;
    }

    /** Configuration key, e.g. {@code founda}. */
    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** Gateway OID. */
    public String oid() {
        return oid;
    }

    /** {@code urn:oid:} form used as homeCommunityId. */
    public String homeCommunityId() {
        return "urn:oid:" + oid;
    }

    /** True for the community that runs under the TLB pilot's temporary consent of 28 days. */
    public boolean temporaryConsent() {
        return this == ALPHATRON;
    }

    /** Transfer syntaxes the network stores images in, the first being its usual one. */
    public List<String> nativeSyntaxes() {
        return nativeSyntaxes;
    }
}
