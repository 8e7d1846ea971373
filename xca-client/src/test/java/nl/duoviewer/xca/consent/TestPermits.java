package nl.duoviewer.xca.consent;

import java.time.Instant;
import java.util.Set;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * Test-only: a permit as the {@link ConsentGate} would grant it, for tests of the retrieval transports that have no
 * Mitz to ask (the gate itself is tested against the embedded network's Mitz in duo-network's ConsentGateTest).
 */
public final class TestPermits {

    private TestPermits() {
    }

    /** A permit for WADO-RS (which addresses no repository), never revoked. */
    public static RetrievalPermit grant(Bsn patient, SourceInstitution source, Instant expiresAt) {
        return grant(patient, source, Set.of(), expiresAt);
    }

    /** A permit for these repositories of the source (ITI-39/43, RAD-69/75), never revoked. */
    public static RetrievalPermit grant(Bsn patient, SourceInstitution source, Set<String> repositories,
                                        Instant expiresAt) {
        return new RetrievalPermit(patient, source, repositories, "GGC002", new ConsentBasis.Mitz(true), expiresAt,
                () -> false);
    }
}
