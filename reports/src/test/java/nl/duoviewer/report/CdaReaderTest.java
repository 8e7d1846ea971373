package nl.duoviewer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.report.ReportBlock.Heading;
import nl.duoviewer.report.ReportBlock.ItemList;
import nl.duoviewer.report.ReportBlock.Paragraph;
import nl.duoviewer.report.ReportBlock.Table;
import nl.duoviewer.report.StructuredReport.HeaderField;
import nl.duoviewer.report.StructuredReport.HeaderField.Kind;

/** HL7 CDA R2 narrative read into headings, paragraphs, lists and tables, with known answers from a fixture. */
class CdaReaderTest {

    private static StructuredReport fixture() throws ReportException {
        return assertInstanceOf(StructuredReport.class,
                ReportReader.read(TestReports.resource("cda-ct-thorax.xml"), "text/xml"));
    }

    @Test
    void theHeaderNamesTitlePatientDateAuthorAndCustodian() throws Exception {
        StructuredReport r = fixture();
        assertEquals(ReportFormat.CDA, r.format());
        assertEquals("Verslag CT thorax", r.title());
        assertEquals(List.of(new HeaderField(Kind.PATIENT, "Jan de Vries"),
                new HeaderField(Kind.DATE, "12-03-2026 14:30"),
                new HeaderField(Kind.AUTHOR, "dr. A. Bakker"),
                new HeaderField(Kind.ORGANISATION, "Erasmus MC")), r.header());
        assertEquals(new PatientReference.Stated("999999011"), r.patient(), "the BSN-rooted id, not the local one");
        assertTrue(r.patient().matches("999999011"));
        assertFalse(r.patient().matches("999998456"));
    }

    @Test
    void sectionsBecomeHeadingsAndNarrativeBecomesParagraphsListsAndTables() throws Exception {
        List<ReportBlock> b = fixture().blocks();
        assertEquals(List.of(
                new Heading(1, "Klinische gegevens"),
                new Paragraph("Controle na behandeling van een pneumonie."),
                new Heading(1, "Bevindingen"),
                new Paragraph("Longparenchym zonder infiltraat.\nGeen pleuravocht."),
                new ItemList(false, List.of("Geen lymfadenopathie", "Normale hartgrootte")),
                new Table("Metingen", List.of("Laesie", "Grootte"), List.of(
                        List.of("Nodus rechter bovenkwab", "4 mm"), List.of("Nodus linker onderkwab", "3 mm"))),
                new Heading(2, "Vergelijking"),
                new Paragraph("Vergeleken met CT van 01-02-2025: stabiel."),
                new Heading(1, "Conclusions"), // no title: the section code's display name
                new ItemList(true, List.of("Geen tekenen van een actieve pneumonie."))), b);
        Table t = (Table) b.get(5);
        assertEquals("4 mm", t.rows().get(0).get(1));
    }

    @Test
    void aDocumentWithoutABsnDoesNotMatchAnyPatient() throws Exception {
        String xml = new String(TestReports.resource("cda-ct-thorax.xml"), StandardCharsets.UTF_8)
                .replace("root=\"2.16.840.1.113883.2.4.6.3\" extension=\"999999011\"",
                        "root=\"2.16.840.1.113883.2.4.99.2\" extension=\"999999011\"");
        StructuredReport r = (StructuredReport) ReportReader.read(xml.getBytes(StandardCharsets.UTF_8), "text/xml");
        assertFalse(r.patient().matches("999999011"), "an identifier under another root is not a BSN");
    }

    @Test
    void aPlainTextNonXmlBodyIsShown() throws Exception {
        String body = Base64.getEncoder().encodeToString("Regel een\nRegel twee\n\nConclusie: geen afwijkingen."
                .getBytes(StandardCharsets.UTF_8));
        String xml = """
                <ClinicalDocument xmlns="urn:hl7-org:v3"><title>Verslag</title>
                <recordTarget><patientRole><id root="2.16.840.1.113883.2.4.6.3" extension="999999011"/></patientRole>
                </recordTarget><component><nonXMLBody><text mediaType="text/plain" representation="B64">%s</text>
                </nonXMLBody></component></ClinicalDocument>""".formatted(body);
        StructuredReport r = (StructuredReport) ReportReader.read(xml.getBytes(StandardCharsets.UTF_8),
                "text/xml");
        assertEquals(List.of(new Paragraph("Regel een\nRegel twee"), new Paragraph("Conclusie: geen afwijkingen.")),
                r.blocks());
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "GEHEIM");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM "%s">]>
                <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&x;</title></ClinicalDocument>"""
                .formatted(secret.toUri());
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(xml.getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
        assertFalse(String.valueOf(e.getMessage()).contains("GEHEIM"));
    }

    @Test
    void entityExpansionIsRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&b;</title></ClinicalDocument>""";
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(xml.getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }

    @Test
    void otherXmlIsAnUnsupportedFormatAndBrokenXmlIsCorrupt() {
        ReportException other = assertThrows(ReportException.class, () -> ReportReader.read(
                "<html><body>Verslag</body></html>".getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(ReportException.Kind.UNSUPPORTED_FORMAT, other.kind());
        ReportException broken = assertThrows(ReportException.class, () -> ReportReader.read(
                "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>".getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(ReportException.Kind.CORRUPT, broken.kind());
    }

    @Test
    void hostileNestingIsRefused() {
        String xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><structuredBody><component><section>"
                + "<text>" + "<content>".repeat(200) + "x" + "</content>".repeat(200) + "</text>"
                + "</section></component></structuredBody></component></ClinicalDocument>";
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(xml.getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }

    @Test
    void hl7TimestampsKeepTheirPrecision() {
        assertEquals("2026", CdaReader.timestamp("2026"));
        assertEquals("03-2026", CdaReader.timestamp("202603"));
        assertEquals("12-03-2026", CdaReader.timestamp("20260312"));
        assertEquals("12-03-2026 14:30", CdaReader.timestamp("202603121430"));
        assertEquals("12-03-2026 14:30", CdaReader.timestamp("20260312143059.123+0100"));
        assertEquals("gisteren", CdaReader.timestamp("gisteren"));
    }
}
