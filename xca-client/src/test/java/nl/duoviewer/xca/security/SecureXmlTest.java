package nl.duoviewer.xca.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class SecureXmlTest {

    @Test
    void externalEntitiesAndDoctypesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><a>&x;</a>";
        assertThrows(SAXException.class, () -> SecureXml.parse(xxe));
        String bomb = "<!DOCTYPE a [<!ENTITY l0 \"ha\"><!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">]><a>&l1;</a>";
        assertThrows(SAXException.class, () -> SecureXml.parse(bomb));
        String external = "<!DOCTYPE a SYSTEM \"" + secret.toUri() + "\"><a/>";
        assertThrows(SAXException.class, () -> SecureXml.parse(external));
        assertEquals("ok", SecureXml.parse("<a xmlns=\"urn:x\">ok</a>").getDocumentElement().getTextContent());
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeParsing() {
        byte[] big = ("<a>" + "x".repeat(5000) + "</a>").getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class, () -> SecureXml.parse(new ByteArrayInputStream(big), 4096));
    }
}
