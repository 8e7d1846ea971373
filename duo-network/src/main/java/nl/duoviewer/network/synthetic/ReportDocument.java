package nl.duoviewer.network.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a radiology report as a small PDF 1.4 document (the Twiin report format is {@code urn:ihe:rad:PDF}): one
 * A4 page of Helvetica text with a title, the patient and study lines and the report body.
 */
public final class ReportDocument {

    private ReportDocument() {
    }

    /** The PDF bytes for a title and lines of text (Latin-1; other characters become '?'). */
    public static byte[] pdf(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n/F1 15 Tf\n56 780 Td\n(").append(escape(title)).append(") Tj\n");
        text.append("/F1 10 Tf\n0 -26 Td\n14 TL\n");
        for (String line : lines) {
            text.append('(').append(escape(line)).append(") Tj T*\n");
        }
        text.append("ET\n");
        byte[] content = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
                + " /Contents 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[6];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        offsets[5] = out.size();
        write(out, "5 0 obj\n<< /Length " + content.length + " >>\nstream\n");
        out.writeBytes(content);
        write(out, "endstream\nendobj\n");
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int i = 1; i <= 5; i++) {
            x.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        x.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
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
