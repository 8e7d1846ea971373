package nl.duoviewer.app.launch;

import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.core.patient.Bsn;

/**
 * The patient (and optionally the study) the viewer is asked to show, whatever route the request came by: command
 * line, {@code duoviewer://} link, IHE Invoke Image Display, SMART on FHIR, or the toolbar. Every route produces this one type, and
 * the workspace treats them all alike.
 *
 * @param patient        the validated BSN
 * @param demographics   name and birth date when the launcher sent them
 * @param source         the route the context came by
 * @param focusStudyUid  Study Instance UID to open as soon as it appears on the timeline; null for a patient launch
 */
public record LaunchContext(Bsn patient, PatientDemographics demographics, LaunchSource source,
                            String focusStudyUid) implements LaunchRequest {

    public LaunchContext {
        Objects.requireNonNull(patient, "patient");
        demographics = demographics == null ? PatientDemographics.unknown() : demographics;
        Objects.requireNonNull(source, "source");
        focusStudyUid = focusStudyUid == null || focusStudyUid.isBlank() ? null : focusStudyUid.strip();
    }

    /** A patient-level context with no demographics. */
    public static LaunchContext of(Bsn patient, LaunchSource source) {
        return new LaunchContext(patient, PatientDemographics.unknown(), source, null);
    }

    public Optional<String> focusStudy() {
        return Optional.ofNullable(focusStudyUid);
    }
}
