package nl.duoviewer.app.launch;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Name, birth date and gender of the patient as the launching system gave them; each may be unknown. The BSN alone
 * identifies the patient; these are shown so the user can confirm it is the right person.
 */
public record PatientDemographics(String name, LocalDate birthDate, Gender gender) {

    /** Administrative gender as the launcher recorded it. */
    public enum Gender {
        MALE, FEMALE, OTHER, UNKNOWN
    }

    private static final PatientDemographics UNKNOWN = new PatientDemographics(null, null, Gender.UNKNOWN);

    public PatientDemographics {
        name = name == null || name.isBlank() ? null : name.strip();
        gender = gender == null ? Gender.UNKNOWN : gender;
    }

    /** Name and birth date, gender unknown. */
    public PatientDemographics(String name, LocalDate birthDate) {
        this(name, birthDate, Gender.UNKNOWN);
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
