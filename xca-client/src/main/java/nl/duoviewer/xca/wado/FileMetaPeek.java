package nl.duoviewer.xca.wado;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the Media Storage SOP Instance UID (0002,0003) from the File Meta Information at the start of a Part-10
 * stream, handing on every byte it looked at with the rest of the stream. Multipart parts need not carry a
 * Content-Location (Orthanc sends none for instances), so the instance is named from its own header.
 * Looks at no more than {@link #MAX_META_BYTES} bytes; anything unexpected just means "no UID".
 */
final class FileMetaPeek {

    /** File Meta Information is a few hundred bytes; more is not a header we want to trust. */
    static final int MAX_META_BYTES = 16 * 1024;

    private static final int PREAMBLE = 128;
    private static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x0003;

    /**
     * @param sopInstanceUid the UID, or null when the stream does not start with a readable File Meta Information
     * @param data           the whole stream, from its first byte
     */
    record Result(String sopInstanceUid, InputStream data) {
    }

    private FileMetaPeek() {
    }

    static Result peek(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        String uid = read(in, seen);
        InputStream replay = new ByteArrayInputStream(seen.toByteArray());
        return new Result(uid, new SequenceInputStream(replay, in));
    }

    private static String read(InputStream in, ByteArrayOutputStream seen) throws IOException {
        byte[] head = take(in, seen, PREAMBLE + 4);
        if (head.length < PREAMBLE + 4 || head[PREAMBLE] != 'D' || head[PREAMBLE + 1] != 'I'
                || head[PREAMBLE + 2] != 'C' || head[PREAMBLE + 3] != 'M') {
            return null;
        }
        int budget = MAX_META_BYTES;
        while (budget > 0) {
            byte[] h = take(in, seen, 8);
            if (h.length < 8 || u16(h, 0) != 0x0002) {
                return null; // past the meta group (or truncated) without finding the UID
            }
            int element = u16(h, 2);
            String vr = new String(h, 4, 2, StandardCharsets.US_ASCII);
            long length;
            boolean longForm = longLength(vr);
            if (longForm) {
                byte[] l = take(in, seen, 4);
                if (l.length < 4) {
                    return null;
                }
                length = u32(l);
            } else {
                length = u16(h, 6);
            }
            budget -= longForm ? 12 : 8;
            if (length > budget) {
                return null;
            }
            byte[] value = take(in, seen, (int) length);
            if (value.length < length) {
                return null;
            }
            budget -= (int) length;
            if (element == MEDIA_STORAGE_SOP_INSTANCE_UID) {
                String uid = new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
                return uid.matches("[0-9]+(\\.[0-9]+)*") && uid.length() <= 64 ? uid : null;
            }
        }
        return null;
    }

    private static boolean longLength(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    private static byte[] take(InputStream in, ByteArrayOutputStream seen, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        seen.writeBytes(b);
        return b;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b) {
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }
}
