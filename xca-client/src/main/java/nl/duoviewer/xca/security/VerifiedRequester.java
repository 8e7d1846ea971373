package nl.duoviewer.xca.security;

import java.time.Instant;

/**
 * The requester as stated in an assertion whose signature, validity and audience were checked.
 *
 * @param issuer       SAML Issuer (organisation URI)
 * @param uziNumber    provider identifier
 * @param roleCode     UZI role code
 * @param ura          provider institution
 * @param purposeOfUse purpose of use code
 * @param authnContext how the user was authenticated (SAML AuthnContextClassRef)
 * @param notOnOrAfter end of validity
 */
public record VerifiedRequester(String issuer, String uziNumber, String roleCode, String ura, String purposeOfUse,
                                String authnContext, Instant notOnOrAfter) {
}
