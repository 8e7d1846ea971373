package nl.duoviewer.xca.config;

import java.util.Objects;

/**
 * Who asks: the care provider and organisation on whose behalf every request is sent. Carried in the SAML assertion
 * and in the Mitz closed question.
 *
 * @param ura              URA number of the requesting organisation
 * @param uziNumber        UZI number of the requesting person
 * @param roleCode         UZI role code (RoleCodeNL), e.g. {@code 01.015}
 * @param purposeOfUse     {@code TREAT} or {@code COC}
 * @param organisationName display name of the requesting organisation
 * @param facilityTypeCode organisation type of the requester (e.g. {@code V4} ziekenhuis)
 */
public record RequesterIdentity(String ura, String uziNumber, String roleCode, String purposeOfUse,
                                String organisationName, String facilityTypeCode) {

    /** OID of UZI numbers. */
    public static final String UZI_OID = "2.16.528.1.1007.3.1";
    /** Code system of UZI role codes (RoleCodeNL). */
    public static final String ROLE_CODE_SYSTEM = "2.16.840.1.113883.2.4.15.111";
    /** Code system of purpose of use. */
    public static final String PURPOSE_OF_USE_SYSTEM = "2.16.840.1.113883.1.11.20448";
    /** Code system of organisation types. */
    public static final String ORGANISATION_TYPE_SYSTEM = "2.16.840.1.113883.2.4.15.1060";

    public RequesterIdentity {
        Objects.requireNonNull(ura, "ura");
        Objects.requireNonNull(uziNumber, "uziNumber");
        Objects.requireNonNull(roleCode, "roleCode");
        Objects.requireNonNull(purposeOfUse, "purposeOfUse");
        organisationName = organisationName == null ? "" : organisationName;
        facilityTypeCode = facilityTypeCode == null ? "" : facilityTypeCode;
    }

    /** The organisation as SAML Issuer: {@code urn:oid:2.16.528.1.1007.3.3.<URA>}. */
    public String issuerUri() {
        return "urn:oid:2.16.528.1.1007.3.3." + ura;
    }
}
