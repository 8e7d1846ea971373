package nl.duoviewer.xca.foreign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * Test-only: a server on 127.0.0.1 (ephemeral port) that answers every POST with what the test scripts from the
 * request body, as a foreign system would answer: exact status, headers and bytes. Keeps the request bodies.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();

    public LoopbackServer(Function<byte[], Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readNBytes(4 << 20);
                }
                requests.add(body);
                Answer a = script.apply(body);
                ex.getResponseHeaders().set("Content-Type", a.contentType());
                ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                if (a.body().length > 0) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(a.body());
                    }
                }
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<byte[]> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
