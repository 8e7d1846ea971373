package nl.duoviewer.network.wado;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.content.ContentSource;
import nl.duoviewer.network.content.StudyContent;
import nl.duoviewer.network.gateway.ContentVariants;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.gateway.FaultProfile;
import nl.duoviewer.network.gateway.ThrottledOutputStream;
import nl.duoviewer.network.gateway.TruncatingOutputStream;
import nl.duoviewer.network.gateway.WrongPatientImages;
import nl.duoviewer.xca.security.AssertionRejectedException;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.io.MultipartRelatedParser;

/**
 * A community's WADO-RS service on 127.0.0.1 (RAD-107 style): {@code GET {base}/studies/{study}[/series/{series}
 * [/instances/{sop}[/frames/{n}]]]} answered as multipart/related, streamed part by part, over TLS with a required
 * client certificate. Requests must carry the
 * requester's signed assertion ({@code Authorization: SAML <base64>}) for this community. Only studies published in
 * this community are served. Frames of the deterministic content are whole single-frame payloads (frame 1).
 */
public final class WadoRsServer {

    private final Network network;
    private final DemoCatalogue catalogue;
    private final StudyContent content;
    private final AssertionVerifier verifier;
    private final FaultProfile faults;
    private final Counters counters;
    private final int port;
    private final HttpsConfigurator tls;
    private HttpsServer server;
    private ExecutorService executor;

    public WadoRsServer(Network network, DemoCatalogue catalogue, StudyContent content, AssertionVerifier verifier,
                        FaultProfile faults, Counters counters, HttpsConfigurator tls) throws IOException {
        this.network = network;
        this.tls = tls;
        this.catalogue = catalogue;
        this.content = content;
        this.verifier = verifier;
        this.faults = faults;
        this.counters = counters;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    public URI base() {
        return URI.create("https://127.0.0.1:" + port + "/" + network.key() + "/wado-rs");
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setHttpsConfigurator(tls);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/" + network.key() + "/wado-rs/", this::handle);
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            counters.count(Counters.Kind.WADO);
            if (!"GET".equals(ex.getRequestMethod())) {
                plain(ex, 405, "GET only");
                return;
            }
            if (!authorised(ex)) {
                counters.count(Counters.Kind.SECURITY_REJECTED);
                plain(ex, 401, "requester assertion missing or invalid");
                return;
            }
            if (faults.latency().toMillis() > 0) {
                try {
                    Thread.sleep(faults.latency().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (faults.drawError()) {
                plain(ex, 500, "Injected server error");
                return;
            }
            String prefix = "/" + network.key() + "/wado-rs/";
            String[] seg = ex.getRequestURI().getPath().substring(prefix.length()).split("/");
            if (seg.length < 2 || !"studies".equals(seg[0]) || seg.length % 2 != 0 || seg.length > 8) {
                plain(ex, 400, "expected studies/{uid}[/series/{uid}[/instances/{uid}[/frames/{n}]]]");
                return;
            }
            Optional<DemoStudy> study = catalogue.study(seg[1]);
            Optional<Institution> holder = study.flatMap(s -> s.publications().stream().map(Publication::institution)
                    .filter(i -> i.network() == network).findFirst());
            if (holder.isEmpty()) {
                plain(ex, 404, "no such study here");
                return;
            }
            counters.countRetrieveFor(holder.get().ura());
            List<Item> items = select(study.get(), seg);
            if (items.isEmpty()) {
                plain(ex, 404, "no such series or instance");
                return;
            }
            boolean frames = seg.length == 8;
            if (frames) {
                if (!"frames".equals(seg[6]) || !"1".equals(seg[7])) {
                    plain(ex, 404, "only frame 1 exists");
                    return;
                }
                stream(ex, study.get(), items, "application/octet-stream", Network.EXPLICIT_LE, true);
                return;
            }
            String ts = negotiate(ex.getRequestHeaders().getFirst("Accept"), items.getFirst().series());
            if (ts == null) {
                plain(ex, 406, "none of the accepted transfer syntaxes is available");
                return;
            }
            stream(ex, study.get(), items, "application/dicom", ts, false);
        }
    }

    private record Item(DemoSeries series, int index) {
    }

    private static List<Item> select(DemoStudy study, String[] seg) {
        List<Item> out = new ArrayList<>();
        for (DemoSeries s : study.series()) {
            if (seg.length >= 4 && (!"series".equals(seg[2]) || !s.seriesInstanceUid().equals(seg[3]))) {
                continue;
            }
            for (int i = 0; i < s.instanceCount(); i++) {
                if (seg.length >= 6 && (!"instances".equals(seg[4]) || !s.instanceUid(i).equals(seg[5]))) {
                    continue;
                }
                out.add(new Item(s, i));
            }
        }
        return out;
    }

    /** The first transfer syntax named in the Accept header that the source has; "*" or none means native. */
    private String negotiate(String accept, DemoSeries series) {
        List<String> available = content.transferSyntaxes(network, series);
        if (accept == null || accept.isBlank()) {
            return available.getFirst();
        }
        for (String range : accept.split(",")) {
            String r = range.strip().toLowerCase(Locale.ROOT);
            if (!r.startsWith("multipart/related") && !r.startsWith("*/*")) {
                continue;
            }
            String ts = MultipartRelatedParser.parameters(range).get("transfer-syntax");
            if (ts == null || "*".equals(ts)) {
                return available.getFirst();
            }
            if (available.contains(ts)) {
                return ts;
            }
        }
        return null;
    }

    private void stream(HttpExchange ex, DemoStudy study, List<Item> items, String type, String ts, boolean frames)
            throws IOException {
        String boundary = "duo-" + UUID.randomUUID();
        ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"" + type + "\"; boundary=" + boundary);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        if (faults.throttled()) {
            out = new ThrottledOutputStream(out, faults, counters);
        }
        if (faults.truncateImagesAfter() > 0) {
            out = new TruncatingOutputStream(out, faults.truncateImagesAfter());
        }
        byte[] buf = new byte[16384];
        for (Item item : items) {
            String uid = item.series().instanceUid(item.index());
            String location = base() + "/studies/" + study.studyInstanceUid() + "/series/"
                    + item.series().seriesInstanceUid() + "/instances/" + uid + (frames ? "/frames/1" : "");
            String head = "\r\n--" + boundary + "\r\nContent-Type: " + type
                    + (frames ? "" : "; transfer-syntax=" + ts) + "\r\nContent-Location: " + location + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            ContentSource source = instance(study, item, ts);
            if (!frames) {
                source = ContentVariants.instance(source, faults, network); // the community's variant, as on RAD-69/75
            }
            try (InputStream in = source.open()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            }
        }
        counters.countInstances(items.size());
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.close();
    }

    /** The item's content, or under the wrong-patient fault another patient's image in its place. */
    private ContentSource instance(DemoStudy study, Item item, String ts) {
        if (faults.wrongPatientImages()) {
            var other = WrongPatientImages.substitute(catalogue, study, item.series(), item.index());
            if (other.isPresent()) {
                return content.instance(other.get().study(), other.get().series(), other.get().index(), ts);
            }
        }
        return content.instance(study, item.series(), item.index(), ts);
    }

    private boolean authorised(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("SAML ")) {
            return false;
        }
        try {
            byte[] xml = Base64.getDecoder().decode(auth.substring(5).strip());
            counters.recordRequester(verifier.verify(SecureXml.parse(xml).getDocumentElement()));
            return true;
        } catch (IllegalArgumentException | IOException | org.xml.sax.SAXException | AssertionRejectedException e) {
            return false;
        }
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
