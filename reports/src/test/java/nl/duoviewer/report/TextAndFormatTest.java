package nl.duoviewer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.report.ReportBlock.Paragraph;

/** Plain text reports, and which reader a document goes to. */
class TextAndFormatTest {

    @Test
    void plainTextSplitsIntoParagraphsAndKeepsLineBreaksAndAccents() throws Exception {
        String text = "VERSLAG ECHO ABDOMEN\r\nDatum: 03-11-2026\r\n\r\nLever: homogeen, geen haardafwijkingen.\r\n"
                + "Galblaas: één concrement.\r\n\r\n\r\nConclusie: cholecystolithiasis.\r\n";
        StructuredReport r = assertInstanceOf(StructuredReport.class,
                ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertEquals(ReportFormat.TEXT, r.format());
        assertEquals(List.of(new Paragraph("VERSLAG ECHO ABDOMEN\nDatum: 03-11-2026"),
                new Paragraph("Lever: homogeen, geen haardafwijkingen.\nGalblaas: één concrement."),
                new Paragraph("Conclusie: cholecystolithiasis.")), r.blocks());
        assertTrue(r.patient().matches("999999011"), "plain text names no patient; the registry does");
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252UnlessItsCharsetIsGiven() throws Exception {
        byte[] latin = "Galblaas: één concrement.".getBytes(Charset.forName("windows-1252"));
        assertEquals("Galblaas: één concrement.", ReportReader.read(latin, "text/plain").text());
        assertEquals("Galblaas: één concrement.", ReportReader.read(latin, "text/plain; charset=ISO-8859-1")
                .text());
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(latin, "text/plain; charset=UTF-8"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }

    @Test
    void binaryLabelledAsTextIsCorrupt() {
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(new byte[] {'a', 0, 1, 2, 3}, "text/plain"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
        assertEquals(ReportException.Kind.CORRUPT, assertThrows(ReportException.class,
                () -> ReportReader.read(new byte[0], "text/plain")).kind());
    }

    @Test
    void anUnknownTypeIsUnsupported() {
        ReportException e = assertThrows(ReportException.class, () -> ReportReader.read(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3}, "application/msword"));
        assertEquals(ReportException.Kind.UNSUPPORTED_FORMAT, e.kind());
    }

    @Test
    void theContentDecidesWhenItIsRecognisable() {
        assertEquals(ReportFormat.PDF, ReportReader.sniff("junk\n%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ReportFormat.CDA, ReportReader.sniff("\uFEFF  <?xml version=\"1.0\"?><a/>"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(ReportFormat.DICOM_SR, ReportReader.sniff(TestReports.basicTextSr("1")));
        assertNull(ReportReader.sniff("Conclusie: geen afwijkingen.".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ReportFormat.CDA, ReportFormat.fromMimeType("application/hl7-v3+xml"));
        assertEquals(ReportFormat.TEXT, ReportFormat.fromMimeType("Text/Plain; charset=UTF-8"));
        assertNull(ReportFormat.fromMimeType("image/jpeg"));
    }
}
