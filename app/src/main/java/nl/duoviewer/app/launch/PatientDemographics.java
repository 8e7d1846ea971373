package nl.duoviewer.app.launch;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Name and birth date of the patient as the launching system gave them; either may be unknown. The BSN alone
 * identifies the patient; these are shown so the user can confirm it is the right person.
 */
public record PatientDemographics(String name, LocalDate birthDate) {

    private static final PatientDemographics UNKNOWN = new PatientDemographics(null, null);

    public PatientDemographics {
        name = name == null || name.isBlank() ? null : name.strip();
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
