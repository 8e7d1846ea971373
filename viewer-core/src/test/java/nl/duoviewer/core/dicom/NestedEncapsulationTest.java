package nl.duoviewer.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.testsupport.Corpus;

/**
 * Encapsulated pixel data inside sequence items, and nested sequences and items of every length combination (the
 * corpus' {@code built/} files, see {@link NestedEncapsulatedFiles}). A real-world object with a JPEG 2000 icon in an
 * undefined-length Icon Image Sequence item was unreadable ("an element runs N bytes past the end of its item"): its
 * fragments were read as if they were a dataset. Each file must now read whole, from a file, from a stream and
 * frame by frame, with the icon's fragments intact and both images decoding to the pixels they were made from.
 */
class NestedEncapsulationTest {

    private static Map<String, byte[]> built;

    @BeforeAll
    static void build() throws IOException {
        built = NestedEncapsulatedFiles.build();
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites() throws IOException {
        for (Map.Entry<String, byte[]> e : built.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(Corpus.file("built/" + e.getKey())),
                    e.getKey() + " differs from what NestedEncapsulatedFiles writes: run its main to refresh it");
        }
    }

    /** The shape of the real-world file, written by our writer: sequence and item of undefined length. */
    @Test
    void aJpeg2000IconInAnUndefinedLengthItemReads() throws Exception {
        DicomFile f = DicomReader.read(Corpus.file("built/icon_j2k_in_undefined_item.dcm"));
        DicomObject icon = f.dataset().getItem(NestedEncapsulatedFiles.ICON_IMAGE_SEQUENCE);
        assertNotNull(icon, "the icon item");
        Fragments fragments = icon.getFragments(Tag.PixelData);
        assertNotNull(fragments, "the icon's pixel data is encapsulated, not a sequence");
        assertEquals(1, fragments.size());
        assertEquals(0xFF4F, fragments.fragments().getFirst().marker(), "a JPEG 2000 codestream");
        assertEquals(VR.OB, icon.vr(Tag.PixelData));
        assertIconPixels(icon, f.transferSyntax().uid(), fragments);
        assertEquals(1, f.pixelData().frameCount(), "the object's own pixel data is still the top-level one");
        assertMainPixels(f);
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
    }

    @TestFactory
    Stream<DynamicTest> everyShapeReadsFromFileStreamAndFrameStream() {
        return built.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path file = Corpus.file("built/" + name);
            List<DicomFile> reads = new ArrayList<>();
            reads.add(DicomReader.read(file));
            // fragments left in the file as bulk data, the way large icons of big objects are read
            reads.add(DicomReader.read(file, ReadOptions.DEFAULT.withBulkDataThreshold(16)));
            reads.add(DicomReader.read(new ByteArrayInputStream(Files.readAllBytes(file)), ReadOptions.DEFAULT));
            for (DicomFile f : reads) {
                assertTrue(f.warnings().isEmpty(), name + ": " + f.warnings());
                DicomObject icon = iconItem(f.dataset());
                assertIconPixels(icon, f.transferSyntax().uid(), icon.getFragments(Tag.PixelData));
                assertMainPixels(f);
            }
            try (DicomStream stream = DicomStream.open(Files.newInputStream(file))) {
                DicomObject icon = iconItem(stream.dataset());
                assertIconPixels(icon, stream.transferSyntax().uid(), icon.getFragments(Tag.PixelData));
                PixelData whole = reads.getFirst().pixelData();
                for (int i = 0; i < whole.frameCount(); i++) {
                    assertEquals(whole.frame(i), stream.nextFrame(), name + " streamed frame " + i);
                }
                assertNull(stream.nextFrame());
            }
        }));
    }

    @Test
    void nestedSequencesKeepTheirStructureWhateverTheirLengths() throws IOException {
        DicomObject ds = DicomReader.read(Corpus.file("built/encapsulated_two_levels_deep.dcm")).dataset();
        List<DicomObject> series = ds.getSequence(Tag.ReferencedSeriesSequence);
        assertEquals(1, series.size());
        assertEquals("2.25.4711.2", series.getFirst().getString(Tag.SeriesInstanceUID),
                "an element after a nested defined-length sequence in a defined-length item");
        List<DicomObject> images = series.getFirst().getSequence(Tag.ReferencedImageSequence);
        assertEquals(2, images.size());
        assertEquals("2.25.4711.1.3", images.get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertNotNull(images.get(0).getItem(NestedEncapsulatedFiles.ICON_IMAGE_SEQUENCE).getFragments(Tag.PixelData));
        assertEquals("2.25.4711.1.4", images.get(1).getString(Tag.ReferencedSOPInstanceUID),
                "the item after the one holding encapsulated pixel data");
        DicomObject request = ds.getItem(Tag.RequestAttributesSequence);
        List<DicomObject> codes = request.getSequence(NestedEncapsulatedFiles.SCHEDULED_PROTOCOL_CODE_SEQUENCE);
        assertEquals(2, codes.size());
        assertEquals("CT-HEAD", codes.get(0).getString(Tag.CodeValue));
        assertTrue(codes.get(1).isEmpty(), "an empty item of defined length");
        assertTrue(request.getSequence(0x00400440).isEmpty(), "an empty sequence of defined length");
    }

    @Test
    void writtenAgainTheNestedFragmentsComeBackUnchanged() throws IOException {
        for (String name : built.keySet()) {
            DicomFile f = DicomReader.read(Corpus.file("built/" + name));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            DicomWriter.write(f.fileMetaInformation(), f.dataset(), out);
            DicomFile again = DicomReader.read(out.toByteArray());
            assertArrayEquals(fragmentBytes(iconItem(f.dataset()).getFragments(Tag.PixelData)),
                    fragmentBytes(iconItem(again.dataset()).getFragments(Tag.PixelData)), name);
            assertEquals(f.pixelData().frame(0), again.pixelData().frame(0), name);
        }
    }

    /** Damage inside nested fragments is an error naming where it is, never a silent misread of the rest. */
    @Test
    void damagedNestedFragmentsAreRefusedWithTheirPlace() throws IOException {
        byte[] good = built.get("icon_j2k_in_undefined_item.dcm");
        int fragment = indexOf(good, new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0}, firstIconPixelData(good))
                + 8; // the offset table item (empty), then the fragment item's tag
        byte[] lying = good.clone();
        lying[fragment + 4] = (byte) 0xF0; // fragment length far beyond the file
        lying[fragment + 5] = (byte) 0xFF;
        lying[fragment + 6] = (byte) 0xFF;
        lying[fragment + 7] = (byte) 0x0F;
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(lying));
        assertTrue(e.getMessage().contains("(0088,0200)") && e.getMessage().contains("item 1"), e.getMessage());
        byte[] notAnItem = good.clone();
        notAnItem[fragment + 2] = 0x01; // (FFFE,0001) instead of an Item
        e = assertThrows(DicomParseException.class, () -> DicomReader.read(notAnItem));
        assertTrue(e.getMessage().contains("fragment 1") && e.getMessage().contains("(0088,0200)"), e.getMessage());
    }

    /**
     * An undefined-length item or sequence whose delimiter is missing runs into what follows it; dcmtk and gdcm
     * refuse both shapes ("Sequence Delimitation Item missing", "Invalid tag"), and so do we, naming the place.
     */
    @Test
    void unclosedItemsAndSequencesInsideDefinedOnesFailClearly() throws IOException {
        NestedEncapsulatedFiles.Node unclosedItem = new NestedEncapsulatedFiles.Seq(Tag.ReferencedImageSequence, true,
                List.of(new NestedEncapsulatedFiles.Item(false, true,
                                List.of(NestedEncapsulatedFiles.uid(Tag.ReferencedSOPInstanceUID, "1.2.3"))),
                        new NestedEncapsulatedFiles.Item(true,
                                List.of(NestedEncapsulatedFiles.uid(Tag.ReferencedSOPInstanceUID, "1.2.4")))));
        NestedEncapsulatedFiles.Node unclosedSequence = new NestedEncapsulatedFiles.Seq(Tag.ReferencedSeriesSequence,
                true, List.of(new NestedEncapsulatedFiles.Item(true, List.of(
                        new NestedEncapsulatedFiles.Seq(Tag.ReferencedImageSequence, false, true,
                                List.of(new NestedEncapsulatedFiles.Item(true, List.of(
                                        NestedEncapsulatedFiles.uid(Tag.ReferencedSOPInstanceUID, "1.2.3"))))),
                        NestedEncapsulatedFiles.uid(Tag.SeriesInstanceUID, "1.2.5")))));
        byte[] frame = {(byte) 0xFF, 0x4F};
        byte[] a = NestedEncapsulatedFiles.assembled(7, TransferSyntax.JPEG_2000_LOSSLESS, List.of(frame),
                List.of(unclosedItem));
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(a));
        assertTrue(e.getMessage().contains("unexpected Item") && e.getMessage().contains("(0008,1140) > item 1"),
                e.getMessage());
        byte[] b = NestedEncapsulatedFiles.assembled(8, TransferSyntax.JPEG_2000_LOSSLESS, List.of(frame),
                List.of(unclosedSequence));
        e = assertThrows(DicomParseException.class, () -> DicomReader.read(b));
        assertTrue(e.getMessage().contains("expected an Item") && e.getMessage().contains("(0020,000E)"),
                e.getMessage());
        for (byte[] damaged : List.of(a, b)) {
            assertThrows(DicomParseException.class, () -> DicomStream.open(new ByteArrayInputStream(damaged)));
        }
    }

    @Test
    void truncationAtEveryByteGivesAClearOutcomeOnFilesAndStreams() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (String name : List.of("icon_j2k_defined_sequence_undefined_item.dcm",
                    "encapsulated_two_levels_deep.dcm")) {
                byte[] whole = built.get(name);
                for (int n = 0; n < whole.length; n++) {
                    byte[] cut = Arrays.copyOf(whole, n);
                    try {
                        DicomReader.read(cut);
                    } catch (DicomParseException expected) {
                        assertTrue(expected.getMessage().length() > 10);
                    } catch (Throwable t) {
                        fail(name + " cut at " + n + ": " + t, t);
                    }
                    try (DicomStream s = DicomStream.open(new ByteArrayInputStream(cut))) {
                        while (s.nextFrame() != null) {
                            // read all that arrived
                        }
                    } catch (DicomParseException expected) {
                        assertTrue(expected.getMessage().length() > 10);
                    } catch (Throwable t) {
                        fail(name + " streamed, cut at " + n + ": " + t, t);
                    }
                }
            }
        });
    }

    /** Seeded bit flips over the nested structures, read whole and frame by frame: a clear error or a read. */
    @Test
    void mutantsParseOrFailClearlyOnBothPaths() {
        SplittableRandom random = new SplittableRandom(20261202L);
        ReadOptions options = ReadOptions.DEFAULT.withMaxValueLength(16 << 20).withMaxInflatedLength(16 << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int parsed = 0;
            int rejected = 0;
            for (Map.Entry<String, byte[]> e : built.entrySet()) {
                byte[] original = e.getValue();
                int from = firstIconPixelData(original) - 64;
                for (int iteration = 0; iteration < 300; iteration++) {
                    byte[] mutant = original.clone();
                    for (int k = 1 + random.nextInt(6); k > 0; k--) {
                        int at = from + random.nextInt(Math.min(1024, mutant.length - from));
                        mutant[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    try {
                        DicomFile f = DicomReader.read(new ByteArrayInputStream(mutant), options);
                        if (f.pixelData() != null && f.pixelData().frameCount() > 0) {
                            f.pixelData().frame(0);
                        }
                        f.dataset().toString();
                        parsed++;
                    } catch (IOException expected) {
                        rejected++;
                    } catch (Throwable t) {
                        fail(e.getKey() + " mutant " + iteration + " escaped the reader with " + t, t);
                    }
                    try (DicomStream s = DicomStream.open(new ByteArrayInputStream(mutant), options)) {
                        while (s.nextFrame() != null) {
                            // all frames
                        }
                    } catch (IOException expected) {
                        // a clear DicomParseException or the stream's end
                    } catch (Throwable t) {
                        fail(e.getKey() + " mutant " + iteration + " escaped the stream with " + t, t);
                    }
                }
            }
            assertTrue(parsed > 0 && rejected > 0, "mutants both parsed and rejected: " + parsed + "/" + rejected);
        });
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The item holding the icon: directly under the dataset, or two levels down in the deep file. */
    private static DicomObject iconItem(DicomObject ds) {
        DicomObject icon = ds.getItem(NestedEncapsulatedFiles.ICON_IMAGE_SEQUENCE);
        if (icon == null) {
            icon = ds.getItem(Tag.ReferencedSeriesSequence).getItem(Tag.ReferencedImageSequence)
                    .getItem(NestedEncapsulatedFiles.ICON_IMAGE_SEQUENCE);
        }
        assertNotNull(icon, "icon item");
        return icon;
    }

    private static void assertIconPixels(DicomObject icon, String ts, Fragments fragments) throws Exception {
        assertNotNull(fragments, "the icon's encapsulated pixel data");
        ImageDescriptor d = ImageDescriptor.from(icon, TransferSyntax.of(ts));
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(ts).decode(d, ByteBuffer.wrap(fragmentBytes(fragments)), 0, out);
        assertArrayEquals(NestedEncapsulatedFiles.iconImage().toLittleEndianBytes(), out.toLittleEndianBytes(),
                "icon pixels");
    }

    private static void assertMainPixels(DicomFile f) throws IOException, FrameDecodeException {
        String ts = f.transferSyntax().uid();
        ImageDescriptor d = ImageDescriptor.from(f.dataset(), f.transferSyntax());
        PixelData pd = f.pixelData();
        assertEquals(pd.declaredFrames(), pd.frameCount(), "all frames: " + pd.problem());
        for (int i = 0; i < pd.frameCount(); i++) {
            FrameBuffer out = new FrameBuffer();
            FrameDecoders.create(ts).decode(d, pd.frame(i), i, out);
            assertArrayEquals(NestedEncapsulatedFiles.mainImage(i).toLittleEndianBytes(), out.toLittleEndianBytes(),
                    "frame " + i);
        }
    }

    private static byte[] fragmentBytes(Fragments f) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Fragments.Fragment fragment : f.fragments()) {
            ByteBuffer b = fragment.read();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            all.writeBytes(bytes);
        }
        return all.toByteArray();
    }

    /** Offset of the first (7FE0,0010) element header, which is the icon's (it precedes the object's own). */
    private static int firstIconPixelData(byte[] file) {
        return indexOf(file, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B'}, 132);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
