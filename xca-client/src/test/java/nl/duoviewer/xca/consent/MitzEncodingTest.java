package nl.duoviewer.xca.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.config.OrganisationIdentity;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.Saml;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.security.TestKeys;

/**
 * Our SAML attributes and XACML closed question, read the way the public Mitz clients write theirs: each value
 * compared element by element (namespace, name, {@code xsi:type}, every attribute and its value) with fixtures written
 * from Bastion's mitz-connector and Nuts' knooppunt (sources in the fixtures).
 */
class MitzEncodingTest {

    static final RequesterIdentity REQUESTER = new RequesterIdentity(
            new OrganisationIdentity("90001234", "Demo Ziekenhuis", "V4", "TREAT"),
            new UserIdentity("123456782", "01.039", "Anna de Vries", IdentitySource.UZI_PAS));
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    static OrganisationCredentials org;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        org = OrganisationCredentials.load(TestKeys.create(dir.resolve("org.p12"), "Org"));
    }

    private static Document fixture(String name) throws Exception {
        try (InputStream in = MitzEncodingTest.class.getResourceAsStream("/nl/duoviewer/xca/fixtures/" + name)) {
            return SecureXml.parse(in, 1 << 20);
        }
    }

    /** The value element's identity and attributes as a receiver sees them; xsi:type resolved against its scope. */
    private static Map<String, String> describe(Element e) {
        Map<String, String> m = new TreeMap<>();
        m.put("(element)", "{" + e.getNamespaceURI() + "}" + e.getLocalName());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                continue; // declarations, not data
            }
            String key = (a.getNamespaceURI() == null ? "" : "{" + a.getNamespaceURI() + "}") + a.getLocalName();
            String value = a.getValue();
            if (XSI.equals(a.getNamespaceURI()) && "type".equals(a.getLocalName())) {
                int colon = value.indexOf(':');
                String prefix = colon < 0 ? null : value.substring(0, colon);
                value = "{" + e.lookupNamespaceURI(prefix) + "}" + value.substring(colon + 1);
            }
            m.put(key, value);
        }
        return m;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void samlAttributeValuesAreTypedAsTheMitzClientsTypeThem() throws Exception {
        Element assertion = new SamlAssertionFactory(org, REQUESTER, REQUESTER.issuerUri(), Clock.systemUTC())
                .create(MitzSettings.DEFAULT_AUDIENCE);
        // as a receiver gets it: serialised and parsed again
        Element ours = SecureXml.parse(SecureXml.toBytes(assertion)).getDocumentElement();
        Element statement = SecureXml.child(ours, Saml.NS, "AttributeStatement");
        Element expected = fixture("mitz-assertion-attributes.xml").getDocumentElement();
        int compared = 0;
        for (Element want : children(expected, "Attribute")) {
            String name = want.getAttribute("Name");
            Element have = children(statement, "Attribute").stream().filter(a -> name.equals(a.getAttribute("Name")))
                    .findFirst().orElse(null);
            assertNotNull(have, "our assertion lacks " + name);
            Element wantValue = firstElement(SecureXml.child(want, Saml.NS, "AttributeValue"));
            Element haveValue = firstElement(SecureXml.child(have, Saml.NS, "AttributeValue"));
            assertEquals(describe(wantValue), describe(haveValue), name);
            compared++;
        }
        assertEquals(5, compared);
        assertEquals(IdentitySource.UZI_PAS.authnContextClass(), SecureXml.text(ours, Saml.NS,
                "AuthnContextClassRef"), "the AuthnContext says what happened: a smartcard with PIN");
    }

    @Test
    void theClosedQuestionIsEncodedAsTheMitzClientsEncodeIt() throws Exception {
        MitzSettings settings = new MitzSettings(URI.create("https://mitz.example/open"),
                URI.create("https://mitz.example/closed"), true, MitzSettings.DEFAULT_AUDIENCE, "GGC002",
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        MitzClient client = new MitzClient(settings, REQUESTER, null, null, Clock.systemUTC(), null);
        Document doc = SecureXml.newDocument();
        Element query = client.xacmlQuery(doc, Bsn.parse("999999011"), new PatientLocation(
                "urn:oid:1.3.6.1.4.1.21367.13.70.1", "999999011", "urn:oid:1.2.3", "90000102", "V5"));
        doc.appendChild(query);
        Element ours = SecureXml.child(SecureXml.parse(SecureXml.toBytes(doc)).getDocumentElement(),
                MitzProtocol.XACML_NS, "Request");
        Element expected = fixture("mitz-xacml-request.xml").getDocumentElement();
        assertEquals(expected.getAttribute("ReturnPolicyIdList"), ours.getAttribute("ReturnPolicyIdList"));
        assertEquals(expected.getAttribute("CombinedDecision"), ours.getAttribute("CombinedDecision"));
        List<Element> wantCategories = children(expected, "Attributes");
        List<Element> haveCategories = children(ours, "Attributes");
        assertEquals(wantCategories.size(), haveCategories.size());
        int values = 0;
        for (int c = 0; c < wantCategories.size(); c++) {
            Element want = wantCategories.get(c);
            Element have = haveCategories.get(c);
            assertEquals(want.getAttribute("Category"), have.getAttribute("Category"));
            assertEquals(want.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"),
                    have.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"));
            List<Element> wantAttrs = children(want, "Attribute");
            List<Element> haveAttrs = children(have, "Attribute");
            assertEquals(wantAttrs.stream().map(a -> a.getAttribute("AttributeId")).toList(),
                    haveAttrs.stream().map(a -> a.getAttribute("AttributeId")).toList(), want.getAttribute("Category"));
            for (int i = 0; i < wantAttrs.size(); i++) {
                Element wv = SecureXml.child(wantAttrs.get(i), MitzProtocol.XACML_NS, "AttributeValue");
                Element hv = SecureXml.child(haveAttrs.get(i), MitzProtocol.XACML_NS, "AttributeValue");
                assertEquals(wv.getAttribute("DataType"), hv.getAttribute("DataType"));
                assertEquals(describe(firstElement(wv)), describe(firstElement(hv)),
                        wantAttrs.get(i).getAttribute("AttributeId"));
                values++;
            }
        }
        assertEquals(9, values);
    }
}
