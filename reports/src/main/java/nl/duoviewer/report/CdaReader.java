package nl.duoviewer.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.report.StructuredReport.HeaderField;

/**
 * Reads an HL7 CDA R2 document's human-readable part: the header facts a reader checks (patient, date, author,
 * custodian), then every section's title and narrative block ({@code <text>}: paragraphs, lists, tables, line
 * breaks), nested sections as deeper headings. Coded entries are not shown: the narrative is what the author attested.
 * A non-XML body is shown when it is plain text. Parsed with {@link SafeXml}.
 */
final class CdaReader {

    static final String HL7 = "urn:hl7-org:v3";
    /** Deeper nesting than this (sections or narrative markup) is refused as hostile. */
    private static final int MAX_DEPTH = 64;

    private CdaReader() {
    }

    static StructuredReport read(byte[] bytes) throws ReportException {
        Document doc = SafeXml.parse(bytes);
        Element root = doc.getDocumentElement();
        if (!HL7.equals(root.getNamespaceURI()) || !"ClinicalDocument".equals(root.getLocalName())) {
            throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "XML, but not an HL7 CDA document: {"
                    + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        List<HeaderField> header = new ArrayList<>();
        Element patientRole = path(root, "recordTarget", "patientRole");
        add(header, HeaderField.Kind.PATIENT, name(path(patientRole, "patient", "name")));
        Element effective = child(root, "effectiveTime");
        add(header, HeaderField.Kind.DATE, effective == null ? "" : timestamp(effective.getAttribute("value")));
        add(header, HeaderField.Kind.AUTHOR, name(path(root, "author", "assignedAuthor", "assignedPerson", "name")));
        String organisation = text(path(root, "custodian", "assignedCustodian", "representedCustodianOrganization",
                "name"));
        if (organisation.isEmpty()) {
            organisation = text(path(root, "author", "assignedAuthor", "representedOrganization", "name"));
        }
        add(header, HeaderField.Kind.ORGANISATION, organisation);

        List<ReportBlock> blocks = new ArrayList<>();
        Element component = child(root, "component");
        Element structured = child(component, "structuredBody");
        Element nonXml = child(component, "nonXMLBody");
        if (structured != null) {
            for (Element c : children(structured, "component")) {
                for (Element s : children(c, "section")) {
                    section(s, 1, blocks);
                }
            }
        } else if (nonXml != null) {
            nonXmlBody(child(nonXml, "text"), blocks);
        } else {
            throw new ReportException(ReportException.Kind.CORRUPT, "CDA document without a body");
        }
        return new StructuredReport(ReportFormat.CDA, text(child(root, "title")), header, blocks,
                new PatientReference.Stated(bsn(patientRole)));
    }

    /** The extension of the patient's BSN-rooted id; empty when the document names no BSN. */
    private static String bsn(Element patientRole) {
        for (Element id : children(patientRole, "id")) {
            if (Bsn.OID.equals(id.getAttribute("root").strip())) {
                return id.getAttribute("extension").strip();
            }
        }
        return "";
    }

    private static void add(List<HeaderField> header, HeaderField.Kind kind, String value) {
        if (!value.isEmpty()) {
            header.add(new HeaderField(kind, value));
        }
    }

    private static void section(Element section, int level, List<ReportBlock> blocks) throws ReportException {
        if (level > MAX_DEPTH) {
            throw new ReportException(ReportException.Kind.CORRUPT, "sections nested deeper than " + MAX_DEPTH);
        }
        String title = text(child(section, "title"));
        if (title.isEmpty()) {
            Element code = child(section, "code");
            title = code == null ? "" : code.getAttribute("displayName").strip();
        }
        if (!title.isEmpty()) {
            blocks.add(new ReportBlock.Heading(level, title));
        }
        Element text = child(section, "text");
        if (text != null) {
            new Narrative(blocks).read(text);
        }
        for (Element c : children(section, "component")) {
            for (Element s : children(c, "section")) {
                section(s, level + 1, blocks);
            }
        }
    }

    private static void nonXmlBody(Element text, List<ReportBlock> blocks) throws ReportException {
        if (text == null) {
            throw new ReportException(ReportException.Kind.CORRUPT, "nonXMLBody without text");
        }
        String mediaType = text.getAttribute("mediaType").strip();
        if (!mediaType.isEmpty() && !mediaType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "CDA with a non-XML body of type "
                    + mediaType);
        }
        String content = text.getTextContent();
        if ("B64".equals(text.getAttribute("representation").strip())) {
            try {
                content = new String(Base64.getMimeDecoder().decode(content.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ReportException(ReportException.Kind.CORRUPT, "nonXMLBody is not valid base64", e);
            }
        }
        blocks.addAll(TextReader.paragraphs(content));
    }

    /** Turns a narrative block ({@code <text>}) into report blocks, HTML-like: whitespace collapses, br breaks. */
    private static final class Narrative {
        private final List<ReportBlock> out;
        private final StringBuilder inline = new StringBuilder();

        Narrative(List<ReportBlock> out) {
            this.out = out;
        }

        void read(Element text) throws ReportException {
            for (Node n = text.getFirstChild(); n != null; n = n.getNextSibling()) {
                node(n, 1);
            }
            flush();
        }

        private void node(Node n, int depth) throws ReportException {
            if (depth > MAX_DEPTH) {
                throw new ReportException(ReportException.Kind.CORRUPT, "narrative nested deeper than " + MAX_DEPTH);
            }
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                appendCollapsed(inline, n.getNodeValue());
                return;
            }
            if (!(n instanceof Element e)) {
                return;
            }
            switch (e.getLocalName()) {
                case "br" -> inline.append('\n');
                case "paragraph" -> {
                    flush();
                    addParagraph(flatten(e, depth));
                }
                case "list" -> {
                    flush();
                    list(e, depth);
                }
                case "table" -> {
                    flush();
                    table(e, depth);
                }
                case "renderMultiMedia", "footnoteRef" -> {
                    // a reference to an image or footnote elsewhere: nothing to read here
                }
                default -> {
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        node(c, depth + 1);
                    }
                }
            }
        }

        private void flush() {
            addParagraph(clean(inline));
            inline.setLength(0);
        }

        private void addParagraph(String text) {
            if (!text.isEmpty()) {
                out.add(new ReportBlock.Paragraph(text));
            }
        }

        private void list(Element list, int depth) throws ReportException {
            addParagraph(flatten(child(list, "caption"), depth));
            List<String> items = new ArrayList<>();
            for (Element item : children(list, "item")) {
                String t = flatten(item, depth);
                if (!t.isEmpty()) {
                    items.add(t);
                }
            }
            if (!items.isEmpty()) {
                out.add(new ReportBlock.ItemList("ordered".equals(list.getAttribute("listType")), items));
            }
        }

        private void table(Element table, int depth) throws ReportException {
            String caption = flatten(child(table, "caption"), depth);
            List<String> header = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element part) || !HL7.equals(part.getNamespaceURI())) {
                    continue;
                }
                switch (part.getLocalName()) {
                    case "thead" -> {
                        for (Element tr : children(part, "tr")) {
                            if (header.isEmpty()) {
                                header.addAll(cells(tr, depth));
                            } else {
                                rows.add(cells(tr, depth));
                            }
                        }
                    }
                    case "tbody", "tfoot" -> {
                        for (Element tr : children(part, "tr")) {
                            rows.add(cells(tr, depth));
                        }
                    }
                    case "tr" -> rows.add(cells(part, depth));
                    default -> {
                        // caption (read above), col, colgroup
                    }
                }
            }
            if (header.isEmpty() && !rows.isEmpty() && allHeaderCells(firstRow(table))) {
                header.addAll(rows.removeFirst());
            }
            if (!header.isEmpty() || !rows.isEmpty()) {
                out.add(new ReportBlock.Table(caption, header, rows));
            }
        }

        private static Element firstRow(Element table) {
            for (Element part : childElements(table)) {
                if ("tr".equals(part.getLocalName())) {
                    return part;
                }
                if ("tbody".equals(part.getLocalName())) {
                    return child(part, "tr");
                }
            }
            return null;
        }

        private static boolean allHeaderCells(Element tr) {
            if (tr == null) {
                return false;
            }
            List<Element> cells = childElements(tr);
            return !cells.isEmpty() && cells.stream().allMatch(c -> "th".equals(c.getLocalName()));
        }

        private List<String> cells(Element tr, int depth) throws ReportException {
            List<String> cells = new ArrayList<>();
            for (Element cell : childElements(tr)) {
                if ("td".equals(cell.getLocalName()) || "th".equals(cell.getLocalName())) {
                    cells.add(flatten(cell, depth));
                }
            }
            return cells;
        }

        /** All text inside an element as one string: whitespace collapsed, br and nested blocks as line breaks. */
        private static String flatten(Element e, int depth) throws ReportException {
            if (e == null) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            flattenInto(e, b, depth);
            return clean(b);
        }

        private static void flattenInto(Node n, StringBuilder b, int depth) throws ReportException {
            if (depth > MAX_DEPTH) {
                throw new ReportException(ReportException.Kind.CORRUPT, "narrative nested deeper than " + MAX_DEPTH);
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                    appendCollapsed(b, c.getNodeValue());
                } else if (c instanceof Element e) {
                    switch (e.getLocalName()) {
                        case "br" -> b.append('\n');
                        case "renderMultiMedia", "footnoteRef" -> {
                        }
                        case "paragraph", "list", "item", "table", "tr", "caption" -> {
                            b.append('\n');
                            flattenInto(e, b, depth + 1);
                            b.append('\n');
                        }
                        case "td", "th" -> {
                            flattenInto(e, b, depth + 1);
                            b.append(' ');
                        }
                        default -> flattenInto(e, b, depth + 1);
                    }
                }
            }
        }
    }

    /** XML whitespace runs become one space, as when XHTML is displayed. */
    private static void appendCollapsed(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ' && b.charAt(b.length() - 1) != '\n') {
                    b.append(' ');
                }
            } else {
                b.append(c);
            }
        }
    }

    /** Lines stripped, blank lines at either end dropped, runs of blank lines kept to one. */
    private static String clean(CharSequence s) {
        List<String> lines = new ArrayList<>();
        boolean blank = false;
        for (String line : s.toString().split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank = !lines.isEmpty();
                continue;
            }
            if (blank) {
                lines.add("");
                blank = false;
            }
            lines.add(t);
        }
        return String.join("\n", lines);
    }

    /** HL7 TS (yyyy[MM[dd[HH[mm[ss]]]]][+zzzz]) as dd-MM-yyyy HH:mm, to the precision given. */
    static String timestamp(String value) {
        String v = value == null ? "" : value.strip();
        int digits = 0;
        while (digits < v.length() && Character.isDigit(v.charAt(digits))) {
            digits++;
        }
        String d = v.substring(0, digits);
        return switch (digits) {
            case 4 -> d;
            case 6 -> d.substring(4, 6) + "-" + d.substring(0, 4);
            case 8 -> d.substring(6, 8) + "-" + d.substring(4, 6) + "-" + d.substring(0, 4);
            case 10, 12, 14 -> d.substring(6, 8) + "-" + d.substring(4, 6) + "-" + d.substring(0, 4) + " "
                    + d.substring(8, 10) + ":" + (digits >= 12 ? d.substring(10, 12) : "00");
            default -> v;
        };
    }

    /** A person or organisation name: its parts (prefix, given, family...) in document order, or its text. */
    private static String name(Element name) {
        if (name == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Element part : childElements(name)) {
            if (!"validTime".equals(part.getLocalName())) {
                String t = text(part);
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
        }
        return parts.isEmpty() ? text(name) : String.join(" ", parts);
    }

    private static String text(Element e) {
        if (e == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        appendCollapsed(b, e.getTextContent());
        return b.toString().strip();
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            e = child(e, n);
        }
        return e;
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && HL7.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && HL7.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && HL7.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }
}
