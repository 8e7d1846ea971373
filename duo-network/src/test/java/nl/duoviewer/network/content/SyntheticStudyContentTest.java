package nl.duoviewer.network.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/** Every kind of demo image is real DICOM that our decoders read, in every syntax the networks serve it in. */
class SyntheticStudyContentTest {

    @TempDir
    static Path cache;
    static DemoCatalogue catalogue;
    static SyntheticStudyContent content;

    @BeforeAll
    static void setUp() {
        catalogue = new CatalogueGenerator(CatalogueGenerator.DEFAULT_SEED).generate();
        content = new SyntheticStudyContent(catalogue, cache);
    }

    @AfterAll
    static void tearDown() {
        content.close();
    }

    /** One (patient, study, series) per modality present in the catalogue, smallest series first. */
    private static List<Object[]> onePerModality() {
        List<Object[]> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (DemoPatient p : catalogue.patients()) {
            for (DemoStudy s : p.studies()) {
                for (DemoSeries series : s.series()) {
                    String key = series.modality() + (series.description().startsWith("Topogram") ? "-topo" : "");
                    if (!s.performanceStudy() && seen.add(key)) {
                        out.add(new Object[] {p, s, series});
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyModalityDecodesInEverySyntaxAndLosslessEqualsTheNativeRender() throws Exception {
        List<Object[]> cases = onePerModality();
        assertTrue(cases.size() >= 6, "CT, topogram, MR, CR/DX, US and MG present: " + cases.size());
        for (Object[] c : cases) {
            DemoPatient patient = (DemoPatient) c[0];
            DemoStudy study = (DemoStudy) c[1];
            DemoSeries series = (DemoSeries) c[2];
            FrameBuffer reference = decode(DicomReader.read(content.instance(study, series, 0,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readAll()));
            for (Network network : Network.values()) {
                for (String ts : content.transferSyntaxes(network, series)) {
                    String what = series.modality() + " " + series.description() + " in " + ts;
                    DicomFile f = DicomReader.read(content.instance(study, series, 0, ts).readAll());
                    assertEquals(ts, f.transferSyntax().uid(), what);
                    assertEquals(series.instanceUid(0), f.sopInstanceUid(), what);
                    assertEquals(series.sopClassUid(), f.sopClassUid(), what + ": matches the KOS reference");
                    assertEquals(patient.bsn().value(), f.dataset().getString(Tag.PatientID), what);
                    assertEquals(study.studyInstanceUid(), f.dataset().getString(Tag.StudyInstanceUID), what);
                    FrameBuffer decoded = decode(f);
                    if (!TransferSyntax.of(ts).lossy()) {
                        assertArrayEquals(reference.toLittleEndianBytes(), decoded.toLittleEndianBytes(),
                                what + " is lossless");
                    } else {
                        assertEquals("01", f.dataset().getString(Tag.LossyImageCompression), what);
                        assertEquals(reference.sampleCount(), decoded.sampleCount(), what);
                    }
                }
            }
        }
    }

    private static FrameBuffer decode(DicomFile f) throws Exception {
        DicomFrameSource source = DicomFrameSource.of(f);
        FrameBuffer decoded = new FrameBuffer();
        FrameDecoders.create(source.descriptor()).decode(source.descriptor(), source.frame(0), 0, decoded);
        return decoded;
    }

    @Test
    void generatedImagesAreCachedAndReused() throws IOException {
        Object[] c = onePerModality().getFirst();
        DemoStudy study = (DemoStudy) c[1];
        DemoSeries series = (DemoSeries) c[2];
        ContentSource source = content.instance(study, series, 0, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] first = source.readAll();
        Path file;
        try (Stream<Path> files = Files.walk(cache.resolve(study.studyInstanceUid()))) {
            file = files.filter(p -> p.toString().endsWith("ts.1.dcm") && p.getFileName().toString()
                    .startsWith(series.number() + "-1-")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));
        assertArrayEquals(first, content.instance(study, series, 0, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .readAll());
        assertEquals(1_000_000L, Files.getLastModifiedTime(file).toMillis(), "served from the cache, not rendered");
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + ".part")));
    }

    @Test
    void jpegBaselineIsOfferedOnlyForEightBitImages() {
        for (Object[] c : onePerModality()) {
            DemoSeries series = (DemoSeries) c[2];
            boolean offered = content.transferSyntaxes(Network.ALPHATRON, series).contains(TransferSyntax.JPEG_BASELINE);
            assertEquals("US".equals(series.modality()), offered, series.modality());
        }
    }

    private static DemoCatalogue.ReportEntry report(DemoReport.Format format) {
        return catalogue.reportOfFormat(CatalogueGenerator.SHOWCASE_PATIENT, format).orElseThrow();
    }

    @Test
    void pdfReportsNameThePatientAndStudy() throws IOException {
        DemoCatalogue.ReportEntry entry = report(DemoReport.Format.PDF);
        byte[] pdf = content.report(entry.study(), entry.report()).readAll();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.4"), "PDF header");
        assertTrue(text.endsWith("%%EOF\n"), "PDF trailer");
        assertTrue(text.contains(entry.patient().bsn().formatted()), "names the patient's BSN");
        assertTrue(text.contains(entry.study().accessionNumber()), "names the accession number");
        int xref = Integer.parseInt(text.substring(text.lastIndexOf("startxref") + 10).split("\n")[0].trim());
        assertTrue(text.startsWith("xref", xref), "startxref points at the cross-reference table");
    }

    @Test
    void srReportsAreBasicTextSrOfThePatientAndStudyWrittenWithOurWriter() throws IOException {
        DemoCatalogue.ReportEntry entry = report(DemoReport.Format.SR);
        DicomFile sr = DicomReader.read(content.report(entry.study(), entry.report()).readAll());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.11", sr.sopClassUid());
        assertEquals(entry.report().documentUid(), sr.sopInstanceUid(), "the XDS uniqueId is the SOP Instance UID");
        assertEquals(entry.patient().bsn().value(), sr.dataset().getString(Tag.PatientID));
        assertEquals(entry.study().studyInstanceUid(), sr.dataset().getString(Tag.StudyInstanceUID));
        assertEquals("CONTAINER", sr.dataset().getString(Tag.ValueType));
        List<String> containers = sr.dataset().getSequence(Tag.ContentSequence).stream()
                .filter(i -> "CONTAINER".equals(i.getString(Tag.ValueType)))
                .map(i -> i.getItem(Tag.ConceptNameCodeSequence).getString(Tag.CodeMeaning)).toList();
        assertEquals(List.of("Klinische gegevens", "Bevindingen", "Conclusie"), containers);
    }

    @Test
    void cdaReportsAreHl7CdaNamingThePatientByBsn() throws Exception {
        DemoCatalogue.ReportEntry entry = report(DemoReport.Format.CDA);
        org.w3c.dom.Document doc = nl.duoviewer.xca.security.SecureXml.parse(
                content.report(entry.study(), entry.report()).readAll());
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertEquals("urn:hl7-org:v3", root.getNamespaceURI());
        assertEquals("ClinicalDocument", root.getLocalName());
        org.w3c.dom.Element id = (org.w3c.dom.Element) root.getElementsByTagNameNS("urn:hl7-org:v3", "patientRole")
                .item(0).getFirstChild();
        assertEquals("2.16.840.1.113883.2.4.6.3", id.getAttribute("root"));
        assertEquals(entry.patient().bsn().value(), id.getAttribute("extension"));
        assertEquals(3, root.getElementsByTagNameNS("urn:hl7-org:v3", "section").getLength());
        assertTrue(root.getTextContent().contains(entry.study().accessionNumber()));
    }

    @Test
    void textReportsAreUtf8LinesWithTheTitleFirst() throws IOException {
        DemoStudy study = catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow().reportOnly().stream()
                .filter(s -> s.report().orElseThrow().format() == DemoReport.Format.TEXT).findFirst().orElseThrow();
        String text = new String(content.report(study, study.report().orElseThrow()).readAll(),
                StandardCharsets.UTF_8);
        assertTrue(text.startsWith(study.report().orElseThrow().title().toUpperCase(java.util.Locale.ROOT) + "\r\n"),
                text);
        assertTrue(text.contains("Conclusie: "), text);
    }

    @Test
    void theShowcasePatientHasEveryReportFormatAndReportOnlyStudies() {
        DemoPatient p = catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        for (DemoReport.Format f : DemoReport.Format.values()) {
            assertTrue(catalogue.reportOfFormat(p.bsn(), f).isPresent(), f + " on a study with images");
        }
        assertEquals(2, p.reportOnly().size());
        for (DemoStudy s : p.reportOnly()) {
            assertTrue(s.reportOnly() && s.series().isEmpty() && s.report().isPresent(), s.toString());
            assertFalse(p.studies().contains(s));
        }
    }

    @Test
    void theFollowUpAndItsPriorShareOneFrameOfReferenceAndNoOtherStudyHasIt() {
        DemoPatient showcase = catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow();
        DemoStudy followUp = showcase.studies().stream().filter(st -> st.studyInstanceUid().equals(
                CatalogueGenerator.followUpStudyUid(CatalogueGenerator.DEFAULT_SEED))).findFirst().orElseThrow();
        DemoStudy prior = showcase.studies().stream().filter(st -> st.studyInstanceUid().equals(
                CatalogueGenerator.followUpPriorUid(CatalogueGenerator.DEFAULT_SEED))).findFirst().orElseThrow();
        String shared = content.render(followUp, followUp.series().getFirst(), 0).getString(Tag.FrameOfReferenceUID);
        assertEquals(shared, content.render(followUp, followUp.series().get(1), 5).getString(Tag.FrameOfReferenceUID));
        assertEquals(shared, content.render(prior, prior.series().getFirst(), 3).getString(Tag.FrameOfReferenceUID));
        // the prior the viewer picks: the newest CT of the same body part before the follow-up
        DemoStudy newestBefore = showcase.studies().stream()
                .filter(st -> st.modality().equals("CT") && st.bodyPart().equals(followUp.bodyPart())
                        && st.dateTime().isBefore(followUp.dateTime()))
                .max(java.util.Comparator.comparing(DemoStudy::dateTime)).orElseThrow();
        assertEquals(prior.studyInstanceUid(), newestBefore.studyInstanceUid());
        for (DemoStudy other : showcase.studies()) {
            if (other != followUp && other != prior && other.modality().equals("CT") && !other.performanceStudy()) {
                DemoSeries axial = other.series().getLast();
                assertFalse(shared.equals(content.render(other, axial, 0).getString(Tag.FrameOfReferenceUID)),
                        other.description());
                assertEquals(nl.duoviewer.core.dicom.Uids.fromName("for:" + axial.seriesInstanceUid()),
                        content.render(other, axial, 0).getString(Tag.FrameOfReferenceUID), "unchanged by default");
            }
        }
    }
}
