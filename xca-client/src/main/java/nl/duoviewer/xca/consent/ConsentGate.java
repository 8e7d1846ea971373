package nl.duoviewer.xca.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.MitzSettings;

/**
 * The only way to a {@link RetrievalPermit}. Fails closed: no permit for an institution that the current patient's
 * Mitz localisation did not name, nor (when the deployment asks the closed question) without a Permit decision. Any
 * error, timeout or malformed answer means no permit, with the same neutral message as a refusal. Decisions are
 * cached briefly per patient, institution and data category, and forgotten when the patient changes.
 */
public final class ConsentGate {

    private record Key(Bsn patient, String ura, String category) {
    }

    private record Cached(ConsentDecision decision, Instant until) {
    }

    private final MitzClient mitz;
    private final MitzSettings settings;
    private final Clock clock;
    private final AuditSink audit;
    private final Map<Key, Cached> decisions = new ConcurrentHashMap<>();
    private volatile Localisation current;

    public ConsentGate(MitzClient mitz, MitzSettings settings, Clock clock, AuditSink audit) {
        this.mitz = mitz;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Asks the open question for a (new) patient and makes it the current one. Switching patient clears every
     * cached decision and the previous localisation first, so that nothing carries over even when Mitz fails.
     *
     * @throws ConsentDeniedException when Mitz cannot be asked or answers badly (neutral message)
     */
    public Localisation localise(Bsn patient) throws ConsentDeniedException {
        Objects.requireNonNull(patient, "patient");
        Localisation previous = current;
        if (previous == null || !previous.patient().equals(patient)) {
            clear();
        }
        try {
            Localisation l = new Localisation(patient, mitz.locate(patient), clock.instant());
            current = l;
            audit(open(patient).outcome(AuditEvent.Outcome.SUCCESS).detail(l.locations().size() + " locations"));
            return l;
        } catch (MitzException e) {
            current = null;
            audit(open(patient).outcome(AuditEvent.Outcome.FAILURE).detail(e.getMessage()));
            throw new ConsentDeniedException("localisation failed: " + e.getMessage());
        }
    }

    /** The localisation of the current patient, or null before {@link #localise}. */
    public Localisation current() {
        return current;
    }

    /** Forgets the patient, the localisation and all cached decisions. */
    public void clear() {
        current = null;
        decisions.clear();
    }

    /**
     * Allows retrieval from one institution for the current patient, or refuses.
     *
     * @throws ConsentDeniedException with the neutral message; {@link ConsentDeniedException#reason()} says why
     */
    public RetrievalPermit authorise(Bsn patient, SourceInstitution source) throws ConsentDeniedException {
        Localisation l = current;
        if (l == null || !l.patient().equals(patient)) {
            gate(patient, source, false, "patient not localised");
            throw new ConsentDeniedException("patient not localised");
        }
        PatientLocation location = l.covering(source).orElse(null);
        if (location == null) {
            gate(patient, source, false, "institution not in localisation answer");
            throw new ConsentDeniedException("institution not in localisation answer");
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.decisionCacheTtl());
        if (settings.askClosedQuestion()) {
            Key key = new Key(patient, source.ura(), settings.dataCategory());
            Cached c = decisions.get(key);
            if (c == null || !now.isBefore(c.until())) {
                ConsentDecision d;
                try {
                    d = mitz.decide(patient, location);
                } catch (MitzException e) {
                    audit(closed(patient, source).outcome(AuditEvent.Outcome.FAILURE).detail(e.getMessage()));
                    throw new ConsentDeniedException("closed question failed: " + e.getMessage());
                }
                audit(closed(patient, source).decision(d.xacml()).outcome(d == ConsentDecision.PERMIT
                        ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.DENIED));
                c = new Cached(d, until);
                // a patient switch while we waited for Mitz must not leave a decision behind
                if (current == l) {
                    decisions.put(key, c);
                }
            }
            if (c.decision() != ConsentDecision.PERMIT) {
                gate(patient, source, false, "closed question: " + c.decision().xacml());
                throw new ConsentDeniedException("closed question: " + c.decision().xacml());
            }
            until = c.until();
        }
        if (current != l) {
            throw new ConsentDeniedException("patient switched while authorising");
        }
        gate(patient, source, true, "");
        return new RetrievalPermit(patient, source, settings.dataCategory(), min(until, now.plus(maxPermit())));
    }

    private Duration maxPermit() {
        return settings.decisionCacheTtl();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private AuditEvent.Builder open(Bsn patient) {
        return AuditEvent.of(clock.instant(), AuditEvent.Transaction.MITZ_OPEN, patient)
                .endpoint(settings.openQuestionEndpoint())
                .query("PatientLocationQuery RequestedPatientId " + patient.toCx());
    }

    private AuditEvent.Builder closed(Bsn patient, SourceInstitution source) {
        return AuditEvent.of(clock.instant(), AuditEvent.Transaction.MITZ_CLOSED, patient).institution(source)
                .endpoint(settings.closedQuestionEndpoint())
                .query("XACMLAuthzDecisionQuery resource-id " + patient.toCx() + " author-institution "
                        + source.ura() + " event-code " + settings.dataCategory());
    }

    private void gate(Bsn patient, SourceInstitution source, boolean permit, String reason) {
        audit(AuditEvent.of(clock.instant(), AuditEvent.Transaction.CONSENT_GATE, patient).institution(source)
                .decision(permit ? "PERMIT" : "DENY")
                .outcome(permit ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.DENIED).detail(reason));
    }

    private void audit(AuditEvent.Builder event) {
        audit.record(event.build());
    }
}
