package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;

/**
 * The demo network with its real content: studies of synthetic anatomy, retrieved over SOAP/MTOM and WADO-RS in
 * each network's compressed syntax, decode to exactly the pixels the network rendered.
 */
class RealImagesOverTheNetworkTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    @TempDir
    static Path dir;
    static EmbeddedDuoNetwork net;

    @BeforeAll
    static void start() throws Exception {
        net = EmbeddedDuoNetwork.start(EmbeddedDuoNetwork.Options.demo(dir.resolve("cache"))
                .withWorkDir(dir.resolve("work")));
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    /** The smallest multi-instance study one network holds, published once. */
    private static DemoStudy smallStudy(Network network) {
        return net.catalogue().registrations(network, PATIENT).stream().map(DemoCatalogue.Registration::study)
                .filter(s -> !s.performanceStudy() && s.publications().size() == 1 && s.instanceCount() > 1)
                .min(java.util.Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
    }

    private static FrameBuffer decode(byte[] dicom) throws Exception {
        DicomFile f = DicomReader.read(dicom);
        DicomFrameSource source = DicomFrameSource.of(f);
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(source.descriptor()).decode(source.descriptor(), source.frame(0), 0, out);
        return out;
    }

    @Test
    void retrievedImagesDecodeToTheRenderedPixels() throws Exception {
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            var snapshot = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            for (Network network : Network.values()) {
                DemoStudy study = smallStudy(network);
                TimelineEntry entry = snapshot.entries().stream()
                        .filter(e -> e.studyInstanceUid().equals(study.studyInstanceUid())).findFirst().orElseThrow();
                Map<String, byte[]> got = new LinkedHashMap<>();
                StudyRetrievalResult result = client.retrieveStudy(PATIENT, entry,
                        (m, in) -> got.put(m.sopInstanceUid(), in.readAllBytes())).result().get(300, TimeUnit.SECONDS);
                assertTrue(result.complete(), network + ": " + result.missing());
                assertEquals(study.instanceCount(), got.size(), network.displayName());
                for (DemoSeries series : study.series()) {
                    for (int i = 0; i < series.instanceCount(); i++) {
                        byte[] bytes = got.get(series.instanceUid(i));
                        DicomFile f = DicomReader.read(bytes);
                        String ts = f.transferSyntax().uid();
                        assertTrue(network.nativeSyntaxes().contains(ts) || TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                                .equals(ts), network + " served " + ts);
                        assertEquals(PATIENT.value(), f.dataset().getString(Tag.PatientID));
                        FrameBuffer served = decode(bytes);
                        FrameBuffer rendered = decode(net.content().instance(study, series, i,
                                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readAll());
                        if (!TransferSyntax.of(ts).lossy()) {
                            assertArrayEquals(rendered.toLittleEndianBytes(), served.toLittleEndianBytes(),
                                    network + " " + series.description() + " #" + (i + 1));
                        }
                    }
                }
            }
        }
    }
}
