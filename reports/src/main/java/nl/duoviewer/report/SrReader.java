package nl.duoviewer.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.ReadOptions;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.report.StructuredReport.HeaderField;

/**
 * Reads a DICOM Structured Report (Basic Text, Enhanced, Comprehensive, Comprehensive 3D, Extensible) with
 * viewer-core's own parser and walks its content tree: the document title is the root concept name, CONTAINER items
 * become headings one level deeper per nesting, and TEXT, CODE, NUM, DATE, TIME, DATETIME, PNAME and UIDREF items
 * become labelled values (concept name: value). Spatial and image references are not text and are left out. The
 * patient is the object's Patient ID, checked by the viewer like every image's.
 */
final class SrReader {

    /** The SR storage classes whose content tree is text a reader can follow. */
    static final Set<String> SR_CLASSES = Set.of(
            "1.2.840.10008.5.1.4.1.1.88.11", // Basic Text SR
            "1.2.840.10008.5.1.4.1.1.88.22", // Enhanced SR
            "1.2.840.10008.5.1.4.1.1.88.33", // Comprehensive SR
            "1.2.840.10008.5.1.4.1.1.88.34", // Comprehensive 3D SR
            "1.2.840.10008.5.1.4.1.1.88.35"); // Extensible SR

    private static final ReadOptions OPTIONS = ReadOptions.DEFAULT.withMaxValueLength(16L << 20)
            .withBulkDataThreshold(16L << 20).withMaxSequenceDepth(48).withStopAtPixelData(true);
    /** More content items than this is not a report a person reads; refused rather than drawn for minutes. */
    private static final int MAX_ITEMS = 20_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SrReader() {
    }

    static StructuredReport read(byte[] bytes) throws ReportException {
        DicomFile file;
        try {
            file = DicomReader.read(new ByteArrayInputStream(bytes), OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw new ReportException(ReportException.Kind.CORRUPT, "unreadable DICOM: " + e.getMessage(), e);
        }
        DicomObject ds = file.dataset();
        String sopClass = file.sopClassUid();
        if (sopClass == null || !SR_CLASSES.contains(sopClass)) {
            throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "DICOM, but not a text structured "
                    + "report: SOP class " + sopClass);
        }
        if (!"CONTAINER".equals(ds.getString(Tag.ValueType))) {
            throw new ReportException(ReportException.Kind.CORRUPT, "SR document root is not a CONTAINER");
        }
        List<HeaderField> header = new ArrayList<>();
        add(header, HeaderField.Kind.PATIENT, personName(ds.getString(Tag.PatientName)));
        LocalDateTime content = ds.getDateTime(Tag.ContentDate, Tag.ContentTime);
        add(header, HeaderField.Kind.DATE, content == null ? "" : DATE_TIME.format(content));
        DicomObject verifier = ds.getItem(Tag.VerifyingObserverSequence);
        add(header, HeaderField.Kind.AUTHOR, verifier == null ? ""
                : personName(verifier.getString(Tag.VerifyingObserverName)));
        String organisation = ds.getString(Tag.InstitutionName, "");
        if (organisation.isEmpty() && verifier != null) {
            organisation = verifier.getString(Tag.VerifyingOrganization, "");
        }
        add(header, HeaderField.Kind.ORGANISATION, organisation);

        List<ReportBlock> blocks = new ArrayList<>();
        walk(ds.getSequence(Tag.ContentSequence), 1, blocks);
        return new StructuredReport(ReportFormat.DICOM_SR, meaning(ds.getItem(Tag.ConceptNameCodeSequence)), header,
                blocks, new PatientReference.Stated(ds.getString(Tag.PatientID, "")));
    }

    private static void add(List<HeaderField> header, HeaderField.Kind kind, String value) {
        if (value != null && !value.isBlank()) {
            header.add(new HeaderField(kind, value.strip()));
        }
    }

    private static void walk(List<DicomObject> items, int level, List<ReportBlock> out) throws ReportException {
        for (DicomObject item : items) {
            if (out.size() > MAX_ITEMS) {
                throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "more than " + MAX_ITEMS
                        + " content items");
            }
            String type = item.getString(Tag.ValueType, "");
            String name = meaning(item.getItem(Tag.ConceptNameCodeSequence));
            List<DicomObject> children = item.getSequence(Tag.ContentSequence);
            if ("CONTAINER".equals(type)) {
                if (!name.isEmpty()) {
                    out.add(new ReportBlock.Heading(level, name));
                }
                walk(children, level + 1, out);
                continue;
            }
            String value = value(type, item);
            if (value != null) {
                out.add(name.isEmpty() ? new ReportBlock.Paragraph(value) : new ReportBlock.Field(name, value));
            }
            // modifiers and properties of an item (HAS CONCEPT MOD, HAS PROPERTIES...) follow it
            walk(children, level, out);
        }
    }

    /** The item's value as text, or null for value types that are not text (IMAGE, SCOORD, ...). */
    private static String value(String type, DicomObject item) {
        return switch (type) {
            case "TEXT" -> item.getString(Tag.TextValue, "");
            case "CODE" -> meaning(item.getItem(Tag.ConceptCodeSequence));
            case "NUM" -> number(item.getItem(Tag.MeasuredValueSequence));
            case "DATE" -> {
                LocalDate d = item.getDate(Tag.Date);
                yield d == null ? item.getString(Tag.Date, "") : DATE.format(d);
            }
            case "TIME" -> {
                LocalTime t = item.getTime(Tag.Time);
                yield t == null ? item.getString(Tag.Time, "") : TIME.format(t);
            }
            case "DATETIME" -> dateTime(item.getString(Tag.DateTime, ""));
            case "PNAME" -> personName(item.getString(Tag.PersonName));
            case "UIDREF" -> item.getString(Tag.UID, "");
            default -> null;
        };
    }

    private static String number(DicomObject measured) {
        if (measured == null) {
            return "";
        }
        String value = measured.getString(Tag.NumericValue, "");
        DicomObject unit = measured.getItem(Tag.MeasurementUnitsCodeSequence);
        if (unit == null) {
            return value;
        }
        // UCUM codes are the symbols a reader expects ("mm", "cm2"); "1" means no unit
        String code = unit.getString(Tag.CodeValue, "");
        String symbol = "UCUM".equals(unit.getString(Tag.CodingSchemeDesignator)) ? code
                : unit.getString(Tag.CodeMeaning, code);
        return symbol.isEmpty() || "1".equals(symbol) ? value : value + " " + symbol;
    }

    /** A DT value to the minute, or as written when it is not a date. */
    private static String dateTime(String dt) {
        if (dt.length() >= 8 && dt.chars().limit(8).allMatch(Character::isDigit)) {
            String s = dt.substring(6, 8) + "-" + dt.substring(4, 6) + "-" + dt.substring(0, 4);
            if (dt.length() >= 12 && dt.chars().skip(8).limit(4).allMatch(Character::isDigit)) {
                s += " " + dt.substring(8, 10) + ":" + dt.substring(10, 12);
            }
            return s;
        }
        return dt;
    }

    private static String meaning(DicomObject code) {
        if (code == null) {
            return "";
        }
        String m = code.getString(Tag.CodeMeaning);
        return m != null ? m : code.getString(Tag.CodeValue, "");
    }

    /** DICOM PN (Family^Given^Middle^Prefix^Suffix, alphabetic group) in reading order: "dr. Jan de Vries". */
    static String personName(String pn) {
        if (pn == null || pn.isBlank()) {
            return "";
        }
        String[] c = pn.split("=", 2)[0].split("\\^", -1);
        String family = c.length > 0 ? c[0] : "";
        String given = c.length > 1 ? c[1] : "";
        String middle = c.length > 2 ? c[2] : "";
        String prefix = c.length > 3 ? c[3] : "";
        String suffix = c.length > 4 ? c[4] : "";
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {prefix, given, middle, family, suffix}) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return String.join(" ", parts);
    }
}
