package nl.duoviewer.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Run in a child JVM by {@link NothingOnDiskTest}: renders a PDF with a font it does not embed, either with plain
 * PDFBox ({@code pdfbox}: the control, which scans the system fonts and writes its cache) or through the viewer's
 * reader ({@code viewer}), plus every other format ({@code viewer}).
 */
public final class FontCacheProbe {

    private FontCacheProbe() {
    }

    public static void main(String[] args) throws Exception {
        if ("pdfbox".equals(args[0])) {
            byte[] pdf = helveticaPdf();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                new PDFRenderer(doc).renderImage(0, 1f);
            }
        } else {
            PdfFonts.install();
            PdfReport report = (PdfReport) ReportReader.read(helveticaPdf(), "application/pdf");
            report.render(0, 1.5f);
            ReportReader.read(TestReports.resource("cda-ct-thorax.xml"), "text/xml");
            ReportReader.read(TestReports.basicTextSr("999999011"), "application/dicom");
            ReportReader.read("Conclusie: geen afwijkingen.".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        System.out.println("probe done");
    }

    private static byte[] helveticaPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("Verslag");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
