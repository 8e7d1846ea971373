package nl.duoviewer.xca.config;

import java.util.Objects;

/**
 * The requesting organisation, as the deployment configures it: the part of the requester that is the same for
 * every user of this installation. The person is not configured: see {@link nl.duoviewer.xca.identity.UserIdentity}.
 *
 * @param ura              URA number of the organisation
 * @param organisationName display name
 * @param facilityTypeCode organisation type (e.g. {@code V4} ziekenhuis); empty when unknown
 * @param purposeOfUse     {@code TREAT} or {@code COC}
 */
public record OrganisationIdentity(String ura, String organisationName, String facilityTypeCode,
                                   String purposeOfUse) {

    public OrganisationIdentity {
        Objects.requireNonNull(ura, "ura");
        organisationName = organisationName == null ? "" : organisationName;
        facilityTypeCode = facilityTypeCode == null ? "" : facilityTypeCode;
        Objects.requireNonNull(purposeOfUse, "purposeOfUse");
    }

    /** The organisation as SAML Issuer: {@code urn:oid:2.16.528.1.1007.3.3.<URA>}. */
    public String issuerUri() {
        return "urn:oid:" + RequesterIdentity.URA_OID + "." + ura;
    }
}
