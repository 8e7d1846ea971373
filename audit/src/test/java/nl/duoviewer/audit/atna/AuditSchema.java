package nl.duoviewer.audit.atna;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** The DICOM PS3.15 A.5.1 audit message schema kept in the test resources (see SOURCE.md beside it). */
public final class AuditSchema {

    private static final Schema SCHEMA;

    static {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            SCHEMA = f.newSchema(AuditSchema.class.getResource("dicom2017c.xsd"));
        } catch (SAXException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AuditSchema() {
    }

    /** Validates one audit message; throws with the schema's complaint when it is not valid. */
    public static void validate(String xml) throws SAXException, IOException {
        var v = SCHEMA.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }
}
