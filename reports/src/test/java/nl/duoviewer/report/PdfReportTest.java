package nl.duoviewer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** PDFs rendered in memory, with known answers: page count, page size, the text on each page, ink on the pixels. */
class PdfReportTest {

    private static final byte[] TWO_PAGES = TestReports.pdf("Verslag CT thorax\nGeen afwijkingen.",
            "Pagina twee\nConclusie: stabiel.");

    @Test
    void aTwoPagePdfHasTwoA4PagesAndTheTextOfEach() throws Exception {
        PdfReport pdf = assertInstanceOf(PdfReport.class, ReportReader.read(TWO_PAGES, "application/pdf"));
        assertEquals(ReportFormat.PDF, pdf.format());
        assertEquals(2, pdf.pageCount());
        assertEquals(595.28f, pdf.pageSize(0).width(), 0.01f);
        assertEquals(841.89f, pdf.pageSize(0).height(), 0.01f);
        assertEquals("Verslag CT thorax\nGeen afwijkingen.", pdf.pageText(0));
        assertEquals("Pagina twee\nConclusie: stabiel.", pdf.pageText(1));
        assertTrue(pdf.text().contains("Geen afwijkingen.") && pdf.text().contains("Conclusie: stabiel."));
        assertTrue(pdf.patient().matches("999999011"), "a PDF names no patient; the registry does");
    }

    @Test
    void aPageRendersAtTheRequestedScaleWithTextInkOnWhite() throws Exception {
        PdfReport pdf = (PdfReport) ReportReader.read(TWO_PAGES, "application/pdf");
        PageImage page = pdf.render(0, 1.5f);
        assertEquals(Math.round(595.28f * 1.5f), page.width(), 1);
        assertEquals(Math.round(841.89f * 1.5f), page.height(), 1);
        long white = Arrays.stream(page.argb()).filter(p -> p == 0xFFFFFFFF).count();
        long dark = Arrays.stream(page.argb()).filter(p -> (p & 0xFF) < 100).count();
        assertTrue(white > page.argb().length * 0.9, "mostly white paper");
        assertTrue(dark > 500, "the text is drawn (with the bundled fallback font): " + dark + " dark pixels");
        assertTrue(Arrays.stream(page.argb()).allMatch(p -> p >>> 24 == 0xFF), "opaque");
        // nothing drawn at the top-left corner where no text is
        assertEquals(0xFFFFFFFF, page.argb()[10 * page.width() + 10]);
    }

    @Test
    void aHugePageIsRenderedWithinThePixelBudget() throws Exception {
        PdfReport pdf = (PdfReport) ReportReader.read(TWO_PAGES, "application/pdf");
        float scale = pdf.effectiveScale(0, 40f); // 40 x A4 would be 750 million pixels
        assertTrue(scale < 40f);
        PageImage page = pdf.render(0, 40f);
        assertTrue((long) page.width() * page.height() <= PdfReport.MAX_PAGE_PIXELS * 1.01, page.width() + "x"
                + page.height());
    }

    @Test
    void aPdfLabelledAsOctetStreamIsStillRead() throws Exception {
        assertInstanceOf(PdfReport.class, ReportReader.read(TWO_PAGES, "application/octet-stream"));
    }

    @Test
    void aTruncatedPdfIsCorrupt() {
        byte[] cut = Arrays.copyOf(TWO_PAGES, 200);
        ReportException e = assertThrows(ReportException.class, () -> ReportReader.read(cut, "application/pdf"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }

    @Test
    void somethingLabelledPdfThatIsNotOneIsCorrupt() {
        ReportException e = assertThrows(ReportException.class,
                () -> ReportReader.read("not a pdf at all".getBytes(), "application/pdf"));
        assertEquals(ReportException.Kind.CORRUPT, e.kind());
    }
}
