package nl.duoviewer.xca.consent;

/** Names used on the wire by the Mitz open (XCPD ITI-56) and closed (XACML 3.0 over SAML) questions. */
public final class MitzProtocol {

    public static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    public static final String XCPD_NS = "urn:ihe:iti:xcpd:2009";
    public static final String SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String XACML_SAMLP_NS = "urn:oasis:names:tc:xacml:3.0:profile:saml2.0:v2:schema:protocol:wd-14";
    public static final String XACML_SAML_NS = "urn:oasis:names:tc:xacml:3.0:profile:saml2.0:v2:schema:assertion:wd-14";
    public static final String XACML_NS = "urn:oasis:names:tc:xacml:3.0:core:schema:wd-17";

    public static final String OPEN_ACTION = "urn:ihe:iti:2009:PatientLocationQuery";
    public static final String OPEN_RESPONSE_ACTION = "urn:ihe:iti:2009:PatientLocationQueryResponse";
    public static final String CLOSED_ACTION = "XACMLAuthorizationDecisionQueryRequest";
    public static final String CLOSED_RESPONSE_ACTION = "http://schemas.otv.nl/toestemmingsregister/"
            + "XACMLAuthzDecisionQuery/IGeslotenAutorisatievraagService/XACMLAuthzDecisionQueryResponse";

    public static final String CATEGORY_RESOURCE = "urn:oasis:names:tc:xacml:3.0:attribute-category:resource";
    public static final String CATEGORY_ACTION = "urn:oasis:names:tc:xacml:3.0:attribute-category:action";
    public static final String CATEGORY_SUBJECT = "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject";
    public static final String CATEGORY_ENVIRONMENT = "urn:oasis:names:tc:xacml:3.0:attribute-category:environment";

    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String HOLDER_FACILITY_TYPE = "urn:ihe:iti:appc:2016:document-entry:healthcare-facility-type-code";
    public static final String HOLDER_INSTITUTION = "urn:ihe:iti:appc:2016:author-institution:id";
    public static final String EVENT_CODE = "urn:ihe:iti:appc:2016:document-entry:event-code";
    public static final String SUBJECT_ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String SUBJECT_PROVIDER = "urn:ihe:iti:xua:2017:subject:provider-identifier";
    public static final String SUBJECT_INSTITUTION = "urn:nl:otv:names:tc:1.0:subject:provider-institution";
    public static final String SUBJECT_FACILITY_TYPE =
            "urn:nl:otv:names:tc:1.0:subject:consulting-healthcare-facility-type-code";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";

    public static final String TYPE_II = "urn:hl7-org:v3#II";
    public static final String TYPE_CV = "urn:hl7-org:v3#CV";
    /** OID of the Mitz data categories (OTV gegevenscategorie). */
    public static final String DATA_CATEGORY_SYSTEM = "2.16.840.1.113883.2.4.3.111.5.10.1";
    /** assigningAuthorityName Mitz expects on the BSN. */
    public static final String BSN_AUTHORITY_NAME = "NLMINBIZA";

    private MitzProtocol() {
    }
}
