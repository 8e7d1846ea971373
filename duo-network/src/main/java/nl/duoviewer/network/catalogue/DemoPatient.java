package nl.duoviewer.network.catalogue;

import java.time.LocalDate;
import java.util.List;

import nl.duoviewer.core.patient.Bsn;

/**
 * A generated patient with a study history spread over the networks.
 *
 * @param bsn        valid (11-check) test BSN
 * @param givenName  Dutch given name
 * @param familyName Dutch family name (with prefix, e.g. "de Vries")
 * @param birthDate  date of birth
 * @param sex        M or F
 * @param studies    studies, oldest first
 */
public record DemoPatient(Bsn bsn, String givenName, String familyName, LocalDate birthDate, String sex,
                          List<DemoStudy> studies) {

    public DemoPatient {
        studies = List.copyOf(studies);
    }

    public String displayName() {
        return givenName + " " + familyName;
    }
}
