package nl.duoviewer.xca.consent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.config.HomeCommunityIds;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.Hl7Codes;
import nl.duoviewer.xca.security.MitzAnswerSignature;
import nl.duoviewer.xca.security.Saml;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.security.TlsRefusal;

/**
 * Asks Mitz the open question (where may data be: XCPD ITI-56 Patient Location Query) and the closed question (may
 * this requester see this holder's data: XACML 3.0 authorisation decision query), both SOAP 1.2 with WS-Addressing
 * and the requester's signed assertion, over the client's mutual TLS. Answers are parsed with hardened XML; a reply
 * that does not relate to our request, is too large, is malformed, or (when the deployment names Mitz's signing
 * certificate) is not signed by Mitz over its body and addressing headers is an error, so it localises nothing and
 * permits nothing.
 */
public final class MitzClient {

    /** Cap on one Mitz answer. */
    public static final long MAX_RESPONSE_BYTES = 2L << 20;

    private final MitzSettings settings;
    private final RequesterIdentity requester;
    private final AssertionProvider assertions;
    private final HttpClient http;
    private final Clock clock;
    private final java.security.cert.X509Certificate answerSigner;

    /**
     * @param answerSigner the certificate every answer must be signed with; null when the deployment does not check
     */
    public MitzClient(MitzSettings settings, RequesterIdentity requester, AssertionProvider assertions,
                      HttpClient http, Clock clock, java.security.cert.X509Certificate answerSigner) {
        this.settings = settings;
        this.requester = requester;
        this.assertions = assertions;
        this.http = http;
        this.clock = clock;
        this.answerSigner = answerSigner;
    }

    /** The open question: which communities and institutions may hold data for this patient (for us). */
    public List<PatientLocation> locate(Bsn patient) throws MitzException {
        SoapEnvelope env = SoapEnvelope.request(MitzProtocol.OPEN_ACTION, settings.openQuestionEndpoint().toString())
                .security(assertions.assertionFor(settings.audience()));
        Document doc = env.document();
        Element q = doc.createElementNS(MitzProtocol.XCPD_NS, "PatientLocationQueryRequest");
        Element id = doc.createElementNS(MitzProtocol.XCPD_NS, "RequestedPatientId");
        id.setAttribute("root", Bsn.OID);
        id.setAttribute("extension", patient.value());
        id.setAttribute("assigningAuthorityName", MitzProtocol.BSN_AUTHORITY_NAME);
        q.appendChild(id);
        env.body().appendChild(q);

        Element payload = exchange(settings.openQuestionEndpoint(), env, MitzProtocol.OPEN_ACTION,
                MitzProtocol.OPEN_RESPONSE_ACTION);
        if (!MitzProtocol.XCPD_NS.equals(payload.getNamespaceURI())
                || !"PatientLocationQueryResponse".equals(payload.getLocalName())) {
            throw new MitzException("Unexpected open-question answer element " + payload.getLocalName());
        }
        List<PatientLocation> out = new ArrayList<>();
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "PatientLocationResponse".equals(e.getLocalName())) {
                if (out.size() >= 1000) {
                    throw new MitzException("Open-question answer lists too many locations");
                }
                out.add(location(e, patient));
            }
        }
        return out;
    }

    private static PatientLocation location(Element e, Bsn patient) throws MitzException {
        // Mitz's GatewaySystem is a urn:oid: URI, but the bare OID is seen too: both name the same community
        String hcid = HomeCommunityIds.normalise(SecureXml.text(e, MitzProtocol.XCPD_NS, "HomeCommunityId"));
        if (hcid == null) {
            throw new MitzException("Location without a valid HomeCommunityId");
        }
        Element corr = first(e, "CorrespondingPatientId");
        String corrId = corr == null ? "" : corr.getAttribute("extension");
        if (corr != null && Bsn.OID.equals(corr.getAttribute("root")) && !patient.value().equals(corrId)) {
            throw new MitzException("Open-question answer names another patient");
        }
        Element source = first(e, "SourceId");
        String sourceId = source == null ? "" : source.getAttribute("root").isEmpty()
                ? source.getTextContent().strip() : source.getAttribute("root");
        Element inst = first(e, "author-institution");
        String ura = "";
        if (inst != null && nl.duoviewer.core.timeline.SourceInstitution.URA_OID.equals(inst.getAttribute("root"))) {
            ura = inst.getAttribute("extension");
        }
        Element type = first(e, "healthcare-facility-type-code");
        return new PatientLocation(hcid, corrId, sourceId, ura, type == null ? "" : type.getAttribute("code"));
    }

    private static Element first(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The closed question for one data holder and the configured data category. */
    public ConsentDecision decide(Bsn patient, PatientLocation holder) throws MitzException {
        SoapEnvelope env = SoapEnvelope.request(MitzProtocol.CLOSED_ACTION,
                settings.closedQuestionEndpoint().toString()).security(assertions.assertionFor(settings.audience()));
        env.body().appendChild(xacmlQuery(env.document(), patient, holder));
        Element payload = exchange(settings.closedQuestionEndpoint(), env, MitzProtocol.CLOSED_ACTION,
                MitzProtocol.CLOSED_RESPONSE_ACTION);
        var decisions = payload.getElementsByTagNameNS(MitzProtocol.XACML_NS, "Decision");
        if (decisions.getLength() != 1) {
            throw new MitzException("Closed-question answer holds " + decisions.getLength() + " decisions");
        }
        return ConsentDecision.of(decisions.item(0).getTextContent());
    }

    /** The XACML decision query for one holder (package-visible: its encoding is tested against public clients). */
    Element xacmlQuery(Document doc, Bsn patient, PatientLocation holder) {
        Element q = doc.createElementNS(MitzProtocol.XACML_SAMLP_NS, "xacml-samlp:XACMLAuthzDecisionQuery");
        q.setAttribute("ID", "_" + UUID.randomUUID());
        q.setAttribute("Version", "2.0");
        q.setAttribute("IssueInstant", Instant.now(clock).toString());
        Element issuer = doc.createElementNS(Saml.NS, "saml:Issuer");
        issuer.setTextContent(requester.issuerUri());
        q.appendChild(issuer);
        Element req = doc.createElementNS(MitzProtocol.XACML_NS, "xacml:Request");
        req.setAttribute("ReturnPolicyIdList", "false");
        req.setAttribute("CombinedDecision", "false");
        q.appendChild(req);

        // typed values as the public Mitz clients send them (Bastion mitz-connector, Nuts knooppunt): URA and UZI
        // numbers assigned by CIBG, display names where known, one xml:id per category
        Element resource = category(req, MitzProtocol.CATEGORY_RESOURCE, "resource");
        ii(resource, MitzProtocol.RESOURCE_ID, Bsn.OID, patient.value(), null);
        if (!holder.facilityTypeCode().isEmpty()) {
            cv(resource, MitzProtocol.HOLDER_FACILITY_TYPE, holder.facilityTypeCode(),
                    RequesterIdentity.ORGANISATION_TYPE_SYSTEM, Hl7Codes.organisationType(holder.facilityTypeCode()));
        }
        ii(resource, MitzProtocol.HOLDER_INSTITUTION, RequesterIdentity.URA_OID, holder.institutionUra(),
                RequesterIdentity.UZI_AUTHORITY);

        Element action = category(req, MitzProtocol.CATEGORY_ACTION, "action0");
        cv(action, MitzProtocol.EVENT_CODE, settings.dataCategory(), MitzProtocol.DATA_CATEGORY_SYSTEM,
                Hl7Codes.dataCategory(settings.dataCategory()));

        Element subject = category(req, MitzProtocol.CATEGORY_SUBJECT, "subject");
        cv(subject, MitzProtocol.SUBJECT_ROLE, requester.roleCode(), RequesterIdentity.ROLE_CODE_SYSTEM,
                Hl7Codes.role(requester.roleCode()));
        ii(subject, MitzProtocol.SUBJECT_PROVIDER, RequesterIdentity.UZI_OID, requester.uziNumber(),
                RequesterIdentity.UZI_AUTHORITY);
        ii(subject, MitzProtocol.SUBJECT_INSTITUTION, RequesterIdentity.URA_OID, requester.ura(),
                RequesterIdentity.UZI_AUTHORITY);
        if (!requester.facilityTypeCode().isEmpty()) {
            cv(subject, MitzProtocol.SUBJECT_FACILITY_TYPE, requester.facilityTypeCode(),
                    RequesterIdentity.ORGANISATION_TYPE_SYSTEM, Hl7Codes.organisationType(requester.facilityTypeCode()));
        }
        Element env = category(req, MitzProtocol.CATEGORY_ENVIRONMENT, "environment");
        cv(env, MitzProtocol.PURPOSE_OF_USE, requester.purposeOfUse(), RequesterIdentity.PURPOSE_OF_USE_SYSTEM,
                Hl7Codes.purposeOfUse(requester.purposeOfUse()));
        return q;
    }

    private static Element category(Element request, String category, String xmlId) {
        Element a = request.getOwnerDocument().createElementNS(MitzProtocol.XACML_NS, "xacml:Attributes");
        a.setAttribute("Category", category);
        a.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:id", xmlId);
        request.appendChild(a);
        return a;
    }

    private static Element value(Element attributes, String id, String type) {
        Document doc = attributes.getOwnerDocument();
        Element attr = doc.createElementNS(MitzProtocol.XACML_NS, "xacml:Attribute");
        attr.setAttribute("AttributeId", id);
        attr.setAttribute("IncludeInResult", "false");
        Element v = doc.createElementNS(MitzProtocol.XACML_NS, "xacml:AttributeValue");
        v.setAttribute("DataType", type);
        attr.appendChild(v);
        attributes.appendChild(attr);
        return v;
    }

    private static void ii(Element attributes, String id, String root, String extension, String authority) {
        Element ii = attributes.getOwnerDocument().createElementNS(Saml.HL7_NS, "hl7:InstanceIdentifier");
        ii.setAttribute("root", root);
        ii.setAttribute("extension", extension);
        if (authority != null) {
            ii.setAttribute("assigningAuthorityName", authority);
        }
        value(attributes, id, MitzProtocol.TYPE_II).appendChild(ii);
    }

    private static void cv(Element attributes, String id, String code, String system, String displayName) {
        Element cv = attributes.getOwnerDocument().createElementNS(Saml.HL7_NS, "hl7:CodedValue");
        cv.setAttribute("code", code);
        cv.setAttribute("codeSystem", system);
        if (displayName != null) {
            cv.setAttribute("displayName", displayName);
        }
        value(attributes, id, MitzProtocol.TYPE_CV).appendChild(cv);
    }

    private Element exchange(URI endpoint, SoapEnvelope env, String action, String expectedAction)
            throws MitzException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(env.toBytes()))
                .build();
        Document answer;
        int status;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                answer = SecureXml.parse(in, MAX_RESPONSE_BYTES);
            }
        } catch (java.net.http.HttpTimeoutException e) {
            throw new MitzException("Mitz did not answer within " + settings.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            java.util.Optional<String> tls = TlsRefusal.describe(e, endpoint);
            if (tls.isPresent()) {
                throw new MitzException("Mitz: " + tls.get(), e);
            }
            throw new MitzException("Mitz (" + endpoint + ") not reachable or answer unreadable: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new MitzException("Mitz answer is not acceptable XML: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MitzException("Interrupted while asking Mitz", e);
        }
        Element payload = SoapEnvelope.payload(answer);
        if (payload == null) {
            throw new MitzException("Mitz answer is not a SOAP 1.2 envelope");
        }
        if ("Fault".equals(payload.getLocalName()) && MitzProtocol.SOAP12_NS.equals(payload.getNamespaceURI())) {
            throw new MitzException("Mitz returned a fault (HTTP " + status + "): "
                    + SecureXml.text(payload, MitzProtocol.SOAP12_NS, "Text"));
        }
        if (status != 200) {
            throw new MitzException("Mitz answered HTTP " + status);
        }
        if (answerSigner != null) {
            try {
                MitzAnswerSignature.verify(answer, answerSigner);
            } catch (MitzAnswerSignature.Rejected e) {
                throw new MitzException("Mitz answer refused: " + e.getMessage(), e);
            }
        }
        Element relatesTo = SoapEnvelope.header(answer, MitzProtocol.WSA_NS, "RelatesTo");
        if (relatesTo == null || !env.messageId().equals(relatesTo.getTextContent().strip())) {
            throw new MitzException("Mitz answer does not relate to our request (wsa:RelatesTo)");
        }
        Element act = SoapEnvelope.header(answer, MitzProtocol.WSA_NS, "Action");
        if (act == null || !expectedAction.equals(act.getTextContent().strip())) {
            throw new MitzException("Mitz answer has an unexpected action");
        }
        return payload;
    }
}
