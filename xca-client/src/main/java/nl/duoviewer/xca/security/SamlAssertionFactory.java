package nl.duoviewer.xca.security;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.xca.config.RequesterIdentity;

/**
 * Builds the requester's SAML 2.0 assertion (XUA attributes per Twiin / Mitz) with plain DOM and signs it with the
 * organisation key: XML-DSig enveloped, exclusive c14n, RSA-SHA256, the certificate in KeyInfo.
 *
 * <p>Attribute values are typed HL7v3 data types as the public Mitz clients write them (Bastion's mitz-connector
 * {@code assertion.js}): {@code II} with {@code assigningAuthorityName="CIBG"} for UZI and URA numbers, {@code CE} for
 * role and purpose of use (with code system, code system name and display name where known), {@code CV} for the
 * organisation type. The AuthnContext says how the person was identified (UZI-pas, EHR, demo), not more.
 */
public final class SamlAssertionFactory {

    /** Validity of one assertion (Twiin: 10 minutes). */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private final OrganisationCredentials credentials;
    private final RequesterIdentity requester;
    private final String issuer;
    private final Clock clock;

    public SamlAssertionFactory(OrganisationCredentials credentials, RequesterIdentity requester, String issuer,
                                Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RequesterIdentity requester() {
        return requester;
    }

    /** A signed assertion for one audience, as the root of its own document. */
    public Element create(String audience) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Document doc = SecureXml.newDocument();
        Element a = doc.createElementNS(Saml.NS, "saml2:Assertion");
        a.setAttributeNS(Saml.XMLNS_NS, "xmlns:saml2", Saml.NS);
        // declared as attributes, not only implied by the elements' namespaces: canonicalisation sees attributes,
        // and the receiver's parser will have them, so the digest must be computed with them
        a.setAttributeNS(Saml.XMLNS_NS, "xmlns:xsi", Saml.XSI_NS);
        String id = "_" + UUID.randomUUID();
        a.setAttribute("ID", id);
        a.setAttribute("IssueInstant", now.toString());
        a.setAttribute("Version", "2.0");
        doc.appendChild(a);

        add(a, "Issuer").setTextContent(issuer);

        Element subject = add(a, "Subject");
        Element nameId = add(subject, "NameID");
        nameId.setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        nameId.setTextContent(requester.uziNumber());
        Element confirmation = add(subject, "SubjectConfirmation");
        confirmation.setAttribute("Method", Saml.BEARER);

        Element conditions = add(a, "Conditions");
        conditions.setAttribute("NotBefore", now.minusSeconds(30).toString());
        conditions.setAttribute("NotOnOrAfter", now.plus(VALIDITY).toString());
        add(add(conditions, "AudienceRestriction"), "Audience").setTextContent(audience);

        Element authn = add(a, "AuthnStatement");
        authn.setAttribute("AuthnInstant", now.toString());
        add(add(authn, "AuthnContext"), "AuthnContextClassRef")
                .setTextContent(requester.source().authnContextClass());

        Element attributes = add(a, "AttributeStatement");
        ii(attribute(attributes, Saml.ATTR_PROVIDER_IDENTIFIER), RequesterIdentity.UZI_OID, requester.uziNumber());
        typed(attribute(attributes, Saml.ATTR_ROLE), "Role", "CE", requester.roleCode(),
                RequesterIdentity.ROLE_CODE_SYSTEM, RequesterIdentity.ROLE_CODE_SYSTEM_NAME,
                Hl7Codes.role(requester.roleCode()));
        ii(attribute(attributes, Saml.ATTR_PROVIDER_INSTITUTION), RequesterIdentity.URA_OID, requester.ura());
        if (!requester.facilityTypeCode().isEmpty()) {
            typed(attribute(attributes, Saml.ATTR_FACILITY_TYPE), "consulting-facility-type-code", "CV",
                    requester.facilityTypeCode(), RequesterIdentity.ORGANISATION_TYPE_SYSTEM, null,
                    Hl7Codes.organisationType(requester.facilityTypeCode()));
        }
        typed(attribute(attributes, Saml.ATTR_PURPOSE_OF_USE), "PurposeOfUse", "CE", requester.purposeOfUse(),
                RequesterIdentity.PURPOSE_OF_USE_SYSTEM, null, Hl7Codes.purposeOfUse(requester.purposeOfUse()));

        sign(a, id, subject);
        return a;
    }

    private static Element add(Element parent, String local) {
        Element e = parent.getOwnerDocument().createElementNS(Saml.NS, "saml2:" + local);
        parent.appendChild(e);
        return e;
    }

    private static Element attribute(Element statement, String name) {
        Element attr = add(statement, "Attribute");
        attr.setAttribute("Name", name);
        attr.setAttribute("NameFormat", Saml.URI_NAME_FORMAT);
        return add(attr, "AttributeValue");
    }

    /** An HL7v3 value element in the default namespace {@code urn:hl7-org:v3} with its {@code xsi:type}. */
    private static Element hl7(Element value, String local, String type) {
        Element e = value.getOwnerDocument().createElementNS(Saml.HL7_NS, local);
        e.setAttributeNS(Saml.XMLNS_NS, "xmlns", Saml.HL7_NS);
        e.setAttributeNS(Saml.XSI_NS, "xsi:type", type);
        value.appendChild(e);
        return e;
    }

    /** A UZI or URA number: {@code II} assigned by CIBG. */
    private static void ii(Element value, String root, String extension) {
        Element ii = hl7(value, "id", "II");
        ii.setAttribute("root", root);
        ii.setAttribute("extension", extension);
        ii.setAttribute("assigningAuthorityName", RequesterIdentity.UZI_AUTHORITY);
    }

    private static void typed(Element value, String local, String type, String code, String system,
                              String systemName, String displayName) {
        Element c = hl7(value, local, type);
        c.setAttribute("code", code);
        c.setAttribute("codeSystem", system);
        if (systemName != null) {
            c.setAttribute("codeSystemName", systemName);
        }
        if (displayName != null) {
            c.setAttribute("displayName", displayName);
        }
    }

    private void sign(Element assertion, String id, Element before) {
        try {
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            Reference ref = fac.newReference("#" + id, fac.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo si = fac.newSignedInfo(
                    fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
            KeyInfoFactory kif = fac.getKeyInfoFactory();
            KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.of(credentials.certificate()))));
            assertion.setIdAttribute("ID", true);
            DOMSignContext ctx = new DOMSignContext(credentials.privateKey(), assertion, before);
            ctx.setDefaultNamespacePrefix("ds");
            fac.newXMLSignature(si, ki).sign(ctx);
        } catch (InvalidAlgorithmParameterException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("Cannot sign the SAML assertion: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing algorithm unavailable: " + e.getMessage(), e);
        }
    }
}
