package nl.duoviewer.network.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.duoviewer.network.pki.TestPki;

/**
 * An OCSP responder for the test PKI's demo CA on 127.0.0.1 (RFC 6960 over HTTP, POST and GET), answering from
 * {@link TestPki#ocspAnswer}: the revoked server certificate is REVOKED, any other GOOD.
 */
public final class OcspResponder implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger asked = new AtomicInteger();

    public OcspResponder(TestPki pki) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/ocsp", ex -> handle(ex, pki));
        server.start();
    }

    private void handle(HttpExchange ex, TestPki pki) throws IOException {
        try (ex) {
            asked.incrementAndGet();
            byte[] request;
            if ("POST".equals(ex.getRequestMethod())) {
                try (InputStream in = ex.getRequestBody()) {
                    request = in.readNBytes(64 * 1024);
                }
            } else {
                String path = ex.getRequestURI().getRawPath();
                request = Base64.getDecoder().decode(java.net.URLDecoder.decode(
                        path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.US_ASCII));
            }
            byte[] answer = pki.ocspAnswer(request);
            ex.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    /** How many OCSP requests arrived. */
    public int asked() {
        return asked.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
