package nl.duoviewer.audit.syslog;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import nl.duoviewer.audit.log.AuditLogVerifier;
import nl.duoviewer.audit.log.LogRecord;

/**
 * One log record as an RFC 5424 syslog message in RFC 5425 octet-counting framing, the ITI-20 transport:
 * {@code LEN SP <85>1 TIMESTAMP HOSTNAME duoviewer LOGID MSGID [meta sequenceId="SEQ"] MSG}.
 *
 * <ul>
 * <li>PRI 85: facility 10 (security/authorisation), severity 5 (notice), as ITI-20 asks;</li>
 * <li>MSGID {@value #AUDIT_MSGID} with the DICOM audit message (UTF-8 with BOM) for events, {@value #ANCHOR_MSGID}
 * for anchors and {@value #LOG_MSGID} for the first record of a log;</li>
 * <li>PROCID is the log's id and {@code meta sequenceId} (an IANA-registered RFC 5424 parameter) the record's
 * sequence number: together the event's id. A receiver that sees the same pair twice has a repeat (the forwarder
 * repeats what it cannot be sure arrived), and a gap in the sequence shows a loss.</li>
 * </ul>
 */
public final class SyslogFrame {

    public static final String AUDIT_MSGID = "IHE+RFC-3881";
    public static final String ANCHOR_MSGID = "DUO-AUDIT-ANCHOR";
    public static final String LOG_MSGID = "DUO-AUDIT-LOG";
    public static final String APP_NAME = "duoviewer";

    private static final int PRI = 10 * 8 + 5;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);
    private static final String BOM = "\uFEFF";

    private SyslogFrame() {
    }

    /** The framed message for one record of the log {@code logId}, sent from {@code hostname}. */
    public static byte[] of(LogRecord r, String logId, String hostname) {
        String msgId;
        String msg;
        switch (r.kind()) {
            case EVENT -> {
                msgId = AUDIT_MSGID;
                msg = BOM + r.content();
            }
            case ANCHOR -> {
                msgId = ANCHOR_MSGID;
                // the record's content is "seq=N hash=H": the anchored record and its chain hash
                String[] parts = r.content().split(" ");
                msg = AuditLogVerifier.anchorMessage(logId, Long.parseLong(parts[0].substring(4)),
                        parts[1].substring(5));
            }
            default -> {
                msgId = LOG_MSGID;
                msg = r.content();
            }
        }
        String sd = r.seq() <= Integer.MAX_VALUE ? "[meta sequenceId=\"" + r.seq() + "\"]" : "-";
        String message = "<" + PRI + ">1 " + TIMESTAMP.format(r.time()) + " " + printable(hostname, 255) + " "
                + APP_NAME + " " + printable(logId, 128) + " " + msgId + " " + sd + " " + msg;
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[length.length + body.length];
        System.arraycopy(length, 0, framed, 0, length.length);
        System.arraycopy(body, 0, framed, length.length, body.length);
        return framed;
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} characters, never empty. */
    static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c >= 33 && c <= 126 ? c : '_');
        }
        return b.isEmpty() ? "-" : b.toString();
    }
}
