package nl.duoviewer.xca.wado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;

/** The WADO-RS client against a loopback server that answers the way real servers (Orthanc) were seen to answer. */
class WadoRsClientTest {

    private static final String STUDY = "1.2.826.0.1.3680043.8.498.1";
    private static TestWadoClients clients;
    private HttpServer server;
    private final List<String> accepts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        clients = TestWadoClients.create(dir);
    }

    @AfterAll
    static void closeClients() {
        clients.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static byte[] part10(String sopUid) throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, "1.2.840.10008.1.2.1", out);
        return out.toByteArray();
    }

    /** A study response framed as Orthanc frames it: 70-character boundary, Content-Length, no Content-Location. */
    private URI serve(List<byte[]> bodies) throws IOException {
        String boundary = "3b00ef3f-439d-4599-83ac-3bc02fb6a69f-a6ebfc99-7fe8-4f41-81a4-b2a01e91e";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] b : bodies) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\nContent-Length: " + b.length
                    + "\r\nMIME-Version: 1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(b);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicom-web/", ex -> {
            accepts.add(ex.getRequestHeaders().getFirst("Accept"));
            ex.getResponseHeaders().set("Content-Type",
                    "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
    }

    /**
     * Parts without Content-Location (optional in PS3.18; Orthanc sends none for instances) are named by the SOP
     * Instance UID in their own File Meta Information, so that a retrieval spanning several requests (one per series)
     * can tell instances apart.
     */
    @Test
    void partsWithoutContentLocationAreNamedByTheirSopInstanceUid() throws Exception {
        byte[] first = part10("1.2.826.0.1.3680043.8.498.11");
        byte[] second = part10("1.2.826.0.1.3680043.8.498.12");
        byte[] notDicom = "not a Part-10 file".getBytes(StandardCharsets.US_ASCII);
        WadoRsClient client = clients.client(serve(List.of(first, second, notDicom)),
                DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES, AuditSink.NONE);
        List<String> names = new ArrayList<>();
        List<byte[]> delivered = new ArrayList<>();
        RetrieveOutcome o = client.retrieveStudy(TestWadoClients.permit(), TestWadoClients.PATIENT, STUDY,
                (instance, data) -> {
                    names.add(instance.sopInstanceUid());
                    delivered.add(data.readAllBytes());
                });
        assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), o.message());
        assertEquals(List.of("1.2.826.0.1.3680043.8.498.11", "1.2.826.0.1.3680043.8.498.12", "part-3"), names);
        assertEquals(names, o.received());
        // the header bytes read to find the UID are handed on: every part arrives whole
        assertArrayEquals(first, delivered.get(0));
        assertArrayEquals(second, delivered.get(1));
        assertArrayEquals(notDicom, delivered.get(2));
    }

    /** A header whose File Meta Information disagrees with the dataset (seen in the corpus): the dataset wins. */
    @Test
    void theDatasetSopInstanceUidNamesThePartWhenTheMetaDisagrees() throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.21");
        DicomObject fmi = DicomWriter.createFileMetaInformation(ds, "1.2.840.10008.1.2");
        fmi.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.99");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(fmi, ds, out);
        WadoRsClient client = clients.client(serve(List.of(out.toByteArray())),
                DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES, AuditSink.NONE);
        RetrieveOutcome o = client.retrieveStudy(TestWadoClients.permit(), TestWadoClients.PATIENT, STUDY,
                (i, d) -> assertArrayEquals(out.toByteArray(), d.readAllBytes()));
        assertEquals(List.of("1.2.826.0.1.3680043.8.498.21"), o.received());
    }

    /**
     * The offered syntaxes go out in preference order with falling q-values and end on "as stored": a server that
     * honours only the last range (Orthanc) then sends what it has instead of the least preferred syntax.
     */
    @Test
    void acceptOffersTheConfiguredSyntaxesThenAsStored() throws Exception {
        WadoRsClient client = clients.client(serve(List.of(part10("1.2.826.0.1.3680043.8.498.11"))),
                List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.1"), AuditSink.NONE);
        client.retrieveStudy(TestWadoClients.permit(), TestWadoClients.PATIENT, STUDY, (i, d) -> d.readAllBytes());
        String range = "multipart/related; type=\"application/dicom\"; transfer-syntax=";
        assertEquals(List.of(range + "1.2.840.10008.1.2.4.80, " + range + "1.2.840.10008.1.2.4.90; q=0.8, " + range
                + "1.2.840.10008.1.2.1; q=0.7, " + range + "*; q=0.1"), accepts);
    }
}
