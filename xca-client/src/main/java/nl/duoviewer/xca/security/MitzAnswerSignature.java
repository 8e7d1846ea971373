package nl.duoviewer.xca.security;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signature on a Mitz answer: a WS-Security header whose XML-DSig signature (RSA-SHA256, exclusive c14n, SHA-256
 * digests) covers the SOAP Body and the WS-Addressing {@code Action} and {@code RelatesTo} headers, each referenced
 * by {@code wsu:Id}. Covering {@code RelatesTo} binds the answer to our request, so a signed answer for another
 * request cannot be replayed. The viewer checks it when the deployment configures Mitz's signing certificate; the
 * embedded Mitz signs with its test key.
 */
public final class MitzAnswerSignature {

    public static final String WSU_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA_NS = "http://www.w3.org/2005/08/addressing";

    /** An answer whose signature is missing, does not verify, or does not cover what it must. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        public Rejected(String message) {
            super(message);
        }

        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MitzAnswerSignature() {
    }

    /** Signs a SOAP 1.2 answer (server side: the embedded Mitz). */
    public static void sign(Document envelope, OrganisationCredentials signer) {
        // namespace fixup: declarations only implied by the elements' namespaces become attributes, so that the
        // canonical form signed here is the one the receiver's parser will see
        envelope.normalizeDocument();
        Element env = envelope.getDocumentElement();
        env.setAttributeNS(Saml.XMLNS_NS, "xmlns:wsu", WSU_NS);
        Element header = SecureXml.child(env, SOAP12_NS, "Header");
        Element body = SecureXml.child(env, SOAP12_NS, "Body");
        if (header == null || body == null) {
            throw new IllegalArgumentException("not a SOAP 1.2 envelope with header and body");
        }
        List<Element> targets = new ArrayList<>(List.of(body));
        for (String name : List.of("Action", "RelatesTo")) {
            Element h = SecureXml.child(header, WSA_NS, name);
            if (h == null) {
                throw new IllegalArgumentException("answer has no wsa:" + name);
            }
            targets.add(h);
        }
        Element security = SecureXml.child(header, Saml.WSSE_NS, "Security");
        if (security == null) {
            security = envelope.createElementNS(Saml.WSSE_NS, "wsse:Security");
            security.setAttributeNS(Saml.XMLNS_NS, "xmlns:wsse", Saml.WSSE_NS);
            header.insertBefore(security, header.getFirstChild());
        }
        try {
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            List<Reference> refs = new ArrayList<>();
            for (Element t : targets) {
                String id = "_" + UUID.randomUUID();
                t.setAttributeNS(WSU_NS, "wsu:Id", id);
                t.setIdAttributeNS(WSU_NS, "Id", true);
                refs.add(fac.newReference("#" + id, fac.newDigestMethod(DigestMethod.SHA256, null),
                        List.of(fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                        null, null));
            }
            SignedInfo si = fac.newSignedInfo(
                    fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null), refs);
            KeyInfoFactory kif = fac.getKeyInfoFactory();
            KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.of(signer.certificate()))));
            DOMSignContext ctx = new DOMSignContext(signer.privateKey(), security);
            ctx.setDefaultNamespacePrefix("ds");
            fac.newXMLSignature(si, ki).sign(ctx);
        } catch (InvalidAlgorithmParameterException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("Cannot sign the answer: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing algorithm unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the answer was signed with {@code signer}'s key over its Body, Action and RelatesTo.
     *
     * @throws Rejected when it was not
     */
    public static void verify(Document envelope, X509Certificate signer) throws Rejected {
        Element env = envelope.getDocumentElement();
        Element header = SecureXml.child(env, SOAP12_NS, "Header");
        Element body = SecureXml.child(env, SOAP12_NS, "Body");
        if (header == null || body == null) {
            throw new Rejected("answer is not a SOAP 1.2 envelope with header and body");
        }
        Element security = SecureXml.child(header, Saml.WSSE_NS, "Security");
        Element sig = security == null ? null : SecureXml.child(security, Saml.DSIG_NS, "Signature");
        if (sig == null) {
            throw new Rejected("answer is not signed");
        }
        if (security.getElementsByTagNameNS(Saml.DSIG_NS, "Signature").getLength() != 1) {
            throw new Rejected("answer carries more than one signature in its security header");
        }
        Map<String, Element> ids = new HashMap<>();
        NodeList all = envelope.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(WSU_NS, "Id")) {
                if (ids.put(e.getAttributeNS(WSU_NS, "Id"), e) != null) {
                    throw new Rejected("answer repeats a wsu:Id (signature wrapping)");
                }
            }
        }
        Set<Element> mustCover = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        mustCover.add(body);
        for (String name : List.of("Action", "RelatesTo")) {
            Element h = SecureXml.child(header, WSA_NS, name);
            if (h == null) {
                throw new Rejected("answer has no wsa:" + name);
            }
            mustCover.add(h);
        }
        try {
            Key key = signer.getPublicKey();
            DOMValidateContext ctx = new DOMValidateContext(key, sig);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            for (Element e : ids.values()) {
                ctx.setIdAttributeNS(e, WSU_NS, "Id");
            }
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            XMLSignature signature = fac.unmarshalXMLSignature(ctx);
            SignedInfo si = signature.getSignedInfo();
            if (!SignatureMethod.RSA_SHA256.equals(si.getSignatureMethod().getAlgorithm())) {
                throw new Rejected("answer signature must be RSA-SHA256");
            }
            if (!CanonicalizationMethod.EXCLUSIVE.equals(si.getCanonicalizationMethod().getAlgorithm())) {
                throw new Rejected("answer signature must use exclusive canonicalisation");
            }
            for (Object o : si.getReferences()) {
                Reference r = (Reference) o;
                String uri = r.getURI();
                if (uri == null || !uri.startsWith("#") || !ids.containsKey(uri.substring(1))) {
                    throw new Rejected("answer signature refers to something outside the answer: " + uri);
                }
                for (Object t : r.getTransforms()) {
                    if (!CanonicalizationMethod.EXCLUSIVE.equals(((Transform) t).getAlgorithm())) {
                        throw new Rejected("unexpected signature transform " + ((Transform) t).getAlgorithm());
                    }
                }
                mustCover.remove(ids.get(uri.substring(1)));
            }
            if (!mustCover.isEmpty()) {
                throw new Rejected("answer signature does not cover the body, Action and RelatesTo");
            }
            if (!signature.validate(ctx)) {
                throw new Rejected("answer signature does not verify (tampered, or not Mitz's key)");
            }
        } catch (MarshalException e) {
            throw new Rejected("malformed answer signature: " + e.getMessage(), e);
        } catch (XMLSignatureException e) {
            throw new Rejected("answer signature not verifiable: " + e.getMessage(), e);
        }
    }
}
