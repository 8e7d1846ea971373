package nl.duoviewer.xca.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One access-relevant event for NEN 7513 logging and (later) ATNA ITI-20: who asked what about which patient where,
 * and what came of it.
 *
 * @param time        when
 * @param transaction e.g. ITI-38, ITI-39, RAD-75, WADO-RS, MITZ-OPEN, MITZ-CLOSED, CONSENT-GATE
 * @param patient     the patient's BSN masked as shown in logs (never the full number)
 * @param target      community or institution addressed
 * @param outcome     SUCCESS, PARTIAL, FAILURE, DENIED, PERMIT...
 * @param detail      short free text (error codes, counts)
 */
public record AuditEvent(Instant time, String transaction, String patient, String target, String outcome,
                         String detail) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(transaction, "transaction");
        patient = patient == null ? "" : patient;
        target = target == null ? "" : target;
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
