package nl.duoviewer.core.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates {@code Tag.java} and {@code StandardDictionary.java} from {@code src/main/dictionary/dicom-dictionary.tsv}.
 * Run through {@link DictionaryGeneratorTest}; the test fails whenever the committed sources are out of date.
 */
final class DictionaryGenerator {

    record Entry(int tag, String vr, String keyword, boolean repeating) {
    }

    static List<Entry> parse(Path tsv) {
        List<Entry> entries = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        Set<Integer> tags = new HashSet<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3 || !f[0].matches("[0-9A-Fa-fx]{4},[0-9A-Fa-f]{4}")) {
                    throw new IllegalArgumentException(tsv + ":" + lineNo + ": expected 'gggg,eeee<TAB>VR<TAB>Keyword'");
                }
                VR.valueOf(f[1]); // fails on a typo
                boolean repeating = f[0].contains("x");
                int tag = (int) Long.parseLong(f[0].replace("xx", "00").replace(",", ""), 16);
                if (!keywords.add(f[2]) || !tags.add(tag)) {
                    throw new IllegalArgumentException(tsv + ":" + lineNo + ": duplicate " + f[0] + " / " + f[2]);
                }
                entries.add(new Entry(tag, f[1], f[2], repeating));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.sort(Comparator.comparing(Entry::tag, Integer::compareUnsigned));
        return entries;
    }

    static String tagSource(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                // Generated from src/main/dictionary/dicom-dictionary.tsv by DictionaryGenerator (test sources).
                // Do not edit: change the TSV and regenerate.
                package nl.duoviewer.core.dicom;

                /**
                 * The DICOM tags this product uses, as {@code (group << 16) | element}. Repeating groups (60xx) are given
                 * for their first group. Names are the PS3.6 keywords.
                 */
                @SuppressWarnings("unused")
                public final class Tag {

                    /** (FFFE,E000) Item. */
                    public static final int Item = 0xFFFEE000;
                    /** (FFFE,E00D) Item Delimitation Item. */
                    public static final int ItemDelimitationItem = 0xFFFEE00D;
                    /** (FFFE,E0DD) Sequence Delimitation Item. */
                    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

                """);
        for (Entry e : entries) {
            sb.append("    /** ").append(Tag.toString(e.tag())).append(' ').append(e.vr())
                    .append(e.repeating() ? ", repeating group" : "").append(". */\n");
            sb.append("    public static final int ").append(e.keyword()).append(" = 0x")
                    .append(String.format("%08X", e.tag())).append(";\n");
        }
        sb.append("""

                    private Tag() {
                    }

                    /** The tag as {@code (gggg,eeee)}. */
                    public static String toString(int tag) {
                        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
                    }
                }
                """);
        return sb.toString();
    }

    static String dictionarySource(List<Entry> entries) {
        StringBuilder tags = new StringBuilder();
        StringBuilder vrs = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (Entry e : entries) {
            tags.append("            0x").append(String.format("%08X", e.tag())).append(",\n");
            vrs.append("            VR.").append(e.vr()).append(",\n");
            names.append("            \"").append(e.keyword()).append("\",\n");
        }
        return """
                // Generated from src/main/dictionary/dicom-dictionary.tsv by DictionaryGenerator (test sources).
                // Do not edit: change the TSV and regenerate.
                package nl.duoviewer.core.dicom;

                /** Tables behind {@link ElementDictionary}, sorted by unsigned tag. */
                final class StandardDictionary {

                    static final int[] TAGS = {
                %s    };

                    static final VR[] VRS = {
                %s    };

                    static final String[] KEYWORDS = {
                %s    };

                    private StandardDictionary() {
                    }
                }
                """.formatted(tags, vrs, names);
    }
}
