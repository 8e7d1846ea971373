package nl.duoviewer.audit.event;

import java.util.Objects;

/**
 * Who acted: the care provider (UZI number and role) on behalf of an organisation (URA). The workstation is the
 * audit trail's own (its host name), not part of the person.
 *
 * @param uziNumber        UZI number of the person
 * @param roleCode         UZI role code (RoleCodeNL), e.g. {@code 01.015}
 * @param ura              URA of the organisation
 * @param organisationName display name of the organisation; may be empty
 * @param purposeOfUse     {@code TREAT} or {@code COC}; may be empty
 */
public record Requester(String uziNumber, String roleCode, String ura, String organisationName,
                        String purposeOfUse) {

    /** OID of UZI numbers. */
    public static final String UZI_OID = "2.16.528.1.1007.3.1";
    /** OID of URA numbers. */
    public static final String URA_OID = "2.16.528.1.1007.3.3";
    /** Code system of UZI role codes (RoleCodeNL). */
    public static final String ROLE_CODE_SYSTEM = "2.16.840.1.113883.2.4.15.111";
    /** Code system of purpose of use. */
    public static final String PURPOSE_OF_USE_SYSTEM = "2.16.840.1.113883.1.11.20448";

    /** Stands in when an event happens before the configuration says who is working (never in a full session). */
    public static final Requester UNKNOWN = new Requester("UNKNOWN", "UNKNOWN", "UNKNOWN", "", "");

    public Requester {
        Objects.requireNonNull(uziNumber, "uziNumber");
        Objects.requireNonNull(roleCode, "roleCode");
        Objects.requireNonNull(ura, "ura");
        organisationName = organisationName == null ? "" : organisationName;
        purposeOfUse = purposeOfUse == null ? "" : purposeOfUse;
    }

    /** The person as an ISO CX identifier, {@code <UZI>^^^&2.16.528.1.1007.3.1&ISO}. */
    public String uziCx() {
        return uziNumber + "^^^&" + UZI_OID + "&ISO";
    }
}
