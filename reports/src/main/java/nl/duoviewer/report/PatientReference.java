package nl.duoviewer.report;

import java.util.Objects;

/**
 * Whom a report says it is about, for the check that it belongs to the patient on screen. PDF and plain text carry no
 * structured patient, so for them the registry metadata (checked on the timeline and at retrieval) is all there is;
 * CDA and DICOM SR name the patient, and a report that names another one, or none, is not shown.
 */
public sealed interface PatientReference {

    /** True when the report may be shown for the patient with this identifier (a BSN). */
    boolean matches(String patientId);

    /** The format has no structured patient identification. */
    record NotStated() implements PatientReference {
        @Override
        public boolean matches(String patientId) {
            return true;
        }
    }

    /**
     * The document names a patient.
     *
     * @param id the identifier as written (for CDA: the BSN-rooted id's extension); empty when the document names
     *           the patient by no identifier the viewer can compare
     */
    record Stated(String id) implements PatientReference {
        public Stated {
            id = id == null ? "" : id.strip();
        }

        @Override
        public boolean matches(String patientId) {
            return !id.isEmpty() && id.equals(Objects.requireNonNull(patientId));
        }
    }
}
