package nl.duoviewer.network.mitz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.consent.MitzProtocol;
import nl.duoviewer.xca.consent.SoapEnvelope;

/**
 * The request shapes the embedded Mitz accepts, written from the shapes the public Mitz clients send (Bastion 365's
 * mitz-connector and the Nuts knooppunt; see the foreign fixtures' SOURCES.md) and the Mitz rules in the domain brief.
 * No schema for these messages is public, so the check is structural: what a receiver reads must be there, in the
 * right namespace and form; anything else a client adds (signatures, xml:id, SAML request attributes) is left alone.
 * The requester's assertion is not part of the shape: the public clients send none with the closed question, and the
 * embedded Mitz checks ours separately (stricter than they suggest). A malformed request is refused before Mitz
 * looks anything up (decision record 25).
 */
public final class MitzRequestShape {

    static final String HL7_NS = "urn:hl7-org:v3";

    /** One XACML attribute a receiver reads: its data type and whether a conformant request may leave it out. */
    private record Expected(String dataType, boolean optional) {
    }

    private static final Map<String, Map<String, Expected>> CATEGORIES = Map.of(
            MitzProtocol.CATEGORY_RESOURCE, Map.of(
                    MitzProtocol.RESOURCE_ID, new Expected(MitzProtocol.TYPE_II, false),
                    MitzProtocol.HOLDER_INSTITUTION, new Expected(MitzProtocol.TYPE_II, false),
                    MitzProtocol.HOLDER_FACILITY_TYPE, new Expected(MitzProtocol.TYPE_CV, true)),
            MitzProtocol.CATEGORY_ACTION, Map.of(
                    MitzProtocol.EVENT_CODE, new Expected(MitzProtocol.TYPE_CV, false)),
            MitzProtocol.CATEGORY_SUBJECT, Map.of(
                    MitzProtocol.SUBJECT_ROLE, new Expected(MitzProtocol.TYPE_CV, false),
                    MitzProtocol.SUBJECT_PROVIDER, new Expected(MitzProtocol.TYPE_II, false),
                    MitzProtocol.SUBJECT_INSTITUTION, new Expected(MitzProtocol.TYPE_II, false),
                    MitzProtocol.SUBJECT_FACILITY_TYPE, new Expected(MitzProtocol.TYPE_CV, true),
                    "urn:nl:otv:names:tc:1.0:subject:mandated", new Expected(MitzProtocol.TYPE_II, true)),
            MitzProtocol.CATEGORY_ENVIRONMENT, Map.of(
                    MitzProtocol.PURPOSE_OF_USE, new Expected(MitzProtocol.TYPE_CV, false)));

    private MitzRequestShape() {
    }

    /** What is wrong with a request to the open ({@code open}) or closed question; empty when it is well formed. */
    public static Optional<String> problem(Document request, boolean open) {
        List<String> problems = new ArrayList<>();
        String action = open ? MitzProtocol.OPEN_ACTION : MitzProtocol.CLOSED_ACTION;
        Element act = SoapEnvelope.header(request, MitzProtocol.WSA_NS, "Action");
        if (act == null || !action.equals(act.getTextContent().strip())) {
            problems.add("wsa:Action must be " + action);
        }
        Element id = SoapEnvelope.header(request, MitzProtocol.WSA_NS, "MessageID");
        if (id == null || id.getTextContent().isBlank()) {
            problems.add("wsa:MessageID missing");
        }
        if (SoapEnvelope.header(request, MitzProtocol.WSA_NS, "To") == null) {
            problems.add("wsa:To missing");
        }
        Element payload = SoapEnvelope.payload(request);
        if (payload == null) {
            problems.add("empty SOAP Body");
        } else if (open) {
            open(payload, problems);
        } else {
            closed(payload, problems);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** XCPD PatientLocationQueryRequest with one RequestedPatientId: the BSN under its OID, authority NLMINBIZA. */
    private static void open(Element payload, List<String> problems) {
        if (!is(payload, MitzProtocol.XCPD_NS, "PatientLocationQueryRequest")) {
            problems.add("Body must hold xcpd:PatientLocationQueryRequest");
            return;
        }
        List<Element> ids = children(payload, MitzProtocol.XCPD_NS, "RequestedPatientId");
        if (ids.size() != 1) {
            problems.add("exactly one RequestedPatientId expected, got " + ids.size());
            return;
        }
        Element pid = ids.getFirst();
        if (!Bsn.OID.equals(pid.getAttribute("root")) || !Bsn.isValid(pid.getAttribute("extension"))) {
            problems.add("RequestedPatientId must be a BSN (root " + Bsn.OID + ")");
        }
        if (!MitzProtocol.BSN_AUTHORITY_NAME.equals(pid.getAttribute("assigningAuthorityName"))) {
            problems.add("RequestedPatientId/@assigningAuthorityName must be " + MitzProtocol.BSN_AUTHORITY_NAME);
        }
    }

    /** XACMLAuthzDecisionQuery/Request with the four categories and the attributes each must carry. */
    private static void closed(Element payload, List<String> problems) {
        if (!is(payload, MitzProtocol.XACML_SAMLP_NS, "XACMLAuthzDecisionQuery")) {
            problems.add("Body must hold XACMLAuthzDecisionQuery");
            return;
        }
        List<Element> requests = children(payload, MitzProtocol.XACML_NS, "Request");
        if (requests.size() != 1) {
            problems.add("exactly one xacml:Request expected, got " + requests.size());
            return;
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Element attributes : children(requests.getFirst(), MitzProtocol.XACML_NS, "Attributes")) {
            String category = attributes.getAttribute("Category");
            Map<String, Expected> expected = CATEGORIES.get(category);
            if (expected == null) {
                problems.add("unknown attribute category " + category);
                continue;
            }
            seen.merge(category, 1, Integer::sum);
            Set<String> present = new java.util.HashSet<>();
            for (Element attribute : children(attributes, MitzProtocol.XACML_NS, "Attribute")) {
                String attributeId = attribute.getAttribute("AttributeId");
                Expected e = expected.get(attributeId);
                if (e == null) {
                    continue; // an attribute Mitz does not read
                }
                if (!present.add(attributeId)) {
                    problems.add(attributeId + " given twice");
                }
                value(attribute, attributeId, e.dataType(), problems);
            }
            expected.forEach((attributeId, e) -> {
                if (!e.optional() && !present.contains(attributeId)) {
                    problems.add(attributeId + " missing in " + category);
                }
            });
        }
        for (String category : CATEGORIES.keySet()) {
            int n = seen.getOrDefault(category, 0);
            boolean repeatable = MitzProtocol.CATEGORY_ACTION.equals(category); // one per data category
            if (n == 0 || n > 1 && !repeatable) {
                problems.add("category " + category + " expected " + (repeatable ? "at least once" : "once")
                        + ", got " + n);
            }
        }
    }

    /** One AttributeValue of the declared HL7v3 data type, holding an II or CV with its identifying fields. */
    private static void value(Element attribute, String attributeId, String dataType, List<String> problems) {
        List<Element> values = children(attribute, MitzProtocol.XACML_NS, "AttributeValue");
        if (values.size() != 1 || !dataType.equals(values.getFirst().getAttribute("DataType"))) {
            problems.add(attributeId + " must have one AttributeValue of DataType " + dataType);
            return;
        }
        boolean ii = MitzProtocol.TYPE_II.equals(dataType);
        List<Element> inner = children(values.getFirst(), HL7_NS, ii ? "InstanceIdentifier" : "CodedValue");
        if (inner.size() != 1) {
            problems.add(attributeId + " must hold one hl7:" + (ii ? "InstanceIdentifier" : "CodedValue"));
            return;
        }
        Element v = inner.getFirst();
        String[] required = ii ? new String[] {"root", "extension"} : new String[] {"code", "codeSystem"};
        for (String a : required) {
            if (v.getAttribute(a).isBlank()) {
                problems.add(attributeId + " lacks @" + a);
            }
        }
    }

    private static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, ns, local)) {
                out.add(e);
            }
        }
        return out;
    }
}
