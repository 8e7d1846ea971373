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
 * @param studies    studies whose images are shared (a KOS manifest is registered), oldest first
 * @param reportOnly studies whose images were not shared: only their report is registered, so it appears on the
 *                   timeline without images
 */
public record DemoPatient(Bsn bsn, String givenName, String familyName, LocalDate birthDate, String sex,
                          List<DemoStudy> studies, List<DemoStudy> reportOnly) {

    public DemoPatient {
        studies = List.copyOf(studies);
        reportOnly = List.copyOf(reportOnly);
    }

    public String displayName() {
        return givenName + " " + familyName;
    }
}
