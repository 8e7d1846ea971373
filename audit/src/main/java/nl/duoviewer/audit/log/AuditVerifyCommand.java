package nl.duoviewer.audit.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code audit-verify FILE [--anchors RECEIVED]}: checks a local audit log (and, given the audit repository's received
 * syslog messages, the log's anchors against them). Exit code 0 when intact, 1 when a record was modified, deleted or
 * reordered (the first one is named), 2 when the command line or a file cannot be used.
 */
public final class AuditVerifyCommand {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int UNUSABLE = 2;

    static final String USAGE = "usage: audit-verify FILE [--anchors RECEIVED_SYSLOG_FILE]";

    private AuditVerifyCommand() {
    }

    /** Runs the command; {@code args} are those after the word {@code audit-verify}. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path log = null;
        Path anchors = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--anchors") && i + 1 < args.size()) {
                    anchors = Path.of(args.get(++i));
                } else if (a.startsWith("--anchors=")) {
                    anchors = Path.of(a.substring("--anchors=".length()));
                } else if (!a.startsWith("--") && log == null) {
                    log = Path.of(a);
                } else {
                    err.println("audit-verify: unexpected argument " + a);
                    err.println(USAGE);
                    return UNUSABLE;
                }
            }
        } catch (InvalidPathException e) {
            err.println("audit-verify: not a file name: " + e.getInput());
            return UNUSABLE;
        }
        if (log == null) {
            err.println(USAGE);
            return UNUSABLE;
        }
        for (Path p : anchors == null ? List.of(log) : List.of(log, anchors)) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                err.println("audit-verify: file not found or not readable: " + p);
                return UNUSABLE;
            }
        }
        try {
            List<AuditLogVerifier.ExternalAnchor> external = anchors == null ? List.of()
                    : AuditLogVerifier.readAnchors(anchors);
            AuditLogVerifier.Result r = AuditLogVerifier.verify(log, external);
            if (r.intact()) {
                out.println("audit-verify: " + log + ": intact, " + r.records() + " records, " + r.anchors()
                        + " anchors" + (anchors == null ? "" : ", " + r.externalAnchorsMatched()
                        + " anchors confirmed by the audit repository") + " (log " + r.logId() + ")");
                return INTACT;
            }
            AuditLogVerifier.Problem p = r.problem().orElseThrow();
            out.println("audit-verify: " + log + ": NOT INTACT at line " + p.line() + ": " + p.what());
            out.println("audit-verify: " + r.records() + " records before it are intact");
            return TAMPERED;
        } catch (IOException e) {
            err.println("audit-verify: cannot read " + log + ": " + e.getMessage());
            return UNUSABLE;
        }
    }
}
