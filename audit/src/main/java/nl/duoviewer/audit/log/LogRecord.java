package nl.duoviewer.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of the local audit log: {@code seq TAB time TAB kind TAB payload TAB hash}. The hash chains the record to
 * the one before it: {@code hash = hex(SHA-256(UTF-8(previousHash TAB seq TAB time TAB kind TAB payload)))}, with 64
 * zeros as the previous hash of the first record. Changing, removing or moving any record breaks the chain from there
 * on; see {@link AuditLogVerifier}.
 *
 * @param seq     1, 2, 3... without gaps (also the syslog {@code sequenceId})
 * @param time    when the record was written (for events: when the event happened)
 * @param kind    what it holds
 * @param payload the record's content, escaped so that it holds no tab or line break
 * @param hash    the chain hash, 64 hex digits
 */
public record LogRecord(long seq, Instant time, Kind kind, String payload, String hash) {

    /** What a record holds. */
    public enum Kind {
        /** The first record of a log: its id and format. */
        LOG,
        /** One audit event: a DICOM audit message (XML). */
        EVENT,
        /** The chain hash of the record before it, also sent to the audit repository. */
        ANCHOR
    }

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(hash, "hash");
        if (payload.indexOf('\t') >= 0 || payload.indexOf('\n') >= 0 || payload.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("payload must be escaped");
        }
    }

    /** A new record chained to {@code previousHash}. */
    static LogRecord chained(String previousHash, long seq, Instant time, Kind kind, String payload) {
        String escaped = escape(payload);
        return new LogRecord(seq, time, kind, escaped, hash(previousHash, seq, time, kind, escaped));
    }

    /** The hash this record must have after {@code previousHash}. */
    static String hash(String previousHash, long seq, Instant time, Kind kind, String escapedPayload) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((previousHash + "\t" + seq + "\t" + time + "\t" + kind + "\t" + escapedPayload)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The line as written, without the line break. */
    String line() {
        return seq + "\t" + time + "\t" + kind + "\t" + payload + "\t" + hash;
    }

    /**
     * Parses a line.
     *
     * @throws IllegalArgumentException when it is not a record
     */
    static LogRecord parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 fields, found " + f.length);
        }
        try {
            return new LogRecord(Long.parseLong(f[0]), Instant.parse(f[1]), Kind.valueOf(f[2]), f[3], f[4]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed field: " + e.getMessage(), e);
        }
    }

    /** The payload as it was given (unescaped). */
    public String content() {
        StringBuilder b = new StringBuilder(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '\\' && i + 1 < payload.length()) {
                char n = payload.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
