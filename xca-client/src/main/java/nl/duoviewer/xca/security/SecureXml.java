package nl.duoviewer.xca.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML parsing for untrusted input: namespace-aware, no DTDs, no external entities or schemas, bounded size. Every
 * document this module parses itself (Mitz answers, SAML assertions) goes through here.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /** A fresh hardened builder; builders are not thread-safe, so one per use. */
    public static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // a DOCTYPE anywhere is an error: no internal subset, no entity expansion, no external DTD
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entity refused: " + systemId);
            });
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    /** Parses at most {@code maxBytes} bytes; more is an error, not a truncation. */
    public static Document parse(InputStream in, long maxBytes) throws IOException, SAXException {
        byte[] bytes = readCapped(in, maxBytes);
        return newBuilder().parse(new java.io.ByteArrayInputStream(bytes));
    }

    public static Document parse(byte[] bytes) throws IOException, SAXException {
        return newBuilder().parse(new java.io.ByteArrayInputStream(bytes));
    }

    public static Document parse(String xml) throws IOException, SAXException {
        return newBuilder().parse(new InputSource(new StringReader(xml)));
    }

    public static Document newDocument() {
        return newBuilder().newDocument();
    }

    /** Reads the whole stream, failing once it passes {@code maxBytes}. */
    public static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("XML document larger than " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Serialises a node as UTF-8 without reformatting (signatures must survive). */
    public static byte[] toBytes(Node node) {
        try {
            Transformer t = transformer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialise XML", e);
        }
    }

    public static String toString(Node node) {
        try {
            StringWriter w = new StringWriter();
            transformer().transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialise XML", e);
        }
    }

    private static Transformer transformer() throws TransformerException {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        return t;
    }

    /** First child element with this namespace and local name, or null. */
    public static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** Text of the first descendant with this name, trimmed; empty when absent. */
    public static String text(Element root, String ns, String local) {
        var list = root.getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }
}
