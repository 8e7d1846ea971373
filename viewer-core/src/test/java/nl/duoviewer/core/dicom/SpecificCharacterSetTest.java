package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Character sets per PS3.5 6.1 and the examples of its Annexes H, I and J. */
class SpecificCharacterSetTest {

    private static final byte[] ESC_KS_X_1001 = {0x1B, '$', ')', 'C'};

    private static String personName(String charset, byte[] value) throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, charset.split("\\\\", -1));
        ds.setBytes(Tag.PatientName, VR.PN, value);
        // through the writer and reader, so the reader's own charset handling is what is tested
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        return DicomReader.read(out.toByteArray()).dataset().getString(Tag.PatientName);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void latin1() throws IOException {
        assertEquals("Buc^Jérôme", personName("ISO_IR 100", "Buc^Jérôme".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void utf8() throws IOException {
        assertEquals("Wang^XiaoDong=王^小東=",
                personName("ISO_IR 192", "Wang^XiaoDong=王^小東=".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gb18030() throws IOException {
        Charset gb = Charset.forName("GB18030");
        assertEquals("Wang^XiaoDong=王^小东=", personName("GB18030", "Wang^XiaoDong=王^小东=".getBytes(gb)));
    }

    @Test
    void cyrillicSingleByte() throws IOException {
        assertEquals("Люкceмбypг", personName("ISO_IR 144", "Люкceмбypг".getBytes(Charset.forName("ISO-8859-5"))));
    }

    @Test
    void iso2022JapaneseKanjiWithEscapes() throws IOException {
        // Annex H: Yamada^Tarou=山田^太郎=やまだ^たろう with JIS X 0208 invoked by ESC $ B, back to ASCII by ESC ( B
        Charset jis = Charset.forName("ISO-2022-JP");
        byte[] value = concat(ascii("Yamada^Tarou="), "山田".getBytes(jis), ascii("^"), "太郎".getBytes(jis),
                ascii("="), "やまだ".getBytes(jis), ascii("^"), "たろう".getBytes(jis));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", personName("\\ISO 2022 IR 87", value));
    }

    @Test
    void iso2022KoreanInG1() throws IOException {
        // Annex I: Hong^Gildong=洪^吉洞=홍^길동, KS X 1001 designated to G1 before each component
        Charset euc = Charset.forName("EUC-KR");
        byte[] value = concat(ascii("Hong^Gildong="), ESC_KS_X_1001, "洪".getBytes(euc), ascii("^"), ESC_KS_X_1001,
                "吉洞".getBytes(euc), ascii("="), ESC_KS_X_1001, "홍".getBytes(euc), ascii("^"), ESC_KS_X_1001,
                "길동".getBytes(euc));
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", personName("\\ISO 2022 IR 149", value));
    }

    @Test
    void iso2022SwitchesBetweenSingleByteSets() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] value = concat("Müller".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0x1B, '-', 'L'},
                "Люк".getBytes(Charset.forName("ISO-8859-5")), ascii("\\"),
                "Ärzte".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(java.util.List.of("MüllerЛюк", "Ärzte"), cs.decode(value, true, false),
                "G1 returns to the initial set after the value delimiter");
    }

    @Test
    void multiByteCodesAreNotSplitOnBackslashBytes() {
        // In GBK, 0x5C can be the second byte of a character; it must not split the value.
        Charset gbk = Charset.forName("GBK");
        byte[] withTrail5C = null;
        for (char c = '\u4E00'; c < '\u9FA5' && withTrail5C == null; c++) {
            byte[] b = String.valueOf(c).getBytes(gbk);
            if (b.length == 2 && b[1] == 0x5C) {
                withTrail5C = b;
            }
        }
        byte[] value = concat(withTrail5C, ascii("\\B"));
        SpecificCharacterSet cs = SpecificCharacterSet.of("GBK");
        assertEquals(2, cs.decode(value, true, false).size());
    }

    @Test
    void unknownTermsFallBackToLatin1WithoutLosingBytes() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertEquals("é", cs.decode(new byte[] {(byte) 0xE9}, false, false).getFirst());
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataset() throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.newSequence(Tag.ReferencedSeriesSequence).addItem().setString(Tag.SeriesDescription, VR.LO, "Hüfte ß");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, out);
        DicomObject back = DicomReader.read(out.toByteArray()).dataset();
        assertEquals("Hüfte ß", back.getItem(Tag.ReferencedSeriesSequence).getString(Tag.SeriesDescription));
        assertArrayEquals("Hüfte ß".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(back.getItem(Tag.ReferencedSeriesSequence).getBytes(Tag.SeriesDescription),
                        "Hüfte ß".getBytes(StandardCharsets.UTF_8).length));
    }
}
