package nl.duoviewer.audit.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duoviewer.audit.log.LogRecord.Kind;

/**
 * Checks a local audit log: every record must follow from the one before it (sequence number and chain hash), so the
 * first modified, deleted, inserted or reordered record is found. The chain alone cannot tell a log rewritten from
 * scratch by someone who knows the format; the anchors can: each anchor's hash also went to the audit repository, and
 * a rewritten log cannot reproduce a hash the repository holds. Hand the repository's copy of the anchors in (the
 * syslog lines with MSGID {@code DUO-AUDIT-ANCHOR}) to check against them too.
 */
public final class AuditLogVerifier {

    /** What the check found. */
    public record Result(boolean intact, long records, long anchors, long externalAnchorsMatched, String logId,
                         Optional<Problem> problem) {
    }

    /** The first problem: where and what. */
    public record Problem(long line, long seq, String what) {
    }

    /** An anchor as the audit repository received it. */
    public record ExternalAnchor(String logId, long seq, String hash) {
    }

    private static final Pattern ANCHOR = Pattern.compile(
            "DUO-AUDIT-ANCHOR.*?\\blog=([0-9a-fA-F-]{36})\\s+seq=([0-9]+)\\s+hash=([0-9a-f]{64})");

    private AuditLogVerifier() {
    }

    /** Reads the anchors out of a file of received syslog messages (any lines; the anchor lines are picked out). */
    public static List<ExternalAnchor> readAnchors(Path receivedSyslog) throws IOException {
        try (var lines = Files.lines(receivedSyslog, StandardCharsets.UTF_8)) {
            return lines.map(ANCHOR::matcher).filter(Matcher::find)
                    .map(m -> new ExternalAnchor(m.group(1), Long.parseLong(m.group(2)), m.group(3))).toList();
        }
    }

    /** The anchor message an anchor record sends: what {@link #readAnchors} finds again in the repository. */
    public static String anchorMessage(String logId, long seq, String hash) {
        return "log=" + logId + " seq=" + seq + " hash=" + hash;
    }

    public static Result verify(Path file) throws IOException {
        return verify(file, List.of());
    }

    /**
     * Verifies the log, and that it holds the hashes of the given external anchors (those of other logs are ignored).
     *
     * @throws IOException when the file cannot be read at all
     */
    public static Result verify(Path file, List<ExternalAnchor> external) throws IOException {
        Map<Long, String> expected = new HashMap<>();
        String logId = null;
        long records = 0;
        long anchors = 0;
        long matched = 0;
        long lineNo = 0;
        long prevSeq = 0;
        String prevHash = LogRecord.GENESIS;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                LogRecord rec;
                try {
                    rec = LogRecord.parse(line);
                } catch (IllegalArgumentException e) {
                    return fail(records, anchors, matched, logId, lineNo, prevSeq + 1,
                            "line " + lineNo + " is not a record (damaged, or cut off by a crash): " + e.getMessage());
                }
                long seq = rec.seq();
                if (lineNo == 1) {
                    logId = rec.kind() == Kind.LOG ? AuditLog.field(rec.content(), "id") : null;
                    if (seq != 1 || logId == null) {
                        return fail(0, 0, 0, null, 1, seq, "the first record is not the start of an audit log "
                                + "(the beginning of the log was removed)");
                    }
                    for (ExternalAnchor a : external) {
                        if (a.logId().equals(logId)) {
                            expected.put(a.seq(), a.hash());
                        }
                    }
                } else if (seq > prevSeq + 1) {
                    return fail(records, anchors, matched, logId, lineNo, prevSeq + 1, "record " + (prevSeq + 1)
                            + " is missing: deleted or moved (line " + lineNo + " holds record " + seq + ")");
                } else if (seq <= prevSeq) {
                    return fail(records, anchors, matched, logId, lineNo, seq, "record " + seq + " on line " + lineNo
                            + " is out of order: reordered or copied (it follows record " + prevSeq + ")");
                } else if (rec.kind() == Kind.LOG) {
                    return fail(records, anchors, matched, logId, lineNo, seq, "record " + seq
                            + " starts another log: logs were joined");
                }
                String hash = LogRecord.hash(prevHash, seq, rec.time(), rec.kind(), rec.payload());
                if (!hash.equals(rec.hash())) {
                    return fail(records, anchors, matched, logId, lineNo, seq, "record " + seq + " (line " + lineNo
                            + ") was modified: its hash does not follow from the records before it");
                }
                if (rec.kind() == Kind.ANCHOR) {
                    String content = rec.content();
                    if (!("seq=" + (seq - 1) + " hash=" + prevHash).equals(content)) {
                        return fail(records, anchors, matched, logId, lineNo, seq, "anchor record " + seq
                                + " does not name the record before it");
                    }
                    anchors++;
                }
                String outside = expected.remove(seq);
                if (outside != null) {
                    if (!outside.equals(rec.hash())) {
                        return fail(records, anchors, matched, logId, lineNo, seq, "record " + seq
                                + " does not match the anchor the audit repository received: the log was rewritten "
                                + "at or before record " + seq);
                    }
                    matched++;
                }
                records++;
                prevSeq = seq;
                prevHash = rec.hash();
            }
        }
        if (records == 0) {
            return fail(0, 0, 0, null, 0, 0, "the file holds no records");
        }
        if (!expected.isEmpty()) {
            long beyond = expected.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            return fail(records, anchors, matched, logId, lineNo, prevSeq + 1, "records after " + prevSeq
                    + " are missing: the audit repository holds an anchor for record " + beyond);
        }
        return new Result(true, records, anchors, matched, logId, Optional.empty());
    }

    private static Result fail(long records, long anchors, long matched, String logId, long line, long seq,
                               String what) {
        return new Result(false, records, anchors, matched, logId, Optional.of(new Problem(line, seq, what)));
    }
}
