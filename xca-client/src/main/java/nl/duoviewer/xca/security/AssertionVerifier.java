package nl.duoviewer.xca.security;

import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a requester's SAML assertion the way a responding gateway or Mitz must: the enveloped signature covers the
 * whole assertion and was made with a trusted certificate; the assertion is within its validity window and names
 * the expected audience; the required XUA attributes are present.
 */
public final class AssertionVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Set<X509Certificate> trusted;
    private final String audience;
    private final Clock clock;

    public AssertionVerifier(Set<X509Certificate> trusted, String audience, Clock clock) {
        this.trusted = Set.copyOf(trusted);
        this.audience = audience;
        this.clock = clock;
    }

    /** Finds the assertion in a wsse:Security header element and verifies it. */
    public VerifiedRequester verifySecurityHeader(Element security) throws AssertionRejectedException {
        if (security == null) {
            throw new AssertionRejectedException("No WS-Security header");
        }
        Element assertion = SecureXml.child(security, Saml.NS, "Assertion");
        if (assertion == null) {
            throw new AssertionRejectedException("No SAML assertion in the WS-Security header");
        }
        return verify(assertion);
    }

    /** Verifies one assertion element (it may sit inside a larger document). */
    public VerifiedRequester verify(Element assertion) throws AssertionRejectedException {
        if (!Saml.NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw new AssertionRejectedException("Not a SAML 2.0 assertion");
        }
        String id = assertion.getAttribute("ID");
        if (id.isEmpty()) {
            throw new AssertionRejectedException("Assertion has no ID");
        }
        Element sig = SecureXml.child(assertion, Saml.DSIG_NS, "Signature");
        if (sig == null) {
            throw new AssertionRejectedException("Assertion is not signed");
        }
        checkSignature(assertion, id, sig);
        checkConditions(assertion);
        Element statement = SecureXml.child(assertion, Saml.NS, "AttributeStatement");
        if (statement == null) {
            throw new AssertionRejectedException("Assertion has no attributes");
        }
        String uzi = attr(statement, Saml.ATTR_PROVIDER_IDENTIFIER, "extension");
        String role = attr(statement, Saml.ATTR_ROLE, "code");
        String ura = attr(statement, Saml.ATTR_PROVIDER_INSTITUTION, "extension");
        String pou = attr(statement, Saml.ATTR_PURPOSE_OF_USE, "code");
        Element conditions = SecureXml.child(assertion, Saml.NS, "Conditions");
        Element authn = SecureXml.child(assertion, Saml.NS, "AuthnStatement");
        String authnContext = authn == null ? "" : SecureXml.text(authn, Saml.NS, "AuthnContextClassRef");
        if (authnContext.isEmpty()) {
            throw new AssertionRejectedException("Assertion does not say how the user was authenticated");
        }
        return new VerifiedRequester(SecureXml.text(assertion, Saml.NS, "Issuer"), uzi, role, ura, pou,
                authnContext, Instant.parse(conditions.getAttribute("NotOnOrAfter")));
    }

    private void checkSignature(Element assertion, String id, Element sig) throws AssertionRejectedException {
        try {
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext ctx = new DOMValidateContext(new TrustedKeySelector(), sig);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            ctx.setIdAttributeNS(assertion, null, "ID");
            XMLSignature signature = fac.unmarshalXMLSignature(ctx);
            List<?> refs = signature.getSignedInfo().getReferences();
            // exactly one reference, to this very assertion: guards against signature wrapping
            if (refs.size() != 1 || !("#" + id).equals(((Reference) refs.getFirst()).getURI())) {
                throw new AssertionRejectedException("Signature does not cover the assertion");
            }
            Reference ref = (Reference) refs.getFirst();
            for (Object t : ref.getTransforms()) {
                String alg = ((Transform) t).getAlgorithm();
                if (!Transform.ENVELOPED.equals(alg) && !CanonicalizationMethod.EXCLUSIVE.equals(alg)) {
                    throw new AssertionRejectedException("Unexpected signature transform " + alg);
                }
            }
            if (!SignatureMethod.RSA_SHA256.equals(signature.getSignedInfo().getSignatureMethod().getAlgorithm())) {
                throw new AssertionRejectedException("Signature algorithm must be RSA-SHA256");
            }
            Node idOwner = assertion.getOwnerDocument().getElementById(id);
            if (idOwner != null && idOwner != assertion) {
                throw new AssertionRejectedException("Duplicate assertion ID");
            }
            if (!signature.validate(ctx)) {
                throw new AssertionRejectedException("Assertion signature is invalid (tampered)");
            }
        } catch (MarshalException e) {
            throw new AssertionRejectedException("Malformed signature: " + e.getMessage(), e);
        } catch (XMLSignatureException e) {
            Throwable cause = e.getCause() instanceof KeySelectorException ks ? ks : e;
            throw new AssertionRejectedException("Signature not verifiable: " + cause.getMessage(), e);
        }
    }

    private void checkConditions(Element assertion) throws AssertionRejectedException {
        Element conditions = SecureXml.child(assertion, Saml.NS, "Conditions");
        if (conditions == null) {
            throw new AssertionRejectedException("Assertion has no validity conditions");
        }
        Instant now = clock.instant();
        try {
            Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
            Instant notOnOrAfter = Instant.parse(conditions.getAttribute("NotOnOrAfter"));
            if (now.plus(CLOCK_SKEW).isBefore(notBefore)) {
                throw new AssertionRejectedException("Assertion not yet valid");
            }
            if (!now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
                throw new AssertionRejectedException("Assertion expired at " + notOnOrAfter);
            }
            if (Duration.between(notBefore, notOnOrAfter).compareTo(Duration.ofMinutes(15)) > 0) {
                throw new AssertionRejectedException("Assertion validity longer than allowed");
            }
        } catch (DateTimeParseException e) {
            throw new AssertionRejectedException("Assertion validity not readable", e);
        }
        var audiences = conditions.getElementsByTagNameNS(Saml.NS, "Audience");
        boolean ours = false;
        for (int i = 0; i < audiences.getLength(); i++) {
            ours |= audience.equals(audiences.item(i).getTextContent().strip());
        }
        if (!ours) {
            throw new AssertionRejectedException("Assertion is meant for another audience");
        }
        Element subject = SecureXml.child(assertion, Saml.NS, "Subject");
        Element confirmation = subject == null ? null : SecureXml.child(subject, Saml.NS, "SubjectConfirmation");
        if (confirmation == null || !Saml.BEARER.equals(confirmation.getAttribute("Method"))) {
            throw new AssertionRejectedException("Assertion lacks a bearer subject confirmation");
        }
    }

    private static String attr(Element statement, String name, String field) throws AssertionRejectedException {
        for (Node n = statement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element a && "Attribute".equals(a.getLocalName()) && name.equals(a.getAttribute("Name"))) {
                Element value = SecureXml.child(a, Saml.NS, "AttributeValue");
                if (value != null) {
                    for (Node v = value.getFirstChild(); v != null; v = v.getNextSibling()) {
                        if (v instanceof Element e && !e.getAttribute(field).isBlank()) {
                            return e.getAttribute(field);
                        }
                    }
                    if (!value.getTextContent().isBlank()) {
                        return value.getTextContent().strip();
                    }
                }
            }
        }
        throw new AssertionRejectedException("Assertion lacks attribute " + name);
    }

    /** Accepts only a certificate from the trust set, given in KeyInfo. */
    private final class TrustedKeySelector extends KeySelector {
        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("No KeyInfo");
            }
            for (Object o : keyInfo.getContent()) {
                if (o instanceof X509Data data) {
                    for (Object c : data.getContent()) {
                        if (c instanceof X509Certificate cert && trusted.contains(cert)) {
                            Key key = cert.getPublicKey();
                            return () -> key;
                        }
                    }
                }
            }
            throw new KeySelectorException("Signing certificate is not trusted");
        }
    }
}
