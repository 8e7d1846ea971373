package nl.duoviewer.network.mitz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.gateway.FaultProfile;
import nl.duoviewer.network.gateway.ThrottledOutputStream;
import nl.duoviewer.xca.consent.MitzProtocol;
import nl.duoviewer.xca.consent.SoapEnvelope;
import nl.duoviewer.xca.security.AssertionRejectedException;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.security.MitzAnswerSignature;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.Saml;
import nl.duoviewer.xca.security.SecureXml;

/**
 * The embedded Mitz: open question (XCPD ITI-56 Patient Location Query) at {@code /mitz/openautorisatievraag} and
 * closed question (XACML 3.0 decision query) at {@code /mitz/geslotenautorisatievraag/xacml3}, SOAP 1.2 over mutual
 * TLS on 127.0.0.1. Requests must carry a valid signed assertion for the Mitz audience and have the shape the public
 * Mitz clients send ({@link MitzRequestShape}); a malformed one is refused with a Sender fault. Answers follow the
 * {@link ConsentRegistry} and the catalogue (only institutions that hold data for the patient are localised) and are
 * signed with Mitz's key over body, Action and RelatesTo ({@link MitzAnswerSignature}); faults can leave the
 * signature off, tamper with a signed answer, or sign with a foreign key. Like the real open answer (XCPD as Mitz
 * and its public clients use it), a location names community, source system and institution but not the
 * institution's organisation type. Tests can hold answers back ({@link #hold}) to
 * make them arrive late, and read what the closed questions asked ({@link #closedQuestions}).
 */
public final class MitzService {

    public static final String OPEN_PATH = "/mitz/openautorisatievraag";
    public static final String CLOSED_PATH = "/mitz/geslotenautorisatievraag/xacml3";
    private static final long MAX_REQUEST_BYTES = 1L << 20;

    private final DemoCatalogue catalogue;
    private final AssertionVerifier verifier;
    private final Clock clock;
    /** Mitz's answer-signing key. */
    private final OrganisationCredentials signer;
    private final ConsentRegistry consent = new ConsentRegistry();
    private final FaultProfile faults = new FaultProfile();
    private final Counters counters = new Counters();
    private volatile MitzFault mitzFault = MitzFault.NONE;
    private final java.util.Set<Hold> holds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Deque<ClosedQuestion> closedQuestions = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /**
     * What one closed question asked about the data holder.
     *
     * @param holderFacilityType the holder's organisation type code, empty when the question did not send one
     */
    public record ClosedQuestion(String patient, String holderUra, String holderFacilityType, String category) {
    }

    /**
     * The next answers about one patient held back: computed when asked, sent only on {@link #release}, so that they
     * arrive after whatever the test does meanwhile. Answers beyond the count go out as usual.
     */
    public final class Hold implements AutoCloseable {
        private final Bsn patient;
        private final java.util.concurrent.atomic.AtomicInteger left;
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(0);

        private Hold(Bsn patient, int answers) {
            this.patient = patient;
            this.left = new java.util.concurrent.atomic.AtomicInteger(answers);
        }

        /** Waits until {@code n} answers are being held (bounded). */
        public boolean awaitHeld(int n, java.time.Duration timeout) throws InterruptedException {
            return waiting.tryAcquire(n, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** Sends the held answers (and the later ones) at once. */
        public void release() {
            holds.remove(this);
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }
    private final int port;
    private final HttpsConfigurator tls;
    private HttpsServer server;
    private ExecutorService executor;

    public MitzService(DemoCatalogue catalogue, AssertionVerifier verifier, Clock clock, HttpsConfigurator tls,
                       OrganisationCredentials signer) throws IOException {
        this.catalogue = catalogue;
        this.tls = tls;
        this.signer = signer;
        this.verifier = verifier;
        this.clock = clock;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setHttpsConfigurator(tls);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(OPEN_PATH, ex -> handle(ex, true));
        server.createContext(CLOSED_PATH, ex -> handle(ex, false));
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Down: the port refuses connections. */
    public synchronized void setDown(boolean down) throws IOException {
        if (down) {
            stop();
        } else {
            start();
        }
    }

    public URI openEndpoint() {
        return URI.create("https://127.0.0.1:" + port + OPEN_PATH);
    }

    public URI closedEndpoint() {
        return URI.create("https://127.0.0.1:" + port + CLOSED_PATH);
    }

    public ConsentRegistry consent() {
        return consent;
    }

    public FaultProfile faults() {
        return faults;
    }

    public Counters counters() {
        return counters;
    }

    public void setFault(MitzFault fault) {
        mitzFault = fault;
    }

    /** Holds back the next {@code answers} answers (open or closed) about this patient until the hold is released. */
    public Hold hold(Bsn patient, int answers) {
        Hold h = new Hold(patient, answers);
        holds.add(h);
        return h;
    }

    /** Releases every hold. */
    public void releaseHolds() {
        for (Hold h : List.copyOf(holds)) {
            h.release();
        }
        closedQuestions.clear();
    }

    /** The closed questions asked so far (the latest 100), oldest first. */
    public List<ClosedQuestion> closedQuestions() {
        return List.copyOf(closedQuestions);
    }

    private void holdIfAsked(String bsn) {
        for (Hold h : holds) {
            if (h.patient.value().equals(bsn) && h.left.getAndDecrement() > 0) {
                h.waiting.release();
                try {
                    h.released.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void handle(HttpExchange ex, boolean open) throws IOException {
        try (ex) {
            counters.count(open ? Counters.Kind.MITZ_OPEN : Counters.Kind.MITZ_CLOSED);
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "POST only".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Document request;
            try (InputStream in = ex.getRequestBody()) {
                request = SecureXml.parse(in, MAX_REQUEST_BYTES);
            } catch (Exception e) {
                send(ex, 400, fault("Sender", "Unreadable request"));
                return;
            }
            Element security = SoapEnvelope.header(request, Saml.WSSE_NS, "Security");
            try {
                counters.recordRequester(verifier.verifySecurityHeader(security));
            } catch (AssertionRejectedException e) {
                counters.count(Counters.Kind.SECURITY_REJECTED);
                send(ex, 500, fault("Sender", "Security check failed: " + e.getMessage()));
                return;
            }
            var malformed = MitzRequestShape.problem(request, open);
            if (malformed.isPresent()) {
                counters.count(Counters.Kind.INVALID_REQUEST);
                send(ex, 400, fault("Sender", "Invalid request: " + malformed.get()));
                return;
            }
            sleep(faults.latency().toMillis());
            if (faults.drawError()) {
                send(ex, 500, fault("Receiver", "Injected server error"));
                return;
            }
            Element messageId = SoapEnvelope.header(request, MitzProtocol.WSA_NS, "MessageID");
            Element payload = SoapEnvelope.payload(request);
            if (messageId == null || payload == null) {
                send(ex, 400, fault("Sender", "Missing MessageID or body"));
                return;
            }
            String relatesTo = mitzFault == MitzFault.WRONG_RELATES_TO ? "urn:uuid:" + UUID.randomUUID()
                    : messageId.getTextContent().strip();
            SoapEnvelope answer = SoapEnvelope.response(open ? MitzProtocol.OPEN_RESPONSE_ACTION
                    : MitzProtocol.CLOSED_RESPONSE_ACTION, relatesTo);
            String about;
            if (open) {
                Element requested = child(payload, "RequestedPatientId");
                about = requested == null ? "" : requested.getAttribute("extension");
                openAnswer(answer, payload);
            } else {
                about = attributeValue(payload, MitzProtocol.RESOURCE_ID, "extension");
                closedAnswer(answer, payload);
            }
            switch (mitzFault) {
                case UNSIGNED -> { }
                case FOREIGN_SIGNER -> MitzAnswerSignature.sign(answer.document(), foreignSigner());
                default -> MitzAnswerSignature.sign(answer.document(), signer);
            }
            if (mitzFault == MitzFault.TAMPERED) {
                tamper(answer.document());
            }
            holdIfAsked(about);
            byte[] bytes = answer.toBytes();
            if (mitzFault == MitzFault.XXE) {
                String xml = new String(bytes, StandardCharsets.UTF_8);
                String doctype = "<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>";
                xml = doctype + xml.replace("</wsa:RelatesTo>", "&xxe;</wsa:RelatesTo>");
                bytes = xml.getBytes(StandardCharsets.UTF_8);
            } else if (mitzFault == MitzFault.MALFORMED) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
            }
            send(ex, 200, bytes);
        } catch (RuntimeException e) {
            send(ex, 500, fault("Receiver", "Internal error"));
        }
    }

    /** After signing: the open answer names one more community, the closed answer's decision becomes Permit. */
    private static void tamper(Document doc) {
        var decisions = doc.getElementsByTagNameNS(MitzProtocol.XACML_NS, "Decision");
        if (decisions.getLength() > 0) {
            decisions.item(0).setTextContent("Permit");
            return;
        }
        var responses = doc.getElementsByTagNameNS(MitzProtocol.XCPD_NS, "PatientLocationQueryResponse");
        if (responses.getLength() > 0) {
            Element extra = doc.createElementNS(MitzProtocol.XCPD_NS, "PatientLocationResponse");
            Element hcid = doc.createElementNS(MitzProtocol.XCPD_NS, "HomeCommunityId");
            hcid.setTextContent("urn:oid:1.3.6.1.4.1.21367.13.70.666");
            extra.appendChild(hcid);
            responses.item(0).appendChild(extra);
        }
    }

    private OrganisationCredentials foreignSigner;

    private synchronized OrganisationCredentials foreignSigner() {
        if (foreignSigner == null) {
            var key = nl.duoviewer.network.pki.CertificateMaker.rsaKey();
            var cert = nl.duoviewer.network.pki.CertificateMaker.rootCa("CN=Not Mitz, C=NL", key,
                    java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(86_400));
            foreignSigner = new OrganisationCredentials(cert.key(), cert.certificate());
        }
        return foreignSigner;
    }

    private void openAnswer(SoapEnvelope answer, Element payload) {
        Document doc = answer.document();
        Element response = doc.createElementNS(MitzProtocol.XCPD_NS, "PatientLocationQueryResponse");
        answer.body().appendChild(response);
        Element requested = child(payload, "RequestedPatientId");
        if (requested == null || !Bsn.OID.equals(requested.getAttribute("root"))
                || !Bsn.isValid(requested.getAttribute("extension"))) {
            return;
        }
        Bsn bsn = Bsn.parse(requested.getAttribute("extension"));
        for (Institution i : catalogue.holders(bsn)) {
            if (consent.registration(bsn, i.ura()) != ConsentRegistry.Registration.PERMIT) {
                continue;
            }
            Element loc = el(response, MitzProtocol.XCPD_NS, "PatientLocationResponse");
            String hcid = i.network().homeCommunityId();
            el(loc, MitzProtocol.XCPD_NS, "HomeCommunityId").setTextContent(
                    mitzFault == MitzFault.BARE_HOME_COMMUNITY_ID ? hcid.substring("urn:oid:".length()) : hcid);
            Element corr = el(loc, MitzProtocol.XCPD_NS, "CorrespondingPatientId");
            corr.setAttribute("root", Bsn.OID);
            corr.setAttribute("extension", bsn.value());
            Element req = el(loc, MitzProtocol.XCPD_NS, "RequestedPatientId");
            req.setAttribute("root", Bsn.OID);
            req.setAttribute("extension", bsn.value());
            el(loc, MitzProtocol.XCPD_NS, "SourceId").setAttribute("root", i.sourceId());
            Element inst = el(loc, MitzProtocol.XCPD_NS, "author-institution");
            inst.setAttribute("root", SourceInstitution.URA_OID);
            inst.setAttribute("extension", i.ura());
        }
    }

    private void closedAnswer(SoapEnvelope answer, Element payload) {
        String bsn = attributeValue(payload, MitzProtocol.RESOURCE_ID, "extension");
        String ura = attributeValue(payload, MitzProtocol.HOLDER_INSTITUTION, "extension");
        String category = attributeValue(payload, MitzProtocol.EVENT_CODE, "code");
        closedQuestions.addLast(new ClosedQuestion(bsn, ura,
                attributeValue(payload, MitzProtocol.HOLDER_FACILITY_TYPE, "code"), category));
        while (closedQuestions.size() > 100) {
            closedQuestions.pollFirst();
        }
        String decision;
        if (mitzFault == MitzFault.INDETERMINATE || !Bsn.isValid(bsn) || ura.isEmpty()) {
            decision = "Indeterminate";
        } else {
            decision = switch (consent.registration(Bsn.parse(bsn), ura)) {
                case PERMIT -> "GGC002".equals(category) ? "Permit" : "NotApplicable";
                case DENY -> "Deny";
                case NONE -> "NotApplicable";
            };
        }
        Document doc = answer.document();
        Element response = el(answer.body(), MitzProtocol.SAMLP_NS, "samlp:Response");
        response.setAttribute("ID", "_" + UUID.randomUUID());
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", Instant.now(clock).toString());
        el(response, Saml.NS, "saml:Issuer").setTextContent("urn:oid:2.16.840.1.113883.2.4.3.111.2.1");
        el(el(response, MitzProtocol.SAMLP_NS, "samlp:Status"), MitzProtocol.SAMLP_NS, "samlp:StatusCode")
                .setAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Success");
        Element assertion = el(response, Saml.NS, "saml:Assertion");
        Element statement = el(assertion, MitzProtocol.XACML_SAML_NS, "xacml-saml:XACMLAuthzDecisionStatement");
        Element result = el(el(statement, MitzProtocol.XACML_NS, "xacml:Response"), MitzProtocol.XACML_NS,
                "xacml:Result");
        el(result, MitzProtocol.XACML_NS, "xacml:Decision").setTextContent(decision);
        doc.normalizeDocument();
    }

    private static String attributeValue(Element payload, String attributeId, String field) {
        var attrs = payload.getElementsByTagNameNS(MitzProtocol.XACML_NS, "Attribute");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            if (attributeId.equals(a.getAttribute("AttributeId"))) {
                Element v = SecureXml.child(a, MitzProtocol.XACML_NS, "AttributeValue");
                if (v != null) {
                    for (Node n = v.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element e) {
                            return e.getAttribute(field);
                        }
                    }
                }
            }
        }
        return "";
    }

    private static Element child(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element el(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    private static byte[] fault(String code, String text) {
        Document doc = SecureXml.newDocument();
        Element env = doc.createElementNS(MitzProtocol.SOAP12_NS, "soap:Envelope");
        doc.appendChild(env);
        Element f = el(el(env, MitzProtocol.SOAP12_NS, "soap:Body"), MitzProtocol.SOAP12_NS, "soap:Fault");
        el(el(f, MitzProtocol.SOAP12_NS, "soap:Code"), MitzProtocol.SOAP12_NS, "soap:Value")
                .setTextContent("soap:" + code);
        Element reason = el(el(f, MitzProtocol.SOAP12_NS, "soap:Reason"), MitzProtocol.SOAP12_NS, "soap:Text");
        reason.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        reason.setTextContent(text);
        return SecureXml.toBytes(doc);
    }

    private void send(HttpExchange ex, int status, byte[] soap) throws IOException {
        send(ex, status, "application/soap+xml; charset=UTF-8", soap);
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        OutputStream out = ex.getResponseBody();
        if (faults.throttled()) {
            out = new ThrottledOutputStream(out, faults, counters);
        }
        out.write(body);
        out.flush();
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
