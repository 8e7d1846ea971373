package nl.duoviewer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.report.ReportBlock.Field;
import nl.duoviewer.report.ReportBlock.Heading;
import nl.duoviewer.report.StructuredReport.HeaderField;
import nl.duoviewer.report.StructuredReport.HeaderField.Kind;

/** DICOM SR content trees walked into headings and labelled values, read with viewer-core's own parser. */
class SrReaderTest {

    @Test
    void aBasicTextSrBecomesHeadingsAndLabelledValues() throws Exception {
        StructuredReport r = assertInstanceOf(StructuredReport.class,
                ReportReader.read(TestReports.basicTextSr("999999011"), "application/dicom"));
        assertEquals(ReportFormat.DICOM_SR, r.format());
        assertEquals("Verslag CT thorax", r.title());
        assertEquals(List.of(new HeaderField(Kind.PATIENT, "Jan de Vries"),
                new HeaderField(Kind.DATE, "12-03-2026 14:30"),
                new HeaderField(Kind.AUTHOR, "dr. A. Bakker"),
                new HeaderField(Kind.ORGANISATION, "Erasmus MC")), r.header());
        assertEquals(List.of(
                new Field("Person Observer Name", "dr. A. Bakker"),
                new Heading(1, "Bevindingen"),
                new Field("Bevinding", "Longparenchym zonder infiltraat. Geen pleuravocht."),
                new Field("Lokalisatie", "Long"),
                new Field("Lengte", "4.5 mm"),
                new Heading(2, "Vergelijking"),
                new Field("Datum vorig onderzoek", "01-02-2025"),
                new Heading(1, "Conclusie"),
                new Field("Conclusie", "Geen tekenen van een actieve pneumonie.")), r.blocks());
        assertTrue(r.patient().matches("999999011"));
        assertFalse(r.patient().matches("999998456"));
    }

    @Test
    void personNamesReadInDutchOrder() {
        assertEquals("dr. Jan de Vries", SrReader.personName("de Vries^Jan^^dr."));
        assertEquals("Jan Vries", SrReader.personName("Vries^Jan"));
        assertEquals("Jansen", SrReader.personName("Jansen=ヤマダ"));
        assertEquals("", SrReader.personName(null));
    }

    @Test
    void aManifestIsDicomButNotAReport() {
        DicomObject kos = new DicomObject();
        kos.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.59");
        kos.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1");
        kos.setString(Tag.ValueType, VR.CS, "CONTAINER");
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(TestReports.write(kos), "application/dicom"));
        assertEquals(ReportException.Kind.UNSUPPORTED_FORMAT, e.kind());
    }

    @Test
    void aTruncatedSrIsCorrupt() {
        byte[] sr = TestReports.basicTextSr("999999011");
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read(Arrays.copyOf(sr, sr.length - 40), "application/dicom"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }
}
