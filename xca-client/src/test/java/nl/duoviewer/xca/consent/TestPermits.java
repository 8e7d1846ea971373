package nl.duoviewer.xca.consent;

import java.time.Instant;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * Test-only: a permit as the {@link ConsentGate} would grant it, for tests of the retrieval transports that have no
 * Mitz to ask (the gate itself is tested against the embedded network's Mitz in duo-network's ConsentGateTest).
 */
public final class TestPermits {

    private TestPermits() {
    }

    public static RetrievalPermit grant(Bsn patient, SourceInstitution source, Instant expiresAt) {
        return new RetrievalPermit(patient, source, "GGC002", expiresAt);
    }
}
