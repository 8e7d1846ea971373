package nl.duoviewer.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF report held as its bytes, with its page count, page sizes and text read once; pages are rendered to pixels
 * on request, each from a fresh in-memory parse, so rendering is thread-safe and nothing stays open between calls.
 *
 * <p>Nothing touches the disk: documents are parsed from a byte array with a main-memory-only stream cache (PDFBox's
 * scratch-file mode is never used), and {@link PdfFonts} replaces the font mapper that would scan and cache system
 * fonts in the user's home.
 */
public final class PdfReport implements ReportDocument {

    /** Pixels a rendered page may have; larger pages are rendered at a smaller scale (a hostile MediaBox is huge). */
    public static final long MAX_PAGE_PIXELS = 20_000_000L;
    /** Main memory PDFBox may use for streams it buffers while parsing one document. */
    private static final long STREAM_CACHE_BYTES = 256L << 20;
    /** Pages whose text is extracted; beyond this the text view ends (the pages still render). */
    private static final int MAX_TEXT_PAGES = 500;

    static {
        PdfFonts.install();
    }

    /**
     * A page's size in PDF points (1/72 inch) as displayed, that is after its /Rotate.
     */
    public record PageSize(float width, float height) {
    }

    private final byte[] data;
    private final List<PageSize> sizes;
    private final List<String> pageTexts;

    private PdfReport(byte[] data, List<PageSize> sizes, List<String> pageTexts) {
        this.data = data;
        this.sizes = List.copyOf(sizes);
        this.pageTexts = List.copyOf(pageTexts);
    }

    /**
     * Opens a PDF from its bytes (kept, not copied: the caller hands them over).
     *
     * @throws ReportException UNSUPPORTED_FORMAT when it needs a password, CORRUPT when it cannot be parsed or has
     *                         no pages
     */
    static PdfReport read(byte[] data) throws ReportException {
        try (PDDocument doc = open(data)) {
            int pages = doc.getNumberOfPages();
            if (pages <= 0) {
                throw new ReportException(ReportException.Kind.CORRUPT, "PDF without pages");
            }
            List<PageSize> sizes = new ArrayList<>(pages);
            for (PDPage page : doc.getPages()) {
                sizes.add(sizeOf(page));
            }
            List<String> texts = new ArrayList<>(Math.min(pages, MAX_TEXT_PAGES));
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= Math.min(pages, MAX_TEXT_PAGES); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(doc).strip());
            }
            return new PdfReport(data, sizes, texts);
        } catch (InvalidPasswordException e) {
            throw new ReportException(ReportException.Kind.UNSUPPORTED_FORMAT, "PDF is password protected", e);
        } catch (IOException | RuntimeException e) {
            throw new ReportException(ReportException.Kind.CORRUPT, "unreadable PDF: " + e.getMessage(), e);
        }
    }

    private static PDDocument open(byte[] data) throws IOException {
        return Loader.loadPDF(new RandomAccessReadBuffer(data), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(STREAM_CACHE_BYTES).streamCache);
    }

    private static PageSize sizeOf(PDPage page) {
        PDRectangle box = page.getCropBox();
        boolean turned = Math.floorMod(page.getRotation(), 180) == 90;
        float w = Math.abs(box.getWidth());
        float h = Math.abs(box.getHeight());
        return turned ? new PageSize(h, w) : new PageSize(w, h);
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    /** PDF carries no structured patient; the registry entry names it. */
    @Override
    public PatientReference patient() {
        return new PatientReference.NotStated();
    }

    public int pageCount() {
        return sizes.size();
    }

    /** Size of a page (0-based) in points. */
    public PageSize pageSize(int index) {
        return sizes.get(index);
    }

    /** The text on a page (0-based), empty for a scanned page or one beyond the text limit. */
    public String pageText(int index) {
        return index < pageTexts.size() ? pageTexts.get(index) : "";
    }

    /** Every page's text, pages separated by a blank line. */
    @Override
    public String text() {
        return String.join("\n\n", pageTexts);
    }

    /** The scale {@link #render} uses for a page: the one asked for, reduced to stay within {@link #MAX_PAGE_PIXELS}. */
    public float effectiveScale(int index, float scale) {
        PageSize s = sizes.get(index);
        double pixels = (double) s.width() * scale * s.height() * scale;
        if (pixels <= MAX_PAGE_PIXELS) {
            return scale;
        }
        return (float) (scale * Math.sqrt(MAX_PAGE_PIXELS / pixels));
    }

    /**
     * Renders one page (0-based) at {@code scale} pixels per point (1.0 = 72 dpi), on a white background.
     *
     * @throws ReportException CORRUPT when the page cannot be drawn
     */
    public PageImage render(int index, float scale) throws ReportException {
        if (index < 0 || index >= sizes.size()) {
            throw new IndexOutOfBoundsException("page " + index + " of " + sizes.size());
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale " + scale);
        }
        try (PDDocument doc = open(data)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(true); // huge embedded images are read at the resolution shown
            BufferedImage image = renderer.renderImage(index, effectiveScale(index, scale), ImageType.RGB);
            int w = image.getWidth();
            int h = image.getHeight();
            return new PageImage(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException | RuntimeException e) {
            throw new ReportException(ReportException.Kind.CORRUPT, "page " + (index + 1) + " cannot be drawn: "
                    + e.getMessage(), e);
        }
    }
}
