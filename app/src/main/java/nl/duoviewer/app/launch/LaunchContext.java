package nl.duoviewer.app.launch;

import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;

/**
 * The patient (and optionally the study) the viewer is asked to show, whatever route the request came by: command
 * line, {@code duoviewer://} link, IHE Invoke Image Display, SMART on FHIR, or the toolbar. Every route produces
 * this one type, and the workspace treats them all alike.
 *
 * @param patient        the validated BSN
 * @param demographics   name and birth date when the launcher sent them
 * @param source         the route the context came by
 * @param focusStudyUid  Study Instance UID to open as soon as it appears on the timeline; null for a patient launch
 * @param user           the user the launching EHR names (SMART {@code fhirUser}); null when the launch names nobody.
 *                       Used only where the deployment trusts the EHR (identity source {@code EHR_LAUNCH}).
 */
public record LaunchContext(Bsn patient, PatientDemographics demographics, LaunchSource source,
                            String focusStudyUid, UserIdentity user) implements LaunchRequest {

    public LaunchContext {
        Objects.requireNonNull(patient, "patient");
        demographics = demographics == null ? PatientDemographics.unknown() : demographics;
        Objects.requireNonNull(source, "source");
        focusStudyUid = focusStudyUid == null || focusStudyUid.isBlank() ? null : focusStudyUid.strip();
        if (user != null && user.source() != IdentitySource.EHR_LAUNCH) {
            throw new IllegalArgumentException("a launch context can only carry a user the EHR asserts");
        }
    }

    /** A context that names no user. */
    public LaunchContext(Bsn patient, PatientDemographics demographics, LaunchSource source, String focusStudyUid) {
        this(patient, demographics, source, focusStudyUid, null);
    }

    /** The user the launching EHR names, if any. */
    public Optional<UserIdentity> launchUser() {
        return Optional.ofNullable(user);
    }

    /** A patient-level context with no demographics. */
    public static LaunchContext of(Bsn patient, LaunchSource source) {
        return new LaunchContext(patient, PatientDemographics.unknown(), source, null);
    }

    public Optional<String> focusStudy() {
        return Optional.ofNullable(focusStudyUid);
    }
}
