package nl.duoviewer.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a plain-text report: the charset its MIME type names, else UTF-8, else Windows-1252 (what older RIS systems
 * write); paragraphs are separated by blank lines, line breaks inside a paragraph are kept. Bytes that are not text
 * (NUL, other control characters) make it corrupt rather than a screen of garbage.
 */
final class TextReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextReader() {
    }

    static StructuredReport read(byte[] bytes, String mimeType) throws ReportException {
        String text = decode(bytes, declaredCharset(mimeType));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw new ReportException(ReportException.Kind.CORRUPT, "control character 0x"
                        + Integer.toHexString(c) + " in a text report");
            }
        }
        List<ReportBlock> blocks = paragraphs(text);
        if (blocks.isEmpty()) {
            throw new ReportException(ReportException.Kind.CORRUPT, "empty text report");
        }
        return new StructuredReport(ReportFormat.TEXT, "", List.of(), blocks, new PatientReference.NotStated());
    }

    /** Paragraphs separated by blank lines; each keeps its line breaks, lines keep their indentation. */
    static List<ReportBlock> paragraphs(String text) {
        List<ReportBlock> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(new ReportBlock.Paragraph(current.toString()));
                    current.setLength(0);
                }
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(l);
        }
        if (!current.isEmpty()) {
            out.add(new ReportBlock.Paragraph(current.toString()));
        }
        return out;
    }

    private static Charset declaredCharset(String mimeType) {
        if (mimeType == null) {
            return null;
        }
        for (String param : mimeType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null; // an unknown charset name: guess as if none were given
                }
            }
        }
        return null;
    }

    private static String decode(byte[] bytes, Charset declared) throws ReportException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        if (declared != null) {
            try {
                return strict(declared, in);
            } catch (CharacterCodingException e) {
                throw new ReportException(ReportException.Kind.CORRUPT, "not valid " + declared.name(), e);
            }
        }
        try {
            return strict(StandardCharsets.UTF_8, in);
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
    }

    private static String strict(Charset charset, ByteBuffer in) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in.duplicate()).toString();
    }
}
