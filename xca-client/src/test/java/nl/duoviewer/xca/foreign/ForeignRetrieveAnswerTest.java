package nl.duoviewer.xca.foreign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/**
 * dcm4chee-arc's documented RAD-69 MTOM answer through the client's real SOAP stack (CXF/IPF port, MTOM attachment
 * streaming, {@code ResponseStreamer}): as published it is not well-formed XML and the client fails with its typed
 * {@link RetrieveException}; with exactly its three defects repaired (see SOURCES.md) the instance reaches the
 * consumer, by RAD-69 as by ITI-43, through the percent-encoded {@code cid:} reference.
 */
class ForeignRetrieveAnswerTest {

    static final String STUDY = "1.3.12.2.1107.5.8.1.12345678.199508041416590859569";
    static final String SERIES = "1.3.12.2.1107.5.8.1.12345678.199508041416590860429";
    static final String SOP = "1.3.12.2.1107.5.8.1.12345678.199508041416590861483";
    static final String REPOSITORY = "1.3.6.1.4.1.21367.13.80.110";
    static final String PLACEHOLDER = "This is the binary data of the DICOM object.";

    /**
     * The published answer: its Content-Type header (unfolded) and its body, with the line ends MIME prescribes
     * (CRLF; the documentation renders them as bare LF, see {@link #bareLineEndsEndInTheTypedErrorNotInAHang}).
     */
    record Published(String contentType, byte[] body) {

        static Published of(String http) {
            return of(http, true);
        }

        static Published of(String http, boolean crlf) {
            int blank = http.indexOf("\n\n");
            String headers = http.substring(0, blank).replace("\n    ", " ");
            String type = headers.lines().filter(l -> l.startsWith("Content-Type:")).findFirst().orElseThrow()
                    .substring("Content-Type:".length()).strip();
            String body = http.substring(blank + 2);
            return new Published(type, (crlf ? body.replace("\n", "\r\n") : body)
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** A small DICOM object for the study, in place of the documentation's placeholder text. */
    static byte[] dicom() throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP);
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, SERIES);
        ds.setString(Tag.PatientID, VR.LO, ForeignPeer.PATIENT.value());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, "1.2.840.10008.1.2", out);
        return out.toByteArray();
    }

    /** The three repairs: the DocumentUniqueId tag closed, a DICOM object in place of the text, the closing boundary. */
    static Published repaired(Published p, byte[] dicom) {
        String boundary = "uuid:f693220a-ef9b-4e62-8d02-f8ea7918b7d9";
        String body = new String(p.body(), StandardCharsets.ISO_8859_1)
                .replace(SOP + "<DocumentUniqueId>", SOP + "</DocumentUniqueId>");
        int at = body.lastIndexOf(PLACEHOLDER);
        String fixed = body.substring(0, at) + new String(dicom, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary
                + "--\r\n";
        return new Published(p.contentType(), fixed.getBytes(StandardCharsets.ISO_8859_1));
    }

    record Received(String uid, byte[] bytes) {
    }

    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile(
            "<(?:[\\w-]+:)?MessageID[^>]*>\\s*([^<\\s]+)\\s*<");

    /**
     * The answer as the archive sends it to us: its wsa:RelatesTo names the MessageID of our request (the published
     * example relates to the example request), as every SOAP peer must.
     */
    static LoopbackServer.Answer relatedTo(byte[] request, Published p) {
        java.util.regex.Matcher m = MESSAGE_ID.matcher(new String(request, StandardCharsets.ISO_8859_1));
        String id = m.find() ? m.group(1) : "urn:uuid:none";
        // the pretty-printing whitespace around the value stays, as published
        String body = new String(p.body(), StandardCharsets.ISO_8859_1)
                .replace("urn:uuid:3FC3AA9541DB19A2CA1509719154150", id);
        return new LoopbackServer.Answer(200, p.contentType(), body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void asPublishedTheAnswerIsRefusedWithTheTypedError(@TempDir Path dir) throws Exception {
        Published p = Published.of(Fixtures.text("dcm4chee/rad69-response.txt"));
        try (LoopbackServer server = new LoopbackServer(req -> relatedTo(req, p));
             ForeignPeer peer = ForeignPeer.at(server.uri("/xdsi/ImagingDocumentSource"), dir)) {
            List<Received> got = new ArrayList<>();
            RetrieveException e = assertThrows(RetrieveException.class, () -> peer.images().retrieveSeries(
                    ForeignPeer.permit(REPOSITORY), ForeignPeer.PATIENT, ForeignPeer.SOURCE, new SeriesRequest(STUDY, SERIES, REPOSITORY,
                            List.of(SOP)), (i, in) -> got.add(new Received(i.sopInstanceUid(), in.readAllBytes()))));
            assertTrue(!e.getMessage().contains("stalled"), "refused for what it is, at once: " + e.getMessage());
            assertEquals(List.of(), got, "nothing of a malformed answer is handed on");
        }
    }

    @Test
    void bareLineEndsEndInTheTypedErrorNotInAHang(@TempDir Path dir) throws Exception {
        // as the documentation renders it, with LF only: CXF finds no MIME part; the stall guard ends the wait
        Published p = Published.of(Fixtures.text("dcm4chee/rad69-response.txt"), false);
        try (LoopbackServer server = new LoopbackServer(req -> relatedTo(req, p));
             ForeignPeer peer = ForeignPeer.at(server.uri("/xdsi/ImagingDocumentSource"), dir)) {
            assertThrows(RetrieveException.class, () -> peer.images().retrieveSeries(ForeignPeer.permit(REPOSITORY),
                    ForeignPeer.PATIENT, ForeignPeer.SOURCE, new SeriesRequest(STUDY, SERIES, REPOSITORY,
                            List.of(SOP)), (i, in) -> {
                        throw new AssertionError("nothing may be handed on");
                    }));
        }
    }

    @Test
    void repairedTheInstanceArrivesByRad69AndByIti43(@TempDir Path dir) throws Exception {
        byte[] dicom = dicom();
        Published p = repaired(Published.of(Fixtures.text("dcm4chee/rad69-response.txt")), dicom);
        try (LoopbackServer server = new LoopbackServer(req -> relatedTo(req, p));
             ForeignPeer peer = ForeignPeer.at(server.uri("/xdsi/ImagingDocumentSource"), dir)) {
            List<Received> got = new ArrayList<>();
            RetrieveOutcome o = peer.images().retrieveSeries(ForeignPeer.permit(REPOSITORY), ForeignPeer.PATIENT, ForeignPeer.SOURCE,
                    new SeriesRequest(STUDY, SERIES, REPOSITORY, List.of(SOP)),
                    (i, in) -> got.add(new Received(i.sopInstanceUid(), in.readAllBytes())));
            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), o.message());
            assertEquals(1, got.size());
            assertEquals(SOP, got.getFirst().uid());
            assertArrayEquals(dicom, got.getFirst().bytes());
            assertEquals(STUDY, DicomReader.read(got.getFirst().bytes()).dataset().getString(Tag.StudyInstanceUID));

            got.clear();
            RetrieveOutcome doc = peer.documents().retrieve(ForeignPeer.permit(REPOSITORY), ForeignPeer.PATIENT, ForeignPeer.SOURCE,
                    new DocumentLocator(ForeignPeer.HOME, REPOSITORY, SOP, "application/dicom"),
                    (i, in) -> got.add(new Received(i.sopInstanceUid(), in.readAllBytes())));
            assertEquals(RetrieveOutcome.Status.COMPLETE, doc.status(), doc.message());
            assertArrayEquals(dicom, got.getFirst().bytes());
            // what we asked for: a RAD-69 then an ITI-43 request, both MTOM/XOP packaged SOAP 1.2
            String rad69 = new String(server.requests().getFirst(), StandardCharsets.UTF_8);
            assertTrue(rad69.contains("RetrieveImagingDocumentSetRequest") && rad69.contains(SOP), rad69);
        }
    }
}
