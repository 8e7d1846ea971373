package nl.duoviewer.launch.smart;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.core.patient.Bsn;

/**
 * The patient of a SMART launch as the EHR's FHIR server has them: the BSN (validated, exactly one) and the
 * demographics the banner shows so the user can confirm it is the right person.
 *
 * @param bsn       the one BSN of the Patient resource
 * @param name      display name; null when the resource has none
 * @param birthDate birth date; null when absent or only partly known
 * @param gender    administrative gender
 * @param fhirId    logical id of the Patient at the EHR
 */
public record LaunchedPatient(Bsn bsn, String name, LocalDate birthDate, Gender gender, String fhirId) {

    /** FHIR administrative gender. */
    public enum Gender {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    public LaunchedPatient {
        Objects.requireNonNull(bsn, "bsn");
        gender = gender == null ? Gender.UNKNOWN : gender;
    }

    public Optional<String> nameIfKnown() {
        return Optional.ofNullable(name);
    }

    public Optional<LocalDate> birthDateIfKnown() {
        return Optional.ofNullable(birthDate);
    }
}
