package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.mitz.MitzRequestShape;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.consent.MitzProtocol;
import nl.duoviewer.xca.consent.SoapEnvelope;
import nl.duoviewer.xca.security.SecureXml;

/**
 * The embedded Mitz accepts the request shapes the public Mitz clients send (Bastion 365's mitz-connector, the Nuts
 * knooppunt) and refuses malformed ones with a Sender fault before it looks anything up.
 */
class MitzRequestShapeTest {

    static HttpClient http;
    EmbeddedDuoNetwork net;

    @BeforeAll
    static void client() {
        http = RawSoap.client();
    }

    @AfterAll
    static void close() {
        http.close();
    }

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    static Document foreign(String path) throws Exception {
        try (InputStream in = MitzRequestShapeTest.class.getClassLoader().getResourceAsStream("foreign/" + path)) {
            return SecureXml.parse(in, 1 << 20);
        }
    }

    @Test
    void thePublicClientsRequestShapesAreAccepted() throws Exception {
        assertEquals(Optional.empty(), MitzRequestShape.problem(foreign("mitz/bastion-open-request.xml"), true));
        assertEquals(Optional.empty(), MitzRequestShape.problem(foreign("mitz/bastion-closed-request.xml"), false));
        assertEquals(Optional.empty(), MitzRequestShape.problem(foreign("mitz/nuts-closed-request.xml"), false));
    }

    @Test
    void malformedShapesAreNamed() throws Exception {
        Document open = foreign("mitz/bastion-open-request.xml");
        ((Element) open.getElementsByTagNameNS(MitzProtocol.XCPD_NS, "RequestedPatientId").item(0))
                .removeAttribute("assigningAuthorityName");
        assertTrue(MitzRequestShape.problem(open, true).orElseThrow().contains("NLMINBIZA"));
        assertTrue(MitzRequestShape.problem(foreign("mitz/bastion-open-request.xml"), false).isPresent(),
                "an open question sent to the closed question's endpoint");

        Document closed = foreign("mitz/nuts-closed-request.xml");
        var attrs = closed.getElementsByTagNameNS(MitzProtocol.XACML_NS, "Attribute");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            if (MitzProtocol.PURPOSE_OF_USE.equals(a.getAttribute("AttributeId"))) {
                a.getParentNode().removeChild(a);
                break;
            }
        }
        assertTrue(MitzRequestShape.problem(closed, false).orElseThrow().contains(MitzProtocol.PURPOSE_OF_USE));

        Document wrongType = foreign("mitz/bastion-closed-request.xml");
        ((Element) wrongType.getElementsByTagNameNS(MitzProtocol.XACML_NS, "AttributeValue").item(0))
                .setAttribute("DataType", MitzProtocol.TYPE_CV);
        assertTrue(MitzRequestShape.problem(wrongType, false).orElseThrow().contains("DataType"));
    }

    @Test
    void overTheWireAMalformedQuestionIsRefusedAndAPublicClientsClosedQuestionIsAnswered() throws Exception {
        Element bad = (Element) foreign("mitz/bastion-open-request.xml")
                .getElementsByTagNameNS(MitzProtocol.XCPD_NS, "PatientLocationQueryRequest").item(0);
        ((Element) bad.getElementsByTagNameNS(MitzProtocol.XCPD_NS, "RequestedPatientId").item(0))
                .setAttribute("root", "2.16.840.1.113883.4.1"); // a US SSN, not a BSN
        HttpResponse<String> r = RawSoap.post(http, net, net.mitz().openEndpoint(), MitzProtocol.OPEN_ACTION,
                MitzSettings.DEFAULT_AUDIENCE, bad);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("Sender") && r.body().contains("BSN"), r.body());
        assertEquals(1, net.mitz().counters().get(Counters.Kind.INVALID_REQUEST));

        Element bastions = SoapEnvelope.payload(foreign("mitz/bastion-closed-request.xml"));
        HttpResponse<String> ok = RawSoap.post(http, net, net.mitz().closedEndpoint(), MitzProtocol.CLOSED_ACTION,
                MitzSettings.DEFAULT_AUDIENCE, bastions);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("Decision"), ok.body());
        assertEquals(1, net.mitz().counters().get(Counters.Kind.INVALID_REQUEST));
    }
}
