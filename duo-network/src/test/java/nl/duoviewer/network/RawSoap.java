package nl.duoviewer.network;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import javax.xml.transform.dom.DOMResult;

import jakarta.xml.bind.JAXBContext;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.xca.consent.SoapEnvelope;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.SecureXml;

/**
 * Test-only: hand-made SOAP 1.2 requests, as any client could send them, with a good requester assertion, posted
 * raw over HTTP to the embedded network. What the gateways do with them is what a real client would get.
 */
final class RawSoap {

    private RawSoap() {
    }

    /** A raw client that connects as the viewer does: mutual TLS with the network's organisation certificate. */
    static HttpClient client() {
        return SharedNetwork.fresh().pki().clientTls().apply(HttpClient.newBuilder()).build();
    }

    static Element assertion(EmbeddedDuoNetwork net, String audience) {
        return new SamlAssertionFactory(net.pki().organisationCredentials(), EmbeddedDuoNetwork.DEMO_REQUESTER,
                EmbeddedDuoNetwork.DEMO_REQUESTER.issuerUri(), Clock.systemUTC()).create(audience);
    }

    /** A JAXB body object as a DOM element. */
    static Element marshal(Object jaxb, Class<?> type) throws Exception {
        DOMResult result = new DOMResult();
        JAXBContext.newInstance(type).createMarshaller().marshal(jaxb, result);
        return ((Document) result.getNode()).getDocumentElement();
    }

    /** Posts {@code body} in an envelope with WS-Addressing and the assertion for {@code audience}. */
    static HttpResponse<String> post(HttpClient http, EmbeddedDuoNetwork net, URI endpoint, String action,
                                     String audience, Element body) throws IOException, InterruptedException {
        SoapEnvelope env = SoapEnvelope.request(action, endpoint.toString()).security(assertion(net, audience));
        env.body().appendChild(env.document().importNode(body, true));
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(env.toBytes())).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static String text(Element e) {
        return SecureXml.toString(e);
    }
}
