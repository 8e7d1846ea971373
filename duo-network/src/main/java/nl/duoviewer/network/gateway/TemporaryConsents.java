package nl.duoviewer.network.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.consent.TemporaryConsentSlot;

/**
 * The temporary consents of the TLB pilot, as the embedded Alphatron TLB community holds them (decision record 13):
 * per patient a consent of 28 days with its end, reported with every ITI-38 answer. By default every patient's
 * consent began three days before the network started, so the demo shows an end date 25 days ahead. Tests let one
 * run out, withdraw it, or set its end.
 */
public final class TemporaryConsents {

    /** How long before the network's start the default consents began. */
    static final Duration DEFAULT_AGE = Duration.ofDays(3);

    private final Clock clock;
    private final Instant defaultEnd;
    /** Explicit ends; an empty value means no consent at all. */
    private final Map<Bsn, Optional<Instant>> overrides = new ConcurrentHashMap<>();

    public TemporaryConsents(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.defaultEnd = clock.instant().minus(DEFAULT_AGE).plus(TemporaryConsentSlot.PILOT_CONSENT);
    }

    /** The moment the patient's consent ends (or ended); empty when there is none. */
    public Optional<Instant> end(Bsn patient) {
        return overrides.getOrDefault(patient, Optional.of(defaultEnd));
    }

    /** True while the patient's consent runs. */
    public boolean running(Bsn patient) {
        return end(patient).map(e -> clock.instant().isBefore(e)).orElse(false);
    }

    /** A consent for the patient ending at {@code end}. */
    public void grant(Bsn patient, Instant end) {
        overrides.put(patient, Optional.of(Objects.requireNonNull(end)));
    }

    /** The patient's consent ran out a day ago (it began 29 days ago). */
    public void expire(Bsn patient) {
        grant(patient, clock.instant().minus(Duration.ofDays(1)));
    }

    /** No consent for the patient at all: answers carry no consent and no data. */
    public void withdraw(Bsn patient) {
        overrides.put(patient, Optional.empty());
    }

    /** Back to every patient's default consent. */
    public void reset() {
        overrides.clear();
    }
}
