package nl.duoviewer.core.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Creates DICOM UIDs under the 2.25 (UUID-derived) root, which needs no registered organisation root. */
public final class Uids {

    private Uids() {
    }

    /** A new random UID, e.g. {@code 2.25.329800735698586629295641978511506172918}. */
    public static String create() {
        return fromUuid(UUID.randomUUID());
    }

    /** A UID derived deterministically from a name: the same name always gives the same UID (for generated data). */
    public static String fromName(String name) {
        return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fromUuid(UUID uuid) {
        ByteBuffer bb = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bb.array());
    }

    /** True for a syntactically valid UID: digits and dots, no leading zeros in components, at most 64 chars. */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (String part : uid.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }
}
