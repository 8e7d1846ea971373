package nl.duoviewer.core.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes and encodes text values under a dataset's Specific Character Set (0008,0005), PS3.5 section 6.1.
 *
 * <p>Supports the single-byte sets (ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13, 166), UTF-8
 * (ISO_IR 192), GB18030 and GBK, and ISO 2022 code extensions with escape sequences for the single-byte sets and for
 * JIS X 0208/0212, KS X 1001 and GB 2312. Unknown defined terms fall back to Latin-1, which never fails and keeps the
 * bytes recoverable. Values are split on backslash only where the backslash is a character, never inside a
 * multi-byte code.
 */
public final class SpecificCharacterSet {

    /** No (0008,0005): the default repertoire, decoded leniently as Latin-1. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], null, false);

    private static final byte ESC = 0x1B;

    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("ISO_IR 6", "ISO-8859-1"),
            Map.entry("ISO_IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 166", "x-iso-8859-11"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    /** G1 single-byte sets selectable by escape sequence ESC '-' F. */
    private static final Map<Character, String> G1_SINGLE_BYTE = Map.ofEntries(
            Map.entry('A', "ISO-8859-1"), Map.entry('B', "ISO-8859-2"), Map.entry('C', "ISO-8859-3"),
            Map.entry('D', "ISO-8859-4"), Map.entry('L', "ISO-8859-5"), Map.entry('G', "ISO-8859-6"),
            Map.entry('F', "ISO-8859-7"), Map.entry('H', "ISO-8859-8"), Map.entry('M', "ISO-8859-9"),
            Map.entry('b', "ISO-8859-15"), Map.entry('T', "x-iso-8859-11"));

    private static final Map<String, String> ISO2022_INITIAL_G1 = Map.ofEntries(
            Map.entry("ISO 2022 IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO 2022 IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO 2022 IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO 2022 IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO 2022 IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO 2022 IR 13", "JIS_X0201"), Map.entry("ISO 2022 IR 166", "x-iso-8859-11"),
            Map.entry("ISO 2022 IR 149", "EUC-KR"), Map.entry("ISO 2022 IR 58", "GB2312"));

    private final String[] terms;
    private final Charset charset;
    private final boolean iso2022;

    private SpecificCharacterSet(String[] terms, Charset charset, boolean iso2022) {
        this.terms = terms;
        this.charset = charset;
        this.iso2022 = iso2022;
    }

    /** The character set for the values of (0008,0005); empty or null values give {@link #DEFAULT}. */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        String[] terms = new String[values.length];
        boolean anyIso2022 = false;
        for (int i = 0; i < values.length; i++) {
            terms[i] = values[i] == null ? "" : values[i].strip().toUpperCase(Locale.ROOT);
            anyIso2022 |= terms[i].startsWith("ISO 2022");
        }
        if (terms.length == 1 && terms[0].isEmpty()) {
            return DEFAULT;
        }
        if (anyIso2022 || terms.length > 1) {
            return new SpecificCharacterSet(terms, null, true);
        }
        String javaName = SINGLE.get(terms[0]);
        Charset cs = javaName != null && Charset.isSupported(javaName) ? Charset.forName(javaName)
                : StandardCharsets.ISO_8859_1;
        return new SpecificCharacterSet(terms, cs, false);
    }

    /** The defined terms this set was created from. */
    public List<String> definedTerms() {
        return List.of(terms);
    }

    /** True for UTF-8 (ISO_IR 192). */
    public boolean isUtf8() {
        return charset == StandardCharsets.UTF_8;
    }

    /**
     * Decodes a string value into its values. For single-valued VRs (ST, LT, UT, UR) pass {@code multiValued=false}.
     * Leading and trailing padding is left in place; callers trim as the VR requires.
     */
    public List<String> decode(byte[] bytes, boolean multiValued, boolean personName) {
        if (bytes.length == 0) {
            return List.of("");
        }
        if (iso2022) {
            return new Iso2022Decoder(personName).decode(bytes, multiValued);
        }
        Charset cs = charset == null ? StandardCharsets.ISO_8859_1 : charset;
        String text = decodeLenient(cs, bytes, 0, bytes.length);
        if (!multiValued) {
            return List.of(text);
        }
        return Arrays.asList(text.split("\\\\", -1));
    }

    /**
     * Encodes a text in this character set. ISO 2022 sets encode through their first (default) repertoire or Latin-1;
     * the product writes UTF-8 or Latin-1 data itself.
     */
    public byte[] encode(String text) {
        Charset cs = charset;
        if (cs == null) {
            String g1 = terms.length > 0 ? ISO2022_INITIAL_G1.get(terms[0]) : null;
            cs = g1 != null && !g1.startsWith("EUC") && !g1.startsWith("GB") ? Charset.forName(g1)
                    : StandardCharsets.ISO_8859_1;
        }
        return text.getBytes(cs);
    }

    static String decodeLenient(Charset cs, byte[] bytes, int off, int len) {
        if (cs == StandardCharsets.ISO_8859_1 || cs == StandardCharsets.US_ASCII) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1); // unreachable with REPLACE
        }
    }

    /** The stateful ISO 2022 decoder: G0 and G1 designations switched by escape sequences, reset at delimiters. */
    private final class Iso2022Decoder {

        private enum G0 { ASCII, JIS_ROMAN, JIS_X0208, JIS_X0212 }

        private final boolean personName;
        private final String initialG1;
        private G0 g0 = G0.ASCII;
        private String g1;

        Iso2022Decoder(boolean personName) {
            this.personName = personName;
            this.initialG1 = terms.length > 0 ? ISO2022_INITIAL_G1.get(terms[0]) : null;
            this.g1 = initialG1;
        }

        List<String> decode(byte[] b, boolean multiValued) {
            List<String> values = new ArrayList<>();
            StringBuilder out = new StringBuilder(b.length);
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            String pendingCharset = null;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                if (c == ESC) {
                    flush(out, pending, pendingCharset);
                    pendingCharset = null;
                    i = escape(b, i);
                    continue;
                }
                if (c < 0x80 && (g0 == G0.ASCII || g0 == G0.JIS_ROMAN || c < 0x21)) {
                    flush(out, pending, pendingCharset);
                    pendingCharset = null;
                    if (c == '\\' && multiValued && g0 == G0.ASCII) {
                        values.add(out.toString());
                        out.setLength(0);
                        reset();
                    } else {
                        out.append(g0 == G0.JIS_ROMAN ? jisRoman(c) : (char) c);
                        if (isDelimiter(c)) {
                            reset();
                        }
                    }
                    i++;
                    continue;
                }
                if (c < 0x80) { // two-byte G0 set: JIS X 0208 / 0212, decoded through EUC-JP
                    if (i + 1 >= b.length) {
                        break;
                    }
                    if (!"EUC-JP".equals(pendingCharset)) {
                        flush(out, pending, pendingCharset);
                        pendingCharset = "EUC-JP";
                    }
                    if (g0 == G0.JIS_X0212) {
                        pending.write(0x8F);
                    }
                    pending.write(c | 0x80);
                    pending.write((b[i + 1] & 0xFF) | 0x80);
                    i += 2;
                    continue;
                }
                String cs = g1 == null ? "ISO-8859-1" : g1;
                int n = cs.equals("EUC-KR") || cs.equals("GB2312") ? 2 : 1;
                if (!cs.equals(pendingCharset)) {
                    flush(out, pending, pendingCharset);
                    pendingCharset = cs;
                }
                for (int k = 0; k < n && i < b.length; k++) {
                    pending.write(b[i++]);
                }
            }
            flush(out, pending, pendingCharset);
            values.add(out.toString());
            return multiValued ? values : List.of(String.join("\\", values));
        }

        private boolean isDelimiter(int c) {
            return c == '\r' || c == '\n' || c == '\t' || c == '\f' || (personName && (c == '^' || c == '='));
        }

        private void reset() {
            g0 = G0.ASCII;
            g1 = initialG1;
        }

        private static char jisRoman(int c) {
            return c == 0x5C ? '\u00A5' : c == 0x7E ? '\u203E' : (char) c;
        }

        private void flush(StringBuilder out, ByteArrayOutputStream pending, String cs) {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            pending.reset();
            Charset charset = Charset.isSupported(cs) ? Charset.forName(cs) : StandardCharsets.ISO_8859_1;
            out.append(decodeLenient(charset, bytes, 0, bytes.length));
        }

        /** Applies the escape sequence at {@code i}; returns the index after it. Unknown sequences are skipped. */
        private int escape(byte[] b, int i) {
            int a = i + 1 < b.length ? b[i + 1] : -1;
            int c = i + 2 < b.length ? b[i + 2] : -1;
            int d = i + 3 < b.length ? b[i + 3] : -1;
            if (a == '(' && c == 'B') {
                g0 = G0.ASCII;
                return i + 3;
            }
            if (a == '(' && c == 'J') {
                g0 = G0.JIS_ROMAN;
                return i + 3;
            }
            if (a == ')' && c == 'I') {
                g1 = "JIS_X0201";
                return i + 3;
            }
            if (a == '-' && G1_SINGLE_BYTE.containsKey((char) c)) {
                g1 = G1_SINGLE_BYTE.get((char) c);
                return i + 3;
            }
            if (a == '$' && c == 'B') {
                g0 = G0.JIS_X0208;
                return i + 3;
            }
            if (a == '$' && c == '(' && d == 'D') {
                g0 = G0.JIS_X0212;
                return i + 4;
            }
            if (a == '$' && c == ')' && d == 'C') {
                g1 = "EUC-KR";
                return i + 4;
            }
            if (a == '$' && c == ')' && d == 'A') {
                g1 = "GB2312";
                return i + 4;
            }
            return Math.min(b.length, i + 3);
        }
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "default" : String.join("\\", terms);
    }
}
