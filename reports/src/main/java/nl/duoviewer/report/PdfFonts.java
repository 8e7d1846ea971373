package nl.duoviewer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The font mapper PDFBox uses for fonts a PDF does not embed: always the Liberation Sans that ships inside PDFBox.
 *
 * <p>Why not PDFBox's own: its default mapper scans every font file of the system on first use and writes what it
 * found to {@code ~/.pdfbox.cache} (or {@code pdfbox.fontcache}, or the temp folder); there is no switch to keep it
 * in memory. A file the viewer writes while a patient's report is open is against the rule that nothing of a session
 * touches the disk (decision 17), and the scan itself takes seconds. Reports are PDF/A as a rule, which embeds every
 * font; for the rest, Standard 14 text keeps its Adobe metrics (PDFBox reads those from its own AFM files) and only
 * the glyph shapes come from Liberation Sans, which is metric-compatible with Helvetica and Arial.
 */
final class PdfFonts implements FontMapper {

    private static final String FALLBACK = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PdfFonts INSTANCE = new PdfFonts(load());

    private final TrueTypeFont font;

    private PdfFonts(TrueTypeFont font) {
        this.font = font;
    }

    /** Makes PDFBox use this mapper in this JVM; idempotent, and done before any PDF is opened. */
    static void install() {
        FontMappers.set(INSTANCE);
    }

    private static TrueTypeFont load() {
        try (InputStream in = FontMapper.class.getResourceAsStream(FALLBACK)) {
            if (in == null) {
                throw new IOException(FALLBACK + " is missing from PDFBox");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard 14 names map on purpose (same metrics); anything else is a fallback PDFBox may warn about. */
    private static boolean isFallback(String baseFont) {
        return baseFont == null || !Standard14Fonts.containsName(baseFont);
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font, isFallback(baseFont));
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font, isFallback(baseFont));
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor,
                                     PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font, true);
    }
}
