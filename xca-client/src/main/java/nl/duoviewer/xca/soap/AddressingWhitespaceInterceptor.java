package nl.duoviewer.xca.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Trims the whitespace around the values of an answer's WS-Addressing headers before CXF reads them. The values are
 * URIs (xs:anyURI, whose whitespace facet is "collapse"), so a peer that pretty-prints its headers, as dcm4chee-arc's
 * documented RAD-69 answer does, says the same as one that does not; CXF compares RelatesTo byte for byte and would
 * otherwise drop the answer as unrelated to our request (decision record 25).
 */
final class AddressingWhitespaceInterceptor extends AbstractSoapInterceptor {

    static final String WSA_NS = "http://www.w3.org/2005/08/addressing";

    AddressingWhitespaceInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addBefore("org.apache.cxf.ws.addressing.soap.MAPCodec");
    }

    @Override
    public void handleMessage(SoapMessage message) {
        for (Header h : message.getHeaders()) {
            if (h.getObject() instanceof Element e && WSA_NS.equals(e.getNamespaceURI()) && leaf(e)) {
                String text = e.getTextContent();
                String trimmed = text.strip();
                if (!trimmed.equals(text)) {
                    e.setTextContent(trimmed);
                }
            }
        }
    }

    private static boolean leaf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return false;
            }
        }
        return true;
    }
}
