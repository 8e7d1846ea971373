package nl.duoviewer.xca.audit;

import java.util.List;

/**
 * Receives every access-relevant event of the client. The application hands in one that feeds the workstation's
 * audit trail (the local hash-chained log and the hospital's ATNA repository; module {@code audit}).
 * Implementations must not throw: an audit problem never breaks the user's work, but implementations should surface
 * it in their own way.
 */
@FunctionalInterface
public interface AuditSink {

    /** Records nothing: for tests and tools that have no workstation audit trail. */
    AuditSink NONE = event -> { };

    void record(AuditEvent event);

    /** Sends each event to all sinks. */
    static AuditSink all(List<AuditSink> sinks) {
        List<AuditSink> copy = List.copyOf(sinks);
        return event -> copy.forEach(s -> s.record(event));
    }
}
