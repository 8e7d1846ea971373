package nl.duoviewer.launch.smart;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The loopback redirect of RFC 8252 section 7.3: a listener on {@code http://127.0.0.1:<ephemeral>/callback} for one
 * sign-in. The first request to {@code /callback} is the answer; the browser gets a short page telling the user to
 * go back to the viewer. The listener lives only as long as one launch.
 */
final class LoopbackRedirect implements AutoCloseable {

    private static final String DONE_PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>DUO Viewer"
            + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>DUO Viewer</h1>"
            + "<p>Aanmelden afgerond. U kunt dit venster sluiten en teruggaan naar de viewer.</p>"
            + "<p lang=\"en\">Sign-in finished. You can close this window and return to the viewer.</p>"
            + "</body></html>";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CompletableFuture<URI> answer = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();

    LoopbackRedirect() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        executor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("smart-redirect")
                .unstarted(r));
        server.setExecutor(executor);
        server.createContext("/callback", this::callback);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/callback}. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    /**
     * Waits for the browser.
     *
     * @return the full callback URI (with {@code code} and {@code state}, or {@code error})
     * @throws TimeoutException     when nothing came in time
     * @throws InterruptedException when the launch was cancelled
     */
    URI await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requested = exchange.getRequestURI();
            if (!"GET".equals(exchange.getRequestMethod()) || !"/callback".equals(requested.getPath())) {
                reply(exchange, 404, "<p>Not found</p>");
                return;
            }
            boolean first = claimed.compareAndSet(false, true);
            reply(exchange, first ? 200 : 409, DONE_PAGE);
            if (first) {
                // after the page is sent: the launch closes this listener as soon as it has the answer
                answer.complete(URI.create(redirectUri() + (requested.getRawQuery() == null ? ""
                        : "?" + requested.getRawQuery())));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
