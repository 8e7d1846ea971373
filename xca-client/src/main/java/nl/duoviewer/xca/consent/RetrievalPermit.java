package nl.duoviewer.xca.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * Proof that the {@link ConsentGate} allowed retrieval of one patient's data held by one institution (URA) in one
 * community, from the repositories named, for a short time. Only the gate can create one; every retriever checks it
 * against the request it is about to send, and the gate can revoke it early (patient switch, a later Deny, a new
 * localisation): a revoked permit fails its next check, so a Deny takes effect for the next request.
 */
public final class RetrievalPermit {

    private final Bsn patient;
    private final SourceInstitution source;
    private final Set<String> repositories;
    private final String dataCategory;
    private final ConsentBasis basis;
    private final Instant expiresAt;
    private final BooleanSupplier revoked;

    RetrievalPermit(Bsn patient, SourceInstitution source, Set<String> repositories, String dataCategory,
                    ConsentBasis basis, Instant expiresAt, BooleanSupplier revoked) {
        this.patient = Objects.requireNonNull(patient);
        this.source = Objects.requireNonNull(source);
        this.repositories = Set.copyOf(repositories);
        this.dataCategory = Objects.requireNonNull(dataCategory);
        this.basis = Objects.requireNonNull(basis);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.revoked = Objects.requireNonNull(revoked);
    }

    public Bsn patient() {
        return patient;
    }

    /** The institution (name, URA, community) whose data this permit covers. */
    public SourceInstitution source() {
        return source;
    }

    /** The repositories (repositoryUniqueId / Retrieve Location UID) that may be addressed; WADO-RS needs none. */
    public Set<String> repositories() {
        return repositories;
    }

    public String dataCategory() {
        return dataCategory;
    }

    /** What the gate allowed retrieval on: a Mitz Permit (or localisation), or the TLB temporary consent. */
    public ConsentBasis basis() {
        return basis;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True once the gate has withdrawn the permit before its expiry. */
    public boolean revoked() {
        return revoked.getAsBoolean();
    }

    /**
     * Fails unless this permit is still valid and covers the request about to be sent: the patient, the institution
     * the caller retrieves for, the community addressed and the repository addressed.
     *
     * @param holder             the institution whose data the request asks for, as the timeline or manifest says
     * @param repositoryUniqueId the repository the request addresses; null for WADO-RS, which has none
     * @throws ConsentDeniedException otherwise (neutral message)
     */
    public void check(Bsn requestedPatient, SourceInstitution holder, String homeCommunityId, String repositoryUniqueId,
                      Instant now) throws ConsentDeniedException {
        if (revoked.getAsBoolean()) {
            throw new ConsentDeniedException("permit revoked");
        }
        if (!now.isBefore(expiresAt)) {
            throw new ConsentDeniedException("permit expired at " + expiresAt);
        }
        if (!patient.equals(requestedPatient)) {
            throw new ConsentDeniedException("permit is for another patient");
        }
        if (source.ura().isEmpty() || !source.ura().equals(holder.ura())
                || !source.homeCommunityId().equals(holder.homeCommunityId())) {
            throw new ConsentDeniedException("permit is for institution " + source.ura() + ", not " + holder.ura());
        }
        if (!source.homeCommunityId().equals(homeCommunityId)) {
            throw new ConsentDeniedException("permit is for community " + source.homeCommunityId() + ", not "
                    + homeCommunityId);
        }
        if (repositoryUniqueId != null && !repositories.contains(repositoryUniqueId)) {
            throw new ConsentDeniedException("permit does not cover repository " + repositoryUniqueId);
        }
    }

    @Override
    public String toString() {
        return "RetrievalPermit[" + patient.masked() + " @ " + source.name() + " (" + source.ura() + ") "
                + repositories + " until " + expiresAt + "]";
    }
}
