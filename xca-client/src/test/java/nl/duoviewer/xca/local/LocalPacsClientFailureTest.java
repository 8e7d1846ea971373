package nl.duoviewer.xca.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.config.LocalPacsSettings;
import nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode;

/**
 * A hospital PACS that is down, slow, refuses or answers garbage: each is a typed failure of the local source (shown
 * as its own row), never an exception that could take the timeline with it, and each is audited as a failed search.
 */
@Timeout(30)
class LocalPacsClientFailureTest {

    private static final Bsn PATIENT = Bsn.parse("999999011");

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String contentType, String body, boolean hang) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicom-web", (HttpExchange x) -> {
            if (hang) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", contentType);
            x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
    }

    private LocalQueryResult query(URI base, Duration timeout) {
        try (LocalPacsClient client = LocalPacsClient.open(new LocalPacsSettings("PACS", "", base, null,
                PatientIdMode.BSN, "", timeout, null, null, null, null), audit::add, Clock.systemUTC())) {
            return client.query(PATIENT);
        }
    }

    private void assertFailure(LocalQueryResult r, LocalQueryResult.Reason reason) {
        assertEquals(reason, r.failure().orElseThrow().reason(), r::toString);
        assertEquals(List.of(), r.studies());
        AuditEvent e = audit.getLast();
        assertEquals(AuditEvent.Transaction.QIDO_RS, e.transaction());
        assertEquals(AuditEvent.Outcome.FAILURE, e.outcome());
    }

    @Test
    void aPacsThatIsDownIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFailure(query(URI.create("http://127.0.0.1:" + port + "/dicom-web"), Duration.ofSeconds(5)),
                LocalQueryResult.Reason.UNREACHABLE);
    }

    @Test
    void aPacsThatDoesNotAnswerInTimeTimesOut() throws IOException {
        URI base = serve(200, "application/dicom+json", "[]", true);
        long started = System.nanoTime();
        assertFailure(query(base, Duration.ofMillis(500)), LocalQueryResult.Reason.TIMED_OUT);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "bounded by the timeout");
    }

    @Test
    void garbageIsNotUsed() throws IOException {
        assertFailure(query(serve(200, "text/html", "<html>Service unavailable</html>", false),
                Duration.ofSeconds(5)), LocalQueryResult.Reason.MALFORMED);
    }

    @Test
    void jsonThatIsNoDicomJsonArrayIsNotUsed() throws IOException {
        assertFailure(query(serve(200, "application/dicom+json", "{\"0020000D\": {}}", false),
                Duration.ofSeconds(5)), LocalQueryResult.Reason.MALFORMED);
    }

    @Test
    void anErrorStatusIsAnHttpError() throws IOException {
        LocalQueryResult r = query(serve(500, "text/plain", "boom", false), Duration.ofSeconds(5));
        assertFailure(r, LocalQueryResult.Reason.HTTP_ERROR);
        assertEquals("HTTP 500", r.failure().orElseThrow().detail());
    }

    @Test
    void aRefusalIsRefused() throws IOException {
        assertFailure(query(serve(403, "text/plain", "no", false), Duration.ofSeconds(5)),
                LocalQueryResult.Reason.REFUSED);
    }

    @Test
    void noMatchIsAnEmptyAnswer() throws IOException {
        LocalQueryResult r = query(serve(204, "application/dicom+json", "", false), Duration.ofSeconds(5));
        assertEquals(new LocalQueryResult(List.of(), 0, 0, java.util.Optional.empty()), r);
    }

    @Test
    void oddRecordsCostTheirOwnEntryOnly() throws IOException {
        String body = "[{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"999999011\"]},"
                + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},\"00080020\":{\"vr\":\"DA\",\"Value\":[\"2024\"]}},"
                + "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"999999011\"]},\"0020000d\":{\"vr\":\"UI\",\"Value\":[\"x; rm\"]}},"
                + "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"999999023\"]},\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.4\"]}}]";
        LocalQueryResult r = query(serve(200, "application/dicom+json", body, false), Duration.ofSeconds(5));
        assertEquals(List.of("1.2.3"), r.studies().stream().map(s -> s.studyInstanceUid()).toList());
        assertEquals(null, r.studies().getFirst().studyDateTime(), "a malformed date is no date");
        assertEquals(1, r.malformed());
        assertEquals(1, r.rejected(), "another Patient ID than the one asked for");
    }
}
