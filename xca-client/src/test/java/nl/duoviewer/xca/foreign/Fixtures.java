package nl.duoviewer.xca.foreign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.duoviewer.xca.security.SecureXml;

/** Test-only: the foreign fixtures of {@code src/test/resources/foreign} (see SOURCES.md there). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("foreign/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no foreign fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The fixture parsed with the product's hardened parser. */
    public static Document xml(String path) {
        return parse(bytes(path));
    }

    public static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(new java.io.ByteArrayInputStream(xml), 4L << 20);
        } catch (IOException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("fixture is not XML: " + e.getMessage(), e);
        }
    }

    /** The first child element of a SOAP Body (SOAP 1.2), or the document element when it is no envelope. */
    public static Element payload(Document doc) {
        Element root = doc.getDocumentElement();
        if (!"Envelope".equals(root.getLocalName())) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Body".equals(e.getLocalName())) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element p) {
                        return p;
                    }
                }
            }
        }
        throw new IllegalArgumentException("envelope without a body element");
    }

    /** The body of the dcm4chee request in curl notation: between {@code --data-binary '} and the last quote. */
    public static String curlBody(String curl) {
        int start = curl.indexOf("--data-binary '") + "--data-binary '".length();
        return curl.substring(start, curl.lastIndexOf('\''));
    }

    /** The SOAP envelope inside an MTOM body: from the first {@code <} after the root part's headers to its end. */
    public static String soapPart(String multipart) {
        int start = multipart.indexOf("<?xml");
        if (start < 0) {
            start = multipart.indexOf("<soap");
        }
        int end = multipart.indexOf("Envelope>", start) + "Envelope>".length();
        return multipart.substring(start, end);
    }
}
