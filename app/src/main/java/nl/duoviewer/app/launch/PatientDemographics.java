package nl.duoviewer.app.launch;

import java.time.LocalDate;
import java.util.Optional;

import nl.duoviewer.core.patient.Sex;

/**
 * Name, birth date and administrative sex of the patient as the launching system gave them; each may be unknown. The
 * BSN alone identifies the patient; these are shown so the user can confirm it is the right person.
 *
 * @param sex null when the launch did not say
 */
public record PatientDemographics(String name, LocalDate birthDate, Sex sex) {

    private static final PatientDemographics UNKNOWN = new PatientDemographics(null, null, null);

    public PatientDemographics {
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** Name and birth date, sex not given. */
    public PatientDemographics(String name, LocalDate birthDate) {
        this(name, birthDate, null);
    }

    public Optional<Sex> sexIfKnown() {
        return Optional.ofNullable(sex);
    }

    public static PatientDemographics unknown() {
        return UNKNOWN;
    }

    public Optional<String> nameIfKnown() {
        return Optional.ofNullable(name);
    }

    public Optional<LocalDate> birthDateIfKnown() {
        return Optional.ofNullable(birthDate);
    }
}
