package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Keeps the generated dictionary sources in step with the TSV they come from. */
class DictionaryGeneratorTest {

    private static final Path TSV = Path.of("src/main/dictionary/dicom-dictionary.tsv");
    private static final Path OUT = Path.of("src/main/java/nl/duoviewer/core/dicom");

    @Test
    void generatedSourcesMatchTheDictionary() throws IOException {
        List<DictionaryGenerator.Entry> entries = DictionaryGenerator.parse(TSV);
        String tag = DictionaryGenerator.tagSource(entries);
        String dict = DictionaryGenerator.dictionarySource(entries);
        if (Boolean.getBoolean("dictionary.regenerate")) {
            Files.writeString(OUT.resolve("Tag.java"), tag, StandardCharsets.UTF_8);
            Files.writeString(OUT.resolve("StandardDictionary.java"), dict, StandardCharsets.UTF_8);
        }
        assertEquals(tag, Files.readString(OUT.resolve("Tag.java")),
                "Tag.java is out of date: regenerate (see the TSV header)");
        assertEquals(dict, Files.readString(OUT.resolve("StandardDictionary.java")),
                "StandardDictionary.java is out of date: regenerate (see the TSV header)");
    }

    @Test
    void lookupsFollowTheStandardsRules() {
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.Rows));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00090000), "group length");
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010), "private creator");
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010), "private element");
        assertEquals(VR.OW, ElementDictionary.vrOf(0x60023000), "repeating overlay group");
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00081234), "unknown public element");
        assertEquals("PixelData", ElementDictionary.keywordOf(Tag.PixelData));
        assertEquals("PixelData (7FE0,0010)", ElementDictionary.describe(Tag.PixelData));
        assertEquals("(0029,1010)", ElementDictionary.describe(0x00291010));
    }
}
