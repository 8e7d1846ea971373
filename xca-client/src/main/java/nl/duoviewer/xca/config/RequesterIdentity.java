package nl.duoviewer.xca.config;

import java.util.Objects;

import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;

/**
 * Who asks: the configured organisation and the person at the keyboard, on whose behalf every request is sent.
 * Carried in the SAML assertion and in the Mitz closed question.
 *
 * @param organisation the requesting organisation (from the configuration)
 * @param user         the person (from the UZI-pas, the EHR launch, or the demo user)
 */
public record RequesterIdentity(OrganisationIdentity organisation, UserIdentity user) {

    /** OID of URA numbers (organisations), assigned by CIBG. */
    public static final String URA_OID = "2.16.528.1.1007.3.3";
    /** OID of UZI numbers, assigned by CIBG. */
    public static final String UZI_OID = "2.16.528.1.1007.3.1";
    /** assigningAuthorityName of URA and UZI numbers. */
    public static final String UZI_AUTHORITY = "CIBG";
    /** Code system of UZI role codes (RoleCodeNL). */
    public static final String ROLE_CODE_SYSTEM = "2.16.840.1.113883.2.4.15.111";
    /** Name of the role code system. */
    public static final String ROLE_CODE_SYSTEM_NAME = "RoleCodeNL";
    /** Code system of purpose of use. */
    public static final String PURPOSE_OF_USE_SYSTEM = "2.16.840.1.113883.1.11.20448";
    /** Code system of organisation types. */
    public static final String ORGANISATION_TYPE_SYSTEM = "2.16.840.1.113883.2.4.15.1060";

    public RequesterIdentity {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(user, "user");
    }

    public String ura() {
        return organisation.ura();
    }

    public String uziNumber() {
        return user.uziNumber();
    }

    public String roleCode() {
        return user.roleCode();
    }

    public String purposeOfUse() {
        return organisation.purposeOfUse();
    }

    public String organisationName() {
        return organisation.organisationName();
    }

    public String facilityTypeCode() {
        return organisation.facilityTypeCode();
    }

    /** How the person was identified. */
    public IdentitySource source() {
        return user.source();
    }

    /** The organisation as SAML Issuer: {@code urn:oid:2.16.528.1.1007.3.3.<URA>}. */
    public String issuerUri() {
        return organisation.issuerUri();
    }
}
