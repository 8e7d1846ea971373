package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.xml.bind.JAXBContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.consent.MitzProtocol;
import nl.duoviewer.xca.consent.SoapEnvelope;
import nl.duoviewer.xca.query.DocumentKind;
import nl.duoviewer.xca.query.FindDocumentsRequests;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.Saml;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Hand-made requests with bad assertions, sent raw over HTTP: the gateways, Mitz and WADO-RS refuse every one of
 * them, and accept the same request with a good assertion.
 */
class AssertionRejectionTest {

    static HttpClient http;
    EmbeddedDuoNetwork net;

    @BeforeAll
    static void client() {
        // a client the servers let in (mutual TLS), so that the assertion is what is judged
        http = SharedNetwork.get().pki().clientTls().apply(HttpClient.newBuilder()).build();
    }

    @AfterAll
    static void close() {
        http.close();
    }

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private SamlAssertionFactory factory(OrganisationCredentials creds, Clock clock) {
        return new SamlAssertionFactory(creds, EmbeddedDuoNetwork.DEMO_REQUESTER,
                EmbeddedDuoNetwork.DEMO_REQUESTER.issuerUri(), clock);
    }

    /** Every kind of bad assertion, by name, made for the given audience. */
    private Map<String, Supplier<Element>> badAssertions(String audience) {
        OrganisationCredentials good = net.pki().organisationCredentials();
        OrganisationCredentials intruder = net.pki().intruderCredentials();
        Map<String, Supplier<Element>> m = new LinkedHashMap<>();
        m.put("unsigned", () -> {
            Element a = factory(good, Clock.systemUTC()).create(audience);
            a.removeChild(SecureXml.child(a, Saml.DSIG_NS, "Signature"));
            return a;
        });
        m.put("tampered", () -> {
            Element a = factory(good, Clock.systemUTC()).create(audience);
            Node nameId = a.getElementsByTagNameNS(Saml.NS, "NameID").item(0);
            nameId.setTextContent("999999999");
            return a;
        });
        m.put("expired", () -> factory(good, Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)),
                ZoneOffset.UTC)).create(audience));
        m.put("untrusted signer", () -> factory(intruder, Clock.systemUTC()).create(audience));
        m.put("other audience", () -> factory(good, Clock.systemUTC()).create("urn:oid:1.2.3.4"));
        return m;
    }

    private Element goodAssertion(String audience) {
        return factory(net.pki().organisationCredentials(), Clock.systemUTC()).create(audience);
    }

    private HttpResponse<String> postSoap(URI endpoint, String action, SoapEnvelope env) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(env.toBytes())).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private SoapEnvelope iti38(URI endpoint, Element assertion) throws Exception {
        SoapEnvelope env = SoapEnvelope.request(SoapTransaction.ITI_38.action(), endpoint.toString());
        if (assertion != null) {
            env.security(assertion);
        }
        AdhocQueryRequest q = FindDocumentsRequests.findDocuments(CatalogueGenerator.SHOWCASE_PATIENT,
                Network.FOUNDA.homeCommunityId(), DocumentKind.MANIFESTS, null);
        JAXBContext.newInstance(AdhocQueryRequest.class).createMarshaller().marshal(q, env.body());
        return env;
    }

    @Test
    void gatewayRefusesEveryBadAssertionAndAcceptsAGoodOne() throws Exception {
        CommunityNode founda = net.community(Network.FOUNDA);
        URI endpoint = founda.endpoint(SoapTransaction.ITI_38);
        String audience = Network.FOUNDA.homeCommunityId();
        int rejected = 0;
        HttpResponse<String> none = postSoap(endpoint, SoapTransaction.ITI_38.action(), iti38(endpoint, null));
        assertEquals(500, none.statusCode());
        assertTrue(none.body().contains("Security check failed"), none.body());
        rejected++;
        for (var bad : badAssertions(audience).entrySet()) {
            HttpResponse<String> r = postSoap(endpoint, SoapTransaction.ITI_38.action(),
                    iti38(endpoint, bad.getValue().get()));
            assertEquals(500, r.statusCode(), bad.getKey());
            assertTrue(r.body().contains("Security check failed"), bad.getKey() + ": " + r.body());
            rejected++;
        }
        assertEquals(rejected, founda.counters().get(Counters.Kind.SECURITY_REJECTED));

        HttpResponse<String> ok = postSoap(endpoint, SoapTransaction.ITI_38.action(),
                iti38(endpoint, goodAssertion(audience)));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("ResponseStatusType:Success"), ok.body());
        assertEquals(rejected, founda.counters().get(Counters.Kind.SECURITY_REJECTED));
    }

    private SoapEnvelope openQuestion(URI endpoint, Element assertion) {
        SoapEnvelope env = SoapEnvelope.request(MitzProtocol.OPEN_ACTION, endpoint.toString()).security(assertion);
        Element q = env.document().createElementNS(MitzProtocol.XCPD_NS, "PatientLocationQueryRequest");
        Element id = env.document().createElementNS(MitzProtocol.XCPD_NS, "RequestedPatientId");
        id.setAttribute("root", "2.16.840.1.113883.2.4.6.3");
        id.setAttribute("extension", CatalogueGenerator.SHOWCASE_PATIENT.value());
        id.setAttribute("assigningAuthorityName", MitzProtocol.BSN_AUTHORITY_NAME); // Mitz checks the shape too
        q.appendChild(id);
        env.body().appendChild(q);
        return env;
    }

    @Test
    void mitzRefusesEveryBadAssertionAndAcceptsAGoodOne() throws Exception {
        URI endpoint = net.mitz().openEndpoint();
        int rejected = 0;
        for (var bad : badAssertions(MitzSettings.DEFAULT_AUDIENCE).entrySet()) {
            HttpResponse<String> r = postSoap(endpoint, MitzProtocol.OPEN_ACTION,
                    openQuestion(endpoint, bad.getValue().get()));
            assertEquals(500, r.statusCode(), bad.getKey());
            assertTrue(r.body().contains("Security check failed"), bad.getKey() + ": " + r.body());
            assertTrue(!r.body().contains("PatientLocationResponse"), bad.getKey());
            rejected++;
        }
        assertEquals(rejected, net.mitz().counters().get(Counters.Kind.SECURITY_REJECTED));
        HttpResponse<String> ok = postSoap(endpoint, MitzProtocol.OPEN_ACTION,
                openQuestion(endpoint, goodAssertion(MitzSettings.DEFAULT_AUDIENCE)));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("PatientLocationResponse"), ok.body());
    }

    @Test
    void wadoRsRefusesEveryBadAssertion() throws Exception {
        CommunityNode founda = net.community(Network.FOUNDA);
        DemoStudy study = net.catalogue().registrations(Network.FOUNDA, CatalogueGenerator.SHOWCASE_PATIENT)
                .getFirst().study();
        URI url = URI.create(founda.wadoBase() + "/studies/" + study.studyInstanceUid());
        for (var bad : badAssertions(Network.FOUNDA.homeCommunityId()).entrySet()) {
            HttpRequest req = HttpRequest.newBuilder(url).header("Authorization", "SAML "
                    + Base64.getEncoder().encodeToString(SecureXml.toBytes(bad.getValue().get()))).GET().build();
            assertEquals(401, http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode(), bad.getKey());
        }
        assertEquals(401, http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(0, founda.counters().retrievesFor(study.institution().ura()));
    }
}
