package nl.duoviewer.network.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a radiology report as a small PDF 1.4 document (the Twiin report format is {@code urn:ihe:rad:PDF}): A4
 * pages of Helvetica text, the title on the first, the lines flowing on to further pages when they do not fit.
 */
public final class ReportDocument {

    /** Lines of body text that fit under the title on one page (10 pt on 14 pt leading). */
    static final int LINES_PER_PAGE = 52;

    private ReportDocument() {
    }

    /** The PDF bytes for a title and lines of text (Latin-1; other characters become '?'). */
    public static byte[] pdf(String title, List<String> lines) {
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < Math.max(1, lines.size()); i += LINES_PER_PAGE) {
            pages.add(lines.subList(Math.min(i, lines.size()), Math.min(i + LINES_PER_PAGE, lines.size())));
        }
        int n = pages.size();
        // objects: 1 catalog, 2 pages, 3 font, then per page a page object and its content stream
        List<byte[]> objects = new ArrayList<>();
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < n; p++) {
            kids.append(4 + 2 * p).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [" + kids.toString().strip() + "] /Count " + n + " >>"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        for (int p = 0; p < n; p++) {
            objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R"
                    + " >> >> /Contents " + (5 + 2 * p) + " 0 R >>"));
            byte[] content = content(p == 0 ? title : null, pages.get(p));
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            write(stream, "<< /Length " + content.length + " >>\nstream\n");
            stream.writeBytes(content);
            write(stream, "endstream");
            objects.add(stream.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size() + 1];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = out.size();
            write(out, (i + 1) + " 0 obj\n");
            out.writeBytes(objects.get(i));
            write(out, "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int i = 1; i <= objects.size(); i++) {
            x.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    /** One page's text: the title (first page only) in 15 pt, then the lines in 10 pt. */
    private static byte[] content(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n");
        if (title != null) {
            text.append("/F1 15 Tf\n56 780 Td\n(").append(escape(title)).append(") Tj\n");
            text.append("/F1 10 Tf\n0 -26 Td\n14 TL\n");
        } else {
            text.append("/F1 10 Tf\n56 780 Td\n14 TL\n");
        }
        for (String line : lines) {
            text.append('(').append(escape(line)).append(") Tj T*\n");
        }
        text.append("ET\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\');
            }
            b.append(c < 256 ? c : '?');
        }
        return b.toString();
    }
}
