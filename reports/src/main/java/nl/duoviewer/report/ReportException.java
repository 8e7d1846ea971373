package nl.duoviewer.report;

import java.util.Objects;

/**
 * A retrieved report cannot be shown. The {@link Kind} is what the user is told (the viewer translates it); the
 * message is a detail for the log and never shown on screen.
 */
public final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the report cannot be shown. */
    public enum Kind {
        /** A format the viewer does not read (or a variant of one it cannot open, such as a password-locked PDF). */
        UNSUPPORTED_FORMAT,
        /** The bytes do not form a valid document of the format they claim or appear to be. */
        CORRUPT
    }

    private final Kind kind;

    public ReportException(Kind kind, String detail) {
        this(kind, detail, null);
    }

    public ReportException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }
}
