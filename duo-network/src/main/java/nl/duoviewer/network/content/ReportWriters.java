package nl.duoviewer.network.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Sequence;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.synthetic.ReportDocument;

/**
 * Writes a demo report in its registered format, all from the same {@link Findings}: a PDF page, an HL7 CDA R2 document
 * with structured headings (sections "Klinische gegevens", "Bevindingen" with a table of study facts, "Conclusie"), a
 * DICOM Basic Text SR written with viewer-core's DicomWriter (TID 2000 shape: observer, History, Findings,
 * Impressions containers), or UTF-8 plain text. Same input, same bytes.
 */
final class ReportWriters {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String HL7 = "urn:hl7-org:v3";
    private static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

    private ReportWriters() {
    }

    static byte[] write(DemoPatient patient, DemoStudy study, DemoReport report) {
        Findings findings = Findings.forStudy(study);
        return switch (report.format()) {
            case PDF -> ReportDocument.pdf(report.title(), textLines(patient, study, report, findings));
            case TEXT -> text(patient, study, report, findings);
            case CDA -> cda(patient, study, report, findings);
            case SR -> sr(patient, study, report, findings);
        };
    }

    /** The header lines and body of the PDF and text forms. */
    private static List<String> textLines(DemoPatient patient, DemoStudy study, DemoReport report, Findings f) {
        List<String> lines = new ArrayList<>();
        lines.add("Patient: " + patient.displayName() + "   BSN " + patient.bsn().formatted() + "   geboren "
                + patient.birthDate().format(DATE));
        lines.add("Onderzoek: " + study.description() + "   " + study.dateTime().format(DATE) + "   accessienummer "
                + study.accessionNumber());
        lines.add("Instelling: " + report.institution().name());
        lines.add("");
        lines.add("Verslag");
        lines.addAll(f.lines());
        lines.add("");
        lines.add("Verslag opgesteld " + report.dateTime().format(DATE) + " (synthetische demonstratiegegevens)");
        return lines;
    }

    private static byte[] text(DemoPatient patient, DemoStudy study, DemoReport report, Findings f) {
        List<String> lines = new ArrayList<>();
        lines.add(report.title().toUpperCase(java.util.Locale.ROOT));
        lines.addAll(textLines(patient, study, report, f));
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cda(DemoPatient patient, DemoStudy study, DemoReport report, Findings f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ClinicalDocument");
            w.writeDefaultNamespace(HL7);
            empty(w, "realmCode", "code", "NL");
            empty(w, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
            empty(w, "id", "root", report.documentUid());
            empty(w, "code", "code", "18748-4", "codeSystem", "2.16.840.1.113883.6.1", "displayName",
                    "Diagnostic imaging study");
            text(w, "title", report.title());
            empty(w, "effectiveTime", "value", report.dateTime().format(TS));
            empty(w, "confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25");
            empty(w, "languageCode", "code", "nl-NL");

            w.writeStartElement("recordTarget");
            w.writeStartElement("patientRole");
            empty(w, "id", "root", Bsn.OID, "extension", patient.bsn().value());
            w.writeStartElement("patient");
            w.writeStartElement("name");
            text(w, "given", patient.givenName());
            text(w, "family", patient.familyName());
            w.writeEndElement();
            empty(w, "administrativeGenderCode", "code", patient.sex(), "codeSystem", "2.16.840.1.113883.5.1");
            empty(w, "birthTime", "value", patient.birthDate().format(DA));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("author");
            empty(w, "time", "value", report.dateTime().format(TS));
            w.writeStartElement("assignedAuthor");
            empty(w, "id", "root", SourceInstitution.URA_OID, "extension", report.institution().ura());
            w.writeStartElement("assignedPerson");
            w.writeStartElement("name");
            text(w, "prefix", "dr.");
            text(w, "family", "Radioloog " + report.institution().name());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("custodian");
            w.writeStartElement("assignedCustodian");
            w.writeStartElement("representedCustodianOrganization");
            empty(w, "id", "root", SourceInstitution.URA_OID, "extension", report.institution().ura());
            text(w, "name", report.institution().name());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("component");
            w.writeStartElement("structuredBody");
            section(w, "121060", "History", "Klinische gegevens", () -> text(w, "paragraph", f.question()));
            section(w, "121070", "Findings", "Bevindingen", () -> {
                for (String finding : f.findings()) {
                    text(w, "paragraph", finding);
                }
                w.writeStartElement("table");
                text(w, "caption", "Onderzoeksgegevens");
                w.writeStartElement("thead");
                w.writeStartElement("tr");
                text(w, "th", "Gegeven");
                text(w, "th", "Waarde");
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("tbody");
                row(w, "Onderzoek", study.description());
                row(w, "Lichaamsdeel", study.bodyPart());
                row(w, "Datum", study.dateTime().format(DATE));
                row(w, "Accessienummer", study.accessionNumber());
                w.writeEndElement();
                w.writeEndElement();
            });
            section(w, "121072", "Impressions", "Conclusie", () -> {
                w.writeStartElement("list");
                w.writeAttribute("listType", "ordered");
                text(w, "item", f.conclusion());
                w.writeEndElement();
                text(w, "paragraph", "Synthetische demonstratiegegevens.");
            });
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("CDA could not be written", e);
        }
        return out.toByteArray();
    }

    private interface Body {
        void write() throws XMLStreamException;
    }

    private static void section(XMLStreamWriter w, String code, String codeMeaning, String title, Body body)
            throws XMLStreamException {
        w.writeStartElement("component");
        w.writeStartElement("section");
        empty(w, "code", "code", code, "codeSystem", "1.2.840.10008.2.16.4", "displayName", codeMeaning);
        text(w, "title", title);
        w.writeStartElement("text");
        body.write();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void row(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("tr");
        text(w, "td", name);
        text(w, "td", value);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void empty(XMLStreamWriter w, String element, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private static byte[] sr(DemoPatient patient, DemoStudy study, DemoReport report, Findings f) {
        LocalDateTime written = report.dateTime();
        DicomObject ds = new DicomObject(48);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, BASIC_TEXT_SR);
        ds.setString(Tag.SOPInstanceUID, VR.UI, report.documentUid());
        ds.setString(Tag.StudyDate, VR.DA, study.dateTime().format(DA));
        ds.setString(Tag.StudyTime, VR.TM, study.dateTime().format(TM));
        ds.setString(Tag.ContentDate, VR.DA, written.format(DA));
        ds.setString(Tag.ContentTime, VR.TM, written.format(TM));
        ds.setString(Tag.AccessionNumber, VR.SH, study.accessionNumber());
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.Manufacturer, VR.LO, "DUO demo network");
        ds.setString(Tag.InstitutionName, VR.LO, report.institution().name());
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, study.description());
        ds.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        ds.setString(Tag.PatientName, VR.PN, patient.familyName() + "^" + patient.givenName());
        ds.setString(Tag.PatientID, VR.LO, patient.bsn().value());
        ds.setString(Tag.IssuerOfPatientID, VR.LO, Bsn.OID);
        ds.setString(Tag.PatientBirthDate, VR.DA, patient.birthDate().format(DA));
        ds.setString(Tag.PatientSex, VR.CS, patient.sex());
        ds.setString(Tag.StudyInstanceUID, VR.UI, study.studyInstanceUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, report.documentUid() + ".1");
        ds.setString(Tag.StudyID, VR.SH, study.accessionNumber().length() > 16
                ? study.accessionNumber().substring(0, 16) : study.accessionNumber());
        ds.setInt(Tag.SeriesNumber, VR.IS, 998);
        ds.setInt(Tag.InstanceNumber, VR.IS, 1);
        ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(Tag.VerificationFlag, VR.CS, "VERIFIED");
        DicomObject verifier = ds.newSequence(Tag.VerifyingObserverSequence).addItem();
        verifier.setString(Tag.VerifyingObserverName, VR.PN, "Radioloog " + report.institution().name() + "^^^dr.");
        verifier.setString(Tag.VerifyingOrganization, VR.LO, report.institution().name());
        verifier.setString(Tag.VerificationDateTime, VR.DT, written.format(TS));
        ds.newSequence(Tag.PerformedProcedureCodeSequence);
        // SR document content: TID 2000 "Basic Diagnostic Imaging Report"
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        code(ds.newSequence(Tag.ConceptNameCodeSequence).addItem(), "18748-4", "LN", report.title());
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        DicomObject template = ds.newSequence(Tag.ContentTemplateSequence).addItem();
        template.setString(Tag.MappingResource, VR.CS, "DCMR");
        template.setString(Tag.TemplateIdentifier, VR.CS, "2000");
        Sequence root = ds.newSequence(Tag.ContentSequence);
        item(root, "HAS OBS CONTEXT", "PNAME", "121008", "Waarnemer").setString(Tag.PersonName, VR.PN,
                "Radioloog " + report.institution().name() + "^^^dr.");
        Sequence history = container(root, "121060", "Klinische gegevens");
        item(history, "CONTAINS", "TEXT", "121060", "Klinische vraag").setString(Tag.TextValue, VR.UT,
                f.question());
        Sequence findings = container(root, "121070", "Bevindingen");
        DicomObject site = item(findings, "HAS CONCEPT MOD", "CODE", "363698007", "Lichaamsdeel");
        code(site.getItem(Tag.ConceptNameCodeSequence), "363698007", "SCT", "Lichaamsdeel");
        code(site.newSequence(Tag.ConceptCodeSequence).addItem(), study.bodyPartCode(), "SCT", study.bodyPart());
        item(findings, "CONTAINS", "DATE", "111060", "Datum onderzoek").setString(Tag.Date, VR.DA,
                study.dateTime().format(DA));
        for (String finding : f.findings()) {
            item(findings, "CONTAINS", "TEXT", "121071", "Bevinding").setString(Tag.TextValue, VR.UT, finding);
        }
        Sequence impressions = container(root, "121072", "Conclusie");
        item(impressions, "CONTAINS", "TEXT", "121073", "Conclusie").setString(Tag.TextValue, VR.UT,
                f.conclusion());
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Sequence container(Sequence parent, String code, String meaning) {
        DicomObject c = item(parent, "CONTAINS", "CONTAINER", code, meaning);
        c.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        return c.newSequence(Tag.ContentSequence);
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
