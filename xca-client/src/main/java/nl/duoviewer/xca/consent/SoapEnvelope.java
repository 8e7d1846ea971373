package nl.duoviewer.xca.consent;

import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.xca.security.Saml;
import nl.duoviewer.xca.security.SecureXml;

/** A SOAP 1.2 envelope with WS-Addressing headers, built with DOM. */
public final class SoapEnvelope {

    private final Document doc;
    private final Element header;
    private final Element body;
    private final String messageId;

    private SoapEnvelope(String action, String to, String relatesTo) {
        doc = SecureXml.newDocument();
        Element env = doc.createElementNS(MitzProtocol.SOAP12_NS, "soap:Envelope");
        env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:soap", MitzProtocol.SOAP12_NS);
        env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsa", MitzProtocol.WSA_NS);
        doc.appendChild(env);
        header = (Element) env.appendChild(doc.createElementNS(MitzProtocol.SOAP12_NS, "soap:Header"));
        body = (Element) env.appendChild(doc.createElementNS(MitzProtocol.SOAP12_NS, "soap:Body"));
        messageId = "urn:uuid:" + UUID.randomUUID();
        addressing("Action", action, true);
        addressing("MessageID", messageId, false);
        if (relatesTo != null) {
            addressing("RelatesTo", relatesTo, false);
        }
        if (to != null) {
            addressing("To", to, true);
        }
    }

    /** A request envelope with a fresh MessageID. */
    public static SoapEnvelope request(String action, String to) {
        return new SoapEnvelope(action, to, null);
    }

    /** A response envelope relating to the request's MessageID. */
    public static SoapEnvelope response(String action, String relatesTo) {
        return new SoapEnvelope(action, null, relatesTo);
    }

    private void addressing(String name, String value, boolean mustUnderstand) {
        Element e = doc.createElementNS(MitzProtocol.WSA_NS, "wsa:" + name);
        e.setTextContent(value);
        if (mustUnderstand) {
            e.setAttributeNS(MitzProtocol.SOAP12_NS, "soap:mustUnderstand", "true");
        }
        header.appendChild(e);
    }

    /** Adds a wsse:Security header holding the (signed) assertion. */
    public SoapEnvelope security(Element assertion) {
        Element sec = doc.createElementNS(Saml.WSSE_NS, "wsse:Security");
        sec.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", Saml.WSSE_NS);
        sec.appendChild(doc.importNode(assertion, true));
        header.appendChild(sec);
        return this;
    }

    public Document document() {
        return doc;
    }

    public Element body() {
        return body;
    }

    public String messageId() {
        return messageId;
    }

    public byte[] toBytes() {
        return SecureXml.toBytes(doc);
    }

    /** Header element of a received envelope, or null. */
    public static Element header(Document received, String ns, String local) {
        Element h = SecureXml.child(received.getDocumentElement(), MitzProtocol.SOAP12_NS, "Header");
        return h == null ? null : SecureXml.child(h, ns, local);
    }

    /** First child element of the Body of a received envelope, or null. */
    public static Element payload(Document received) {
        Element env = received.getDocumentElement();
        if (!MitzProtocol.SOAP12_NS.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
            return null;
        }
        Element b = SecureXml.child(env, MitzProtocol.SOAP12_NS, "Body");
        if (b == null) {
            return null;
        }
        for (var n = b.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
