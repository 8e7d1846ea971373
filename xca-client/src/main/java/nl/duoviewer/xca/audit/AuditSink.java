package nl.duoviewer.xca.audit;

import java.util.List;

/**
 * Receives every access-relevant event. The local access log implements it now; the ATNA (ITI-20) sender will
 * implement it in a later issue. Implementations must not throw: an audit problem never breaks the user's work, but
 * implementations should surface it in their own way.
 */
@FunctionalInterface
public interface AuditSink {

    AuditSink NONE = event -> { };

    void record(AuditEvent event);

    /** Sends each event to all sinks. */
    static AuditSink all(List<AuditSink> sinks) {
        List<AuditSink> copy = List.copyOf(sinks);
        return event -> copy.forEach(s -> s.record(event));
    }
}
