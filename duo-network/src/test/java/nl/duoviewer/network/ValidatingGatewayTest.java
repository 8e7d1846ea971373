package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.ObjectFactory;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.gateway.RequestValidation;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.query.DocumentKind;
import nl.duoviewer.xca.query.FindDocumentsRequests;
import nl.duoviewer.xca.retrieve.ImagingRetriever;
import nl.duoviewer.xca.retrieve.SeriesRequest;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * The responding gateways judge what they receive as an IPF-based gateway would: the IHE schemas on every request
 * body (a violation is a SOAP Sender fault) and IPF's request validators with the transaction's profile (a violation
 * is a Failure with the registry error IPF names). Broken requests are refused and counted; everything our client
 * sends, in both actor positions, passes; the foreign example requests are judged like any other.
 */
class ValidatingGatewayTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;
    static final String XDSB = "urn:ihe:iti:xds-b:2007";

    static HttpClient http;
    EmbeddedDuoNetwork net;
    CommunityNode founda;

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
        founda = net.community(Network.FOUNDA);
    }

    private HttpResponse<String> post(SoapTransaction tx, Element body) throws Exception {
        return RawSoap.post(http, net, founda.endpoint(tx), tx.action(), Network.FOUNDA.homeCommunityId(), body);
    }

    private AdhocQueryRequest query() {
        return FindDocumentsRequests.findDocuments(PATIENT, Network.FOUNDA.homeCommunityId(), DocumentKind.MANIFESTS,
                null);
    }

    private Element document(String hcid) throws Exception {
        var r = net.catalogue().registrations(Network.FOUNDA, PATIENT).getFirst();
        RetrieveDocumentSetRequestType req = new RetrieveDocumentSetRequestType();
        var d = new RetrieveDocumentSetRequestType.DocumentRequest();
        d.setHomeCommunityId(hcid);
        d.setRepositoryUniqueId(r.publication().institution().repositoryUniqueId());
        d.setDocumentUniqueId(r.publication().kosDocumentUid());
        req.getDocumentRequest().add(d);
        return RawSoap.marshal(new JAXBElement<>(new QName(XDSB, "RetrieveDocumentSetRequest"),
                RetrieveDocumentSetRequestType.class, req), RetrieveDocumentSetRequestType.class);
    }

    private RetrieveImagingDocumentSetRequestType images(String hcid) {
        DemoStudy study = net.catalogue().registrations(Network.FOUNDA, PATIENT).getFirst().study();
        var series = study.series().getFirst();
        String repository = study.publications().stream().filter(p -> p.institution().network() == Network.FOUNDA)
                .findFirst().orElseThrow().institution().repositoryUniqueId();
        return ImagingRetriever.request(new SeriesRequest(study.studyInstanceUid(), series.seriesInstanceUid(),
                repository, List.of(series.instanceUid(0))), hcid, DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES);
    }

    private static Element marshal(RetrieveImagingDocumentSetRequestType req) throws Exception {
        return RawSoap.marshal(new ObjectFactory().createRetrieveImagingDocumentSetRequest(req),
                RetrieveImagingDocumentSetRequestType.class);
    }

    private long invalid() {
        return founda.counters().get(Counters.Kind.INVALID_REQUEST);
    }

    private static void assertFailure(HttpResponse<String> r, String code) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("ResponseStatusType:Failure"), r.body());
        assertTrue(r.body().contains("errorCode=\"" + code + "\""), code + " expected: " + r.body());
    }

    @Test
    void aQueryWithoutPatientIdIsAnsweredWithTheErrorIpfNames() throws Exception {
        AdhocQueryRequest q = query();
        q.getAdhocQuery().getSlot().removeIf(s -> s.getName().equals("$XDSDocumentEntryPatientId"));
        HttpResponse<String> r = post(SoapTransaction.ITI_38, RawSoap.marshal(q, AdhocQueryRequest.class));
        assertFailure(r, ErrorCode.STORED_QUERY_MISSING_PARAM.getOpcode());
        assertTrue(r.body().contains("$XDSDocumentEntryPatientId"), r.body());
        assertEquals(1, invalid());
    }

    @Test
    void aHomeCommunityIdWithoutUrnOidIsRefusedInAQueryAndInARetrieve() throws Exception {
        AdhocQueryRequest q = query();
        q.getAdhocQuery().setHome(Network.FOUNDA.homeCommunityId().substring("urn:oid:".length()));
        assertFailure(post(SoapTransaction.ITI_38, RawSoap.marshal(q, AdhocQueryRequest.class)),
                ErrorCode.REGISTRY_ERROR.getOpcode());
        assertFailure(post(SoapTransaction.ITI_39, document("1.3.6.1.4.1.21367.13.70.101")),
                ErrorCode.REPOSITORY_ERROR.getOpcode());
        assertEquals(2, invalid());
    }

    @Test
    void aCrossGatewayRetrieveWithoutHomeCommunityIdIsRefused() throws Exception {
        assertFailure(post(SoapTransaction.ITI_39, document(null)), ErrorCode.MISSING_HOME_COMMUNITY_ID.getOpcode());
        RetrieveImagingDocumentSetRequestType rad75 = images(null);
        assertFailure(post(SoapTransaction.RAD_75, marshal(rad75)), ErrorCode.MISSING_HOME_COMMUNITY_ID.getOpcode());
        assertEquals(2, invalid());
        assertEquals(0, founda.counters().instancesServed(), "nothing is retrieved for a refused request");
    }

    @Test
    void anImagingRetrieveWithoutRepositoryIsRefusedByIpf() throws Exception {
        RetrieveImagingDocumentSetRequestType rad69 = images(Network.FOUNDA.homeCommunityId());
        rad69.getStudyRequest().getFirst().getSeriesRequest().getFirst().getDocumentRequests().getFirst()
                .setRepositoryUniqueId("");
        HttpResponse<String> r = post(SoapTransaction.RAD_69, marshal(rad69));
        assertFailure(r, ErrorCode.REPOSITORY_ERROR.getOpcode());
        assertTrue(r.body().contains("repository Unique ID is missing"), r.body());
        assertEquals(1, invalid());
    }

    @Test
    void requestsAgainstTheSchemasAreRefusedAsTheSendersFault() throws Exception {
        // RAD-75 without TransferSyntaxUIDList (required by RAD TF-3 and the XDS-I.b schema)
        Element rad75 = marshal(images(Network.FOUNDA.homeCommunityId()));
        Element list = (Element) rad75.getElementsByTagNameNS("urn:ihe:rad:xdsi-b:2009", "TransferSyntaxUIDList")
                .item(0);
        rad75.removeChild(list);
        HttpResponse<String> r = post(SoapTransaction.RAD_75, rad75);
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(r.body().contains("Fault") && r.body().contains("Sender"), r.body());
        // an ITI-38 slot without its ValueList
        Element q = RawSoap.marshal(query(), AdhocQueryRequest.class);
        Element valueList = (Element) q.getElementsByTagNameNS("urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0",
                "ValueList").item(0);
        valueList.getParentNode().removeChild(valueList);
        HttpResponse<String> r2 = post(SoapTransaction.ITI_38, q);
        assertEquals(500, r2.statusCode(), r2.body());
        assertTrue(r2.body().contains("Sender"), r2.body());
        assertEquals(2, invalid());
        assertEquals(0, founda.counters().instancesServed());
    }

    @Test
    void everythingOurClientSendsPassesBothChecksInBothActorPositions() throws Exception {
        for (ActorPosition position : ActorPosition.values()) {
            net = SharedNetwork.fresh();
            DuoClientConfig config = net.clientConfig(position, Duration.ofSeconds(20));
            try (DuoClient client = DuoClient.open(config)) {
                TimelineSnapshot s = client.queryTimeline(PATIENT).completion().get(90, TimeUnit.SECONDS);
                assertTrue(s.sources().stream().allMatch(x -> x.state() == SourceStatus.State.COMPLETE),
                        position + ": " + s.sources());
                DemoStudy small = net.catalogue().registrations(Network.ALPHATRON, PATIENT).stream()
                        .map(r -> r.study()).filter(st -> st.publications().size() == 1)
                        .min(java.util.Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
                TimelineEntry entry = s.entries().stream()
                        .filter(e -> e.studyInstanceUid().equals(small.studyInstanceUid())).findFirst().orElseThrow();
                StudyRetrievalResult result = client.retrieveStudy(PATIENT, entry, (i, in) -> in.readAllBytes())
                        .result().get(90, TimeUnit.SECONDS);
                assertTrue(result.complete(), position + ": " + result.missing());
            }
            for (CommunityNode c : net.communities()) {
                assertEquals(0, c.counters().get(Counters.Kind.INVALID_REQUEST), position + " " + c.network());
            }
            assertEquals(0, net.mitz().counters().get(Counters.Kind.INVALID_REQUEST), position + " Mitz");
        }
    }

    private static Element foreign(String path) throws Exception {
        try (var in = ValidatingGatewayTest.class.getClassLoader().getResourceAsStream("foreign/" + path)) {
            Document d = SecureXml.parse(in, 1 << 20);
            return d.getDocumentElement();
        }
    }

    private static Element payload(Element envelope) {
        Element body = SecureXml.child(envelope, "http://www.w3.org/2003/05/soap-envelope", "Body");
        for (var n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty body");
    }

    private static Element dcm4cheeRad69() throws Exception {
        String curl;
        try (var in = ValidatingGatewayTest.class.getClassLoader()
                .getResourceAsStream("foreign/dcm4chee/rad69-request.txt")) {
            curl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String xml = curl.substring(curl.indexOf("<?xml"), curl.indexOf("</soapenv:Envelope>")
                + "</soapenv:Envelope>".length());
        return payload(SecureXml.parse(xml).getDocumentElement());
    }

    @SuppressWarnings("unchecked")
    private static <T> T unmarshal(Element e, Class<?> context) throws Exception {
        Object o = JAXBContext.newInstance(context).createUnmarshaller().unmarshal(e);
        return (T) (o instanceof JAXBElement<?> j ? j.getValue() : o);
    }

    @Test
    void theForeignRequestsAreJudgedAsAnIpfGatewayJudgesThem() throws Exception {
        Element nist69 = foreign("nist-toolkit/iig_5403-RAD-69Request.xml");
        Element nist75 = foreign("nist-toolkit/iig_5403-RAD-75Request-standard.xml");
        Element dcm69 = dcm4cheeRad69();
        Element nist38 = foreign("nist-toolkit/QD-R-0000.0-query.xml");
        Element twiin38 = payload(foreign("twiin/ITI-38-request.xml"));
        for (Element e : List.of(nist69, nist75, dcm69, nist38, twiin38)) {
            RequestValidation.schema().newValidator().validate(new DOMSource(e)); // all pass the schemas
        }
        RetrieveImagingDocumentSetRequestType n69 = unmarshal(nist69, ObjectFactory.class);
        RetrieveImagingDocumentSetRequestType n75 = unmarshal(nist75, ObjectFactory.class);
        RetrieveImagingDocumentSetRequestType d69 = unmarshal(dcm69, ObjectFactory.class);
        assertEquals(Optional.empty(), RequestValidation.images(n69, SoapTransaction.RAD_69, "x"));
        assertEquals(Optional.empty(), RequestValidation.images(n75, SoapTransaction.RAD_75, "x"));
        assertEquals(Optional.empty(), RequestValidation.images(d69, SoapTransaction.RAD_69, "x"));
        // dcm4chee's request leaves out the HomeCommunityId, which RAD-69 allows and RAD-75 requires
        assertEquals(ErrorCode.MISSING_HOME_COMMUNITY_ID, RequestValidation.images(d69, SoapTransaction.RAD_75, "x")
                .map(ErrorInfo::getErrorCode).orElseThrow());
        assertEquals(Optional.empty(), RequestValidation.query(unmarshal(nist38, AdhocQueryRequest.class),
                SoapTransaction.ITI_38, "x"));
        // Twiin's example writes home as a bare OID: an IPF-based gateway refuses it (decision record 25)
        Optional<ErrorInfo> twiin = RequestValidation.query(unmarshal(twiin38, AdhocQueryRequest.class),
                SoapTransaction.ITI_38, "x");
        assertTrue(twiin.isPresent() && twiin.get().getCodeContext().contains("1.1.4567334.1.4"),
                twiin.map(ErrorInfo::getCodeContext).orElse("accepted"));

        // on the wire: the toolkit's RAD-75 reaches the service (answered in XDS terms, not refused as malformed)
        URI rad75 = founda.endpoint(SoapTransaction.RAD_75);
        HttpResponse<String> r = RawSoap.post(http, net, rad75, SoapTransaction.RAD_75.action(),
                Network.FOUNDA.homeCommunityId(), nist75);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("XDSUnknownCommunity"), "another community's document: " + r.body());
        assertEquals(0, invalid());
    }
}
