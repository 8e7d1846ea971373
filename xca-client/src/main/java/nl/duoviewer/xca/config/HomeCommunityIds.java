package nl.duoviewer.xca.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a homeCommunityId inside the viewer: {@code urn:oid:} followed by the OID. XCA prescribes that
 * form, but real gateways and Mitz answers also send the bare OID (Twiin's own ITI-38 example does); an identifier
 * compared in the other spelling would make a localised community's records vanish as "not localised". Everything
 * received is normalised here on arrival, and everything sent carries the prefix (decision record 25).
 */
public final class HomeCommunityIds {

    private static final String PREFIX = "urn:oid:";
    private static final Pattern OID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    /** Longer than any OID a registry can hold (ebRIM LongName is 256; OIDs in practice stay under 64). */
    private static final int MAX_LENGTH = 128;

    private HomeCommunityIds() {
    }

    /**
     * The {@code urn:oid:} form of a received homeCommunityId, with or without the prefix (case-insensitive), or
     * null when the text is no OID at all.
     */
    public static String normalise(String received) {
        if (received == null) {
            return null;
        }
        String s = received.strip();
        if (s.length() > MAX_LENGTH) {
            return null;
        }
        if (s.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            s = s.substring(PREFIX.length());
        }
        return OID.matcher(s).matches() ? PREFIX + s : null;
    }

    /** True when both name the same community, whichever spelling each uses. */
    public static boolean same(String a, String b) {
        String na = normalise(a);
        return na != null && na.equals(normalise(b));
    }
}
