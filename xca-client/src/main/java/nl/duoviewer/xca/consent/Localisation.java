package nl.duoviewer.xca.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * The Mitz open answer for one patient: where data may be retrieved. An institution is covered only when Mitz
 * named both its community and its URA.
 */
public record Localisation(Bsn patient, List<PatientLocation> locations, Instant askedAt) {

    public Localisation {
        locations = List.copyOf(locations);
    }

    /** Communities (homeCommunityIds) to query. */
    public Set<String> communities() {
        return locations.stream().map(PatientLocation::homeCommunityId).collect(Collectors.toUnmodifiableSet());
    }

    /** The location entry that covers this institution, if any. */
    public Optional<PatientLocation> covering(SourceInstitution source) {
        if (source.ura().isEmpty()) {
            return Optional.empty();
        }
        return locations.stream()
                .filter(l -> l.homeCommunityId().equals(source.homeCommunityId()))
                .filter(l -> l.institutionUra().equals(source.ura()))
                .findFirst();
    }

    public boolean covers(SourceInstitution source) {
        return covering(source).isPresent();
    }
}
