package nl.duoviewer.xca.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.xml.bind.JAXBContext;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.ObjectFactory;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.retrieve.ImagingRetriever;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/** Our ITI-38 and RAD-69/75 requests validate against the ebRS 3.0 and XDS-I.b schemas shipped in IPF's jar. */
class RequestSchemaTest {

    /** The schemas together, as the WSDLs import them (IHEXDSIB.xsd uses XDS.b types without importing them). */
    private static Schema schema(String... resources) throws Exception {
        javax.xml.transform.Source[] sources = new javax.xml.transform.Source[resources.length];
        for (int i = 0; i < resources.length; i++) {
            URL url = RequestSchemaTest.class.getClassLoader().getResource(resources[i]);
            assertNotNull(url, resources[i] + " not found in the IPF jar");
            sources[i] = new javax.xml.transform.stream.StreamSource(url.toExternalForm());
        }
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // IPF's rim.xsd refers to xds-b:Document, declared in xcf.xsd, a second document of the XDS.b namespace
        f.setFeature("http://apache.org/xml/features/honour-all-schemaLocations", true);
        return f.newSchema(sources);
    }

    private static Document marshal(Object jaxb, Class<?>... classes) throws Exception {
        DOMResult result = new DOMResult();
        JAXBContext.newInstance(classes).createMarshaller().marshal(jaxb, result);
        return (Document) result.getNode();
    }

    @Test
    void findDocumentsQueriesValidateAgainstTheQuerySchema() throws Exception {
        Schema schema = schema("wsdl/schema/IHE/xcf.xsd", "wsdl/schema/ebRS30/query.xsd");
        Bsn bsn = Bsn.parse("999999011");
        for (DocumentKind kind : DocumentKind.values()) {
            for (ServiceTimeRange range : new ServiceTimeRange[] {null,
                    ServiceTimeRange.allUntil(java.time.LocalDate.of(2026, 11, 23)).split()[1]}) {
                AdhocQueryRequest req = FindDocumentsRequests.findDocuments(bsn, "urn:oid:1.2.3", kind, range);
                Document doc = marshal(req, AdhocQueryRequest.class);
                schema.newValidator().validate(new DOMSource(doc));
                String xml = nl.duoviewer.xca.security.SecureXml.toString(doc);
                assertContains(xml, "'999999011^^^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO'");
                assertContains(xml, "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved");
                assertContains(xml, "home=\"urn:oid:1.2.3\"");
                assertContains(xml, kind == DocumentKind.MANIFESTS
                        ? "1.2.840.10008.5.1.4.1.1.88.59^^1.2.840.10008.2.6.1" : "722124004^^2.16.840.1.113883.6.96");
            }
        }
    }

    @Test
    void imagingRetrieveValidatesAgainstTheXdsiSchema() throws Exception {
        Schema schema = schema("wsdl/schema/IHE/xcf.xsd", "wsdl/schema/IHE/IHEXDSIB.xsd");
        SeriesRequest series = new SeriesRequest("1.2.3", "1.2.3.1", "1.2.3.99", List.of("1.2.3.1.1", "1.2.3.1.2"));
        RetrieveImagingDocumentSetRequestType req = ImagingRetriever.request(series, "urn:oid:1.2.3",
                DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES);
        Document doc = marshal(new ObjectFactory().createRetrieveImagingDocumentSetRequest(req),
                RetrieveImagingDocumentSetRequestType.class);
        Element root = doc.getDocumentElement();
        assertEquals("urn:ihe:rad:xdsi-b:2009", root.getNamespaceURI());
        // On the wire the DocumentRequests are xds-b elements, as IPF's binding, IPF-based gateways and the IHE
        // example messages have them; the XSD shipped with IPF declares them local to the XDS-I.b namespace. That
        // one known difference is mapped before validation; everything else must validate as sent.
        var requests = root.getElementsByTagNameNS("urn:ihe:iti:xds-b:2007", "DocumentRequest");
        assertEquals(2, requests.getLength());
        assertThrows(SAXParseException.class, () -> schema.newValidator().validate(new DOMSource(doc)));
        List<org.w3c.dom.Node> toRename = new java.util.ArrayList<>();
        for (int i = 0; i < requests.getLength(); i++) {
            toRename.add(requests.item(i));
        }
        for (org.w3c.dom.Node n : toRename) {
            doc.renameNode(n, "urn:ihe:rad:xdsi-b:2009", "DocumentRequest");
        }
        schema.newValidator().validate(new DOMSource(doc));
        assertEquals(6, root.getElementsByTagNameNS("urn:ihe:rad:xdsi-b:2009", "TransferSyntaxUID").getLength());

        // and the schema is strict enough to catch a broken request
        root.getElementsByTagNameNS("urn:ihe:rad:xdsi-b:2009", "StudyRequest").item(0).getAttributes()
                .removeNamedItem("studyInstanceUID");
        assertThrows(SAXParseException.class, () -> schema.newValidator().validate(new DOMSource(doc)));
    }

    private static void assertContains(String haystack, String needle) {
        if (!haystack.contains(needle)) {
            throw new AssertionError("expected " + needle + " in " + haystack);
        }
    }
}
