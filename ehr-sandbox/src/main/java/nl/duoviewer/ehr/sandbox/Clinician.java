package nl.duoviewer.ehr.sandbox;

import java.util.Objects;

/**
 * A user of the sandbox EHR: the person signed in when a launch starts. Their UZI number and UZI role code
 * (RoleCodeNL) are what a viewer that trusts the EHR for the requester identity reads from the FHIR server.
 *
 * @param id         logical id of the Practitioner resource
 * @param name       display name
 * @param uziNumber  UZI number (person); null for a user the EHR knows no UZI number of
 * @param roleCode   UZI role code, e.g. {@code 01.039} (radioloog); null for a user without a PractitionerRole
 * @param roleName   display of the role code
 */
public record Clinician(String id, String name, String uziNumber, String roleCode, String roleName) {

    /** Radiologist with UZI number and role: the demo's default user. */
    public static final Clinician RADIOLOGIST = new Clinician("prac-radioloog", "dr. A. (Anne) Jansen",
            "900023456", "01.039", "Radioloog");
    /** Physician with UZI number and role. */
    public static final Clinician PHYSICIAN = new Clinician("prac-arts", "dr. B. (Bram) de Boer", "900034567",
            "01.000", "Arts");
    /** A user without a PractitionerRole: the EHR cannot vouch for a role. */
    public static final Clinician WITHOUT_ROLE = new Clinician("prac-zonder-rol", "C. (Chris) Visser",
            "900045678", null, null);

    public Clinician {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
