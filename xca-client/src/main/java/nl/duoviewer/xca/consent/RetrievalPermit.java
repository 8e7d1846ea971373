package nl.duoviewer.xca.consent;

import java.time.Instant;
import java.util.Objects;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * Proof that the {@link ConsentGate} allowed retrieval of one patient's data from one institution for a short time.
 * Only the gate can create one; every retrieval method requires one and checks that it covers the request.
 */
public final class RetrievalPermit {

    private final Bsn patient;
    private final SourceInstitution source;
    private final String dataCategory;
    private final Instant expiresAt;

    RetrievalPermit(Bsn patient, SourceInstitution source, String dataCategory, Instant expiresAt) {
        this.patient = Objects.requireNonNull(patient);
        this.source = Objects.requireNonNull(source);
        this.dataCategory = Objects.requireNonNull(dataCategory);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public Bsn patient() {
        return patient;
    }

    public SourceInstitution source() {
        return source;
    }

    public String dataCategory() {
        return dataCategory;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Fails unless this permit is still valid and covers the patient and the community addressed.
     *
     * @throws ConsentDeniedException otherwise (neutral message)
     */
    public void check(Bsn requestedPatient, String homeCommunityId, Instant now) throws ConsentDeniedException {
        if (!now.isBefore(expiresAt)) {
            throw new ConsentDeniedException("permit expired at " + expiresAt);
        }
        if (!patient.equals(requestedPatient)) {
            throw new ConsentDeniedException("permit is for another patient");
        }
        if (!source.homeCommunityId().equals(homeCommunityId)) {
            throw new ConsentDeniedException("permit is for community " + source.homeCommunityId() + ", not "
                    + homeCommunityId);
        }
    }

    @Override
    public String toString() {
        return "RetrievalPermit[" + patient + " @ " + source.name() + " until " + expiresAt + "]";
    }
}
