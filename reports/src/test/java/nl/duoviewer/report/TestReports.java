package nl.duoviewer.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Sequence;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;

/** Known-answer report documents built in the test: PDFs with PDFBox, SR with viewer-core's writer, CDA from file. */
final class TestReports {

    static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

    static {
        // before the first PDType1Font: PDFBox's default mapper would scan and cache the system fonts in ~
        PdfFonts.install();
    }

    private TestReports() {
    }

    /** An A4 PDF with one page per text, in Helvetica (not embedded), lines split on \n. */
    static byte[] pdf(String... pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.setLeading(18);
                    cs.newLineAtOffset(60, 760);
                    for (String line : text.split("\n")) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestReports.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Basic Text SR (TID 2000 shape): "Verslag CT thorax" with a Findings container (a TEXT finding, a CODE, a NUM
     * in mm, a nested container with a DATE) and an Impression TEXT, plus the observer as PNAME.
     */
    static byte[] basicTextSr(String patientId) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, BASIC_TEXT_SR);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.4711");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.4712");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.4713");
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.PatientName, VR.PN, "de Vries^Jan");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.ContentDate, VR.DA, "20260312");
        ds.setString(Tag.ContentTime, VR.TM, "143000");
        ds.setString(Tag.InstitutionName, VR.LO, "Erasmus MC");
        DicomObject verifier = ds.newSequence(Tag.VerifyingObserverSequence).addItem();
        verifier.setString(Tag.VerifyingObserverName, VR.PN, "Bakker^A.^^dr.");
        verifier.setString(Tag.VerifyingOrganization, VR.LO, "Erasmus MC");
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        code(ds.newSequence(Tag.ConceptNameCodeSequence).addItem(), "18748-4", "LN", "Verslag CT thorax");
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(Tag.VerificationFlag, VR.CS, "VERIFIED");
        Sequence root = ds.newSequence(Tag.ContentSequence);
        DicomObject observer = item(root, "HAS OBS CONTEXT", "PNAME", "121008", "Person Observer Name");
        observer.setString(Tag.PersonName, VR.PN, "Bakker^A.^^dr.");
        DicomObject findings = item(root, "CONTAINS", "CONTAINER", "121070", "Bevindingen");
        findings.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        Sequence f = findings.newSequence(Tag.ContentSequence);
        item(f, "CONTAINS", "TEXT", "121071", "Bevinding").setString(Tag.TextValue, VR.UT,
                "Longparenchym zonder infiltraat. Geen pleuravocht.");
        DicomObject site = item(f, "CONTAINS", "CODE", "363698007", "Lokalisatie");
        code(site.newSequence(Tag.ConceptCodeSequence).addItem(), "39607008", "SCT", "Long");
        DicomObject num = item(f, "CONTAINS", "NUM", "410668003", "Lengte");
        DicomObject measured = num.newSequence(Tag.MeasuredValueSequence).addItem();
        measured.setString(Tag.NumericValue, VR.DS, "4.5");
        code(measured.newSequence(Tag.MeasurementUnitsCodeSequence).addItem(), "mm", "UCUM", "millimeter");
        DicomObject comparison = item(f, "CONTAINS", "CONTAINER", "121065", "Vergelijking");
        comparison.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        item(comparison.newSequence(Tag.ContentSequence), "CONTAINS", "DATE", "111060", "Datum vorig onderzoek")
                .setString(Tag.Date, VR.DA, "20250201");
        DicomObject impression = item(root, "CONTAINS", "CONTAINER", "121072", "Conclusie");
        impression.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        item(impression.newSequence(Tag.ContentSequence), "CONTAINS", "TEXT", "121073", "Conclusie")
                .setString(Tag.TextValue, VR.UT, "Geen tekenen van een actieve pneumonie.");
        return write(ds);
    }

    static byte[] write(DicomObject ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(ds, "1.2.840.10008.1.2.1", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static DicomObject item(Sequence seq, String relationship, String valueType, String code,
                                    String meaning) {
        DicomObject item = seq.addItem();
        item.setString(Tag.RelationshipType, VR.CS, relationship);
        item.setString(Tag.ValueType, VR.CS, valueType);
        code(item.newSequence(Tag.ConceptNameCodeSequence).addItem(), code, "DCM", meaning);
        return item;
    }

    private static void code(DicomObject item, String value, String scheme, String meaning) {
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }
}
