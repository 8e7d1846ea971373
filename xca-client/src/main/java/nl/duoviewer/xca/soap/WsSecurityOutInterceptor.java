package nl.duoviewer.xca.soap;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.Saml;

/**
 * Puts the requester's signed SAML assertion into a {@code wsse:Security} header of every outgoing request, so that
 * no request can leave without the requester's identity.
 */
public final class WsSecurityOutInterceptor extends AbstractSoapInterceptor {

    /** Qualified name of the WS-Security header. */
    public static final QName SECURITY = new QName(Saml.WSSE_NS, "Security");

    private final AssertionProvider assertions;
    private final String audience;

    public WsSecurityOutInterceptor(AssertionProvider assertions, String audience) {
        super(Phase.PRE_PROTOCOL);
        this.assertions = assertions;
        this.audience = audience;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Element assertion = assertions.assertionFor(audience);
        Document doc = assertion.getOwnerDocument();
        Element security = doc.createElementNS(Saml.WSSE_NS, "wsse:Security");
        security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", Saml.WSSE_NS);
        doc.replaceChild(security, assertion);
        security.appendChild(assertion);
        SoapHeader header = new SoapHeader(SECURITY, security);
        header.setMustUnderstand(true);
        message.getHeaders().removeIf(h -> SECURITY.equals(h.getName()));
        message.getHeaders().add(header);
    }
}
