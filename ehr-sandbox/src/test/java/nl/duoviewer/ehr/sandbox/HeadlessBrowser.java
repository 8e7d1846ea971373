package nl.duoviewer.ehr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the user's web browser in tests: opens the authorize URL the viewer hands to "the system browser", answers
 * the sandbox's sign-in page (allow, deny, or a chosen patient and user for a standalone launch) and follows the
 * redirect to the viewer's loopback callback, as a browser would. It can also misbehave: deliver the callback with
 * another {@code state} (a forged redirect), never come back, or wait until the test releases it.
 *
 * <p>Like the desktop's browser, {@link #open} returns at once; the page visits run on their own thread.
 */
public final class HeadlessBrowser {

    /** What the user (or an attacker) does on the sign-in page. */
    public enum Behaviour {
        ALLOW, DENY, FORGE_STATE, IGNORE
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Behaviour behaviour = Behaviour.ALLOW;
    private volatile String standalonePatient;
    private volatile String standaloneUser;
    private volatile CountDownLatch hold;
    private final List<URI> opened = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pages = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Integer> last = CompletableFuture.completedFuture(0);

    public HeadlessBrowser behave(Behaviour b) {
        behaviour = b;
        return this;
    }

    /** For a standalone launch: the patient and user to pick on the sign-in page. */
    public HeadlessBrowser pick(String patientId, Clinician user) {
        standalonePatient = patientId;
        standaloneUser = user.id();
        return this;
    }

    /** The next sign-ins wait until {@link #release()}: lets a test look at the viewer while the user signs in. */
    public HeadlessBrowser holdUntilReleased() {
        hold = new CountDownLatch(1);
        return this;
    }

    public void release() {
        CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** The browser's "open this URL": returns at once, like {@code xdg-open}. */
    public void open(URI uri) {
        opened.add(uri);
        last = CompletableFuture.supplyAsync(() -> visit(uri), r -> Thread.ofVirtual().start(r));
    }

    /** The URLs the viewer opened. */
    public List<URI> opened() {
        return List.copyOf(opened);
    }

    /** The HTML of the sign-in pages seen. */
    public List<String> pages() {
        return List.copyOf(pages);
    }

    /** Waits for the last visit to end; its value is the HTTP status of the last page (the callback's). */
    public int awaitLastVisit() throws Exception {
        return last.get(30, TimeUnit.SECONDS);
    }

    private int visit(URI authorize) {
        try {
            Behaviour b = behaviour;
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 302) {
                return follow(page, b); // refused at once, back to the app with an error
            }
            pages.add(page.body());
            if (b == Behaviour.IGNORE || page.statusCode() != 200 || !page.body().contains("name=\"request\"")) {
                return page.statusCode();
            }
            CountDownLatch h = hold;
            if (h != null && !h.await(60, TimeUnit.SECONDS)) {
                return -1;
            }
            StringBuilder form = new StringBuilder("request=" + enc(field(page.body(), "request")));
            form.append("&decision=").append(b == Behaviour.DENY ? "deny" : "allow");
            if (standalonePatient != null && page.body().contains("name=\"patient\"")) {
                form.append("&patient=").append(enc(standalonePatient)).append("&practitioner=")
                        .append(enc(standaloneUser));
            }
            HttpResponse<String> decided = http.send(HttpRequest.newBuilder(authorize.resolve("/auth/authorize"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return follow(decided, b);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int follow(HttpResponse<String> redirect, Behaviour b) throws IOException, InterruptedException {
        if (redirect.statusCode() != 302) {
            return redirect.statusCode();
        }
        String location = redirect.headers().firstValue("Location").orElseThrow();
        if (b == Behaviour.FORGE_STATE) {
            location = location.replaceAll("state=[^&]*", "state=forged-by-another-page");
        }
        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return callback.statusCode();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no field " + name + " on the sign-in page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
