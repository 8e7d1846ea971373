package nl.duoviewer.xca.security;

/** Namespaces and attribute names of the XUA / Mitz SAML assertion (Twiin 10.4.5, Mitz OTV). */
public final class Saml {

    public static final String NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String HL7_NS = "urn:hl7-org:v3";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    public static final String ATTR_PROVIDER_IDENTIFIER = "urn:ihe:iti:xua:2017:subject:provider-identifier";
    public static final String ATTR_ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String ATTR_PROVIDER_INSTITUTION = "urn:nl:otv:names:tc:1.0:subject:provider-institution";
    public static final String ATTR_PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String ATTR_FACILITY_TYPE =
            "urn:nl:otv:names:tc:1.0:subject:consulting-healthcare-facility-type-code";

    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String URI_NAME_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";

    private Saml() {
    }
}
