package nl.duoviewer.network.mitz;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import nl.duoviewer.core.patient.Bsn;

/**
 * The Mitz consent registrations of the embedded network, editable by tests and demos: per patient and data-holding
 * institution (URA) a permit, a refusal, or nothing registered. Unless changed, every holder is permitted, so the
 * demo works out of the box.
 */
public final class ConsentRegistry {

    /** A patient's choice for one institution. */
    public enum Registration { PERMIT, DENY, NONE }

    private record Key(Bsn patient, String ura) {
    }

    private final Map<Key, Registration> overrides = new ConcurrentHashMap<>();
    private volatile Registration fallback = Registration.PERMIT;

    public void grant(Bsn patient, String ura) {
        overrides.put(new Key(patient, ura), Registration.PERMIT);
    }

    public void deny(Bsn patient, String ura) {
        overrides.put(new Key(patient, ura), Registration.DENY);
    }

    /** No registration at all: not localised, closed question NotApplicable. */
    public void unregister(Bsn patient, String ura) {
        overrides.put(new Key(patient, ura), Registration.NONE);
    }

    /** What applies to institutions without an explicit registration. */
    public void setDefault(Registration registration) {
        fallback = Objects.requireNonNull(registration);
    }

    public Registration registration(Bsn patient, String ura) {
        return overrides.getOrDefault(new Key(patient, ura), fallback);
    }

    /** Back to "everyone permitted". */
    public void reset() {
        overrides.clear();
        fallback = Registration.PERMIT;
    }
}
