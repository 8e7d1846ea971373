package nl.duoviewer.core.patient;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What one source's registry says about the patient of a document (XDS sourcePatientInfo: PID-3 identifiers, PID-5
 * name, PID-7 birth date, PID-8 sex). Any part may be missing. Used only to show who the patient is when the launch
 * did not say; the BSN alone identifies the patient.
 *
 * @param bsn        the BSN among the source's identifiers for the patient (PID-3, or the entry's sourcePatientId),
 *                   null when it named none
 * @param familyName family name as registered, prefixes included (e.g. "de Vries"), null when absent
 * @param givenName  given name, null when absent
 * @param birthDate  date of birth, null when absent or unreadable
 * @param sex        administrative sex, null when absent
 */
public record SourcePatientInfo(Bsn bsn, String familyName, String givenName, LocalDate birthDate, Sex sex) {

    public SourcePatientInfo {
        familyName = blankToNull(familyName);
        givenName = blankToNull(givenName);
    }

    /** The name as the banner shows it ("Jan de Vries"), null when the source sent no family name. */
    public String displayName() {
        if (familyName == null) {
            return null;
        }
        return givenName == null ? familyName : givenName + " " + familyName;
    }

    /** The name for comparing sources: case and spacing do not make two names differ. */
    String comparableName() {
        String n = displayName();
        return n == null ? null : n.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
    }
}
