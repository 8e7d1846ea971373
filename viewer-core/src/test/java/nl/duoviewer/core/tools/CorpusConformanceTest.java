package nl.duoviewer.core.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * Runs {@link DicomCheck} over the whole corpus: every pixel-bearing file's frames must equal what dcmtk (or gdcm for
 * JPEG 2000) decodes, and exactly the known-bad files (MANIFEST notes) must fail, each with a specific reason.
 */
class CorpusConformanceTest {

    /** Files that must fail, with a phrase the reason must contain. */
    static final Map<String, String> EXPECTED_FAILURES = Map.ofEntries(
            Map.entry("MANIFEST.tsv", "not readable as DICOM"),
            Map.entry("generated/mr12_jpeg_lossy_gdcm.dcm", "precision 16"),
            Map.entry("malformed/CT_small_truncated_in_meta.dcm", "MediaStorageSOPInstanceUID"),
            Map.entry("malformed/ct_ele_truncated_in_pixeldata.dcm", "only 0 of 1 frames"),
            Map.entry("malformed/ct_jpeg_sv1_truncated_in_fragment.dcm", "only 0 of 1 frames"),
            Map.entry("malformed/xa_96f_jpeg_truncated_mid_frames.dcm", "only 34 of 96 frames"),
            Map.entry("pydicom/JPEG2000-embedded-sequence-delimiter.dcm", "JPEG 2000 image size"),
            Map.entry("pydicom/MR_truncated.dcm", "only 0 of 1 frames"),
            Map.entry("pydicom/meta_missing_tsyntax.dcm", "Rows (0028,0010) is missing"),
            Map.entry("pydicom/nested_priv_SQ.dcm", "Rows (0028,0010) is missing"),
            Map.entry("pydicom/no_meta.dcm", "not readable as DICOM"),
            Map.entry("pydicom/rtplan_truncated.dcm", "not readable as DICOM"));

    /** Big Endian 32-bit files: the tools swap OW in 16-bit words, so the Little Endian twin is the reference. */
    static final Map<String, String> REFERENCE_TWIN = Map.of(
            "pydicom/rtdose_expb.dcm", "pydicom/rtdose.dcm",
            "pydicom/rtdose_expb_1frame.dcm", "pydicom/rtdose_1frame.dcm");

    private static Path corpus;
    private static Path out;
    private static DicomCheck.Result result;
    private static String printed;

    @BeforeAll
    static void runDicomCheck() throws Exception {
        corpus = Corpus.require();
        out = Files.createTempDirectory("dicomcheck");
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        result = DicomCheck.run(corpus, out, new PrintStream(report, true, StandardCharsets.UTF_8));
        printed = report.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (out != null) {
            try (Stream<Path> s = Files.walk(out)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void exactlyTheKnownBadFilesFailWithClearReasons() {
        Map<String, String> failed = result.failures().stream()
                .collect(Collectors.toMap(f -> f.file().toString().replace('\\', '/'), DicomCheck.Failure::reason));
        assertEquals(EXPECTED_FAILURES.keySet(), failed.keySet(), printed);
        EXPECTED_FAILURES.forEach((file, phrase) ->
                assertTrue(failed.get(file).contains(phrase), file + ": " + failed.get(file)));
        String[] lines = printed.strip().split("\n");
        assertEquals(result.passed() + " passed, " + result.failed() + " failed", lines[lines.length - 1]);
        assertEquals(result.failed() + 1, lines.length, "one line per failure plus the summary");
    }

    @TestFactory
    Stream<DynamicTest> everyDecodedFrameMatchesTheReferenceDecoder() throws Exception {
        List<Path> firstFrames;
        try (Stream<Path> s = Files.walk(out)) {
            firstFrames = s.filter(p -> p.getFileName().toString().endsWith(".1.raw")).sorted().toList();
        }
        assertTrue(firstFrames.size() >= 80, "pixel-bearing files decoded: " + firstFrames.size());
        return firstFrames.stream().map(first -> {
            String raw = out.relativize(first).toString().replace('\\', '/');
            String rel = raw.substring(0, raw.length() - ".1.raw".length());
            return DynamicTest.dynamicTest(rel, () -> compare(rel));
        });
    }

    private static void compare(String rel) throws Exception {
        if (EXPECTED_FAILURES.containsKey(rel)) {
            return; // partial output of a truncated file: the complete frames were written, the failure is tested
        }
        Path file = corpus.resolve(rel);
        ImageDescriptor d = TestDicom.read(file).descriptor();
        Path work = Files.createTempDirectory("conformance");
        try {
            Path refFile = corpus.resolve(REFERENCE_TWIN.getOrDefault(rel, rel));
            if (rel.endsWith(".gz")) {
                // the tools do not read gzip: give them the plain file (our parser reads the .gz directly)
                Path plain = work.resolve("plain.dcm");
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                    Files.copy(in, plain);
                }
                refFile = plain;
            }
            List<String> cmd = referenceCommand(d.transferSyntaxUid(), refFile, work.resolve("ref.dcm"));
            ReferencePixels ref;
            try {
                ref = ReferencePixels.decode(refFile, d, cmd, work);
            } catch (java.io.IOException dcmtkFailed) {
                if (cmd.isEmpty() || !cmd.getFirst().startsWith("dcm")) {
                    throw dcmtkFailed;
                }
                // dcmtk refuses some damaged headers gdcm reads (e.g. SC_rgb_jpeg.dcm): fall back to gdcm
                ref = ReferencePixels.decode(refFile, d,
                        List.of("gdcmconv", "--raw", refFile.toString(), work.resolve("ref.dcm").toString()), work);
            }
            for (int f = 0; f < d.numberOfFrames(); f++) {
                Path frameFile = out.resolve(rel + "." + (f + 1) + ".raw");
                int[] ours = samples(Files.readAllBytes(frameFile), d);
                int[] expected = ref.frames().get(f);
                assertEquals(expected.length, ours.length, rel + " frame " + (f + 1) + " sample count");
                for (int i = 0; i < ours.length; i++) {
                    if (ours[i] != expected[i]) {
                        fail(rel + " frame " + (f + 1) + " sample " + i + ": " + ours[i] + " vs " + ref.tool() + " "
                                + expected[i]);
                    }
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** dcmtk where it has the codec, gdcm for JPEG 2000; native files are their own reference. */
    private static List<String> referenceCommand(String ts, Path in, Path outFile) {
        if (ts.startsWith("1.2.840.10008.1.2.4.9") || ts.startsWith("1.2.840.10008.1.2.4.20")) {
            return List.of("gdcmconv", "--raw", in.toString(), outFile.toString());
        }
        List<List<String>> cmds = ReferenceTools.decompressCommands(ts, in, outFile);
        List<String> first = cmds.getFirst();
        return first.getFirst().equals("gdcmconv") ? List.of() : new ArrayList<>(first);
    }

    /** Our raw output as values, per the container the descriptor implies. */
    private static int[] samples(byte[] raw, ImageDescriptor d) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int bytes = d.bitsAllocated() <= 8 ? 1 : d.bitsAllocated() / 8;
        int[] v = new int[raw.length / bytes];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (bytes) {
                case 1 -> d.signed() ? b.get(i) : b.get(i) & 0xFF;
                case 2 -> d.signed() ? b.getShort(2 * i) : b.getShort(2 * i) & 0xFFFF;
                default -> b.getInt(4 * i);
            };
        }
        return v;
    }
}
