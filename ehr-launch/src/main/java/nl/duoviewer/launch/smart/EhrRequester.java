package nl.duoviewer.launch.smart;

import java.util.Objects;

/**
 * The requester identity the EHR vouches for, produced only when the deployment sets
 * {@code duo.launch.smart.trustEhrIdentity=true}: the signed-in user's UZI number (Practitioner.identifier with
 * system {@value #UZI_SYSTEM}) and UZI role code (RoleCodeNL, from their PractitionerRole). This is the hand-off to the
 * identity model: it becomes the person in the SAML assertion (provider-identifier and role); organisation, URA and
 * purpose of use stay the deployment's.
 *
 * @param uziNumber the UZI number (person)
 * @param roleCode  the UZI role code, e.g. {@code 01.039}
 * @param user      who the EHR says is signed in
 */
public record EhrRequester(String uziNumber, String roleCode, EhrUser user) {

    /** Nictiz naming system of the UZI number of a person. */
    public static final String UZI_SYSTEM = "http://fhir.nl/fhir/NamingSystem/uzi-nr-pers";

    public EhrRequester {
        Objects.requireNonNull(user, "user");
        if (uziNumber == null || !uziNumber.matches("\\d{9}")) {
            throw new IllegalArgumentException("a UZI number has 9 digits");
        }
        if (roleCode == null || !roleCode.matches("\\d{2}\\.\\d{3}")) {
            throw new IllegalArgumentException("a UZI role code looks like 01.039");
        }
    }
}
