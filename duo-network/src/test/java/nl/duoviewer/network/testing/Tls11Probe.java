package nl.duoviewer.network.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.security.ClientTls;
import nl.duoviewer.xca.security.TlsRefusal;

/**
 * Runs in a JVM of its own whose security properties allow TLS 1.1 again (the JDK disables it by default, which would
 * make a refusal meaningless): a server on 127.0.0.1 that speaks only TLS 1.1, a plain JDK client that proves the
 * protocol really works in this JVM, and the viewer's client, which must refuse it. Prints one line per outcome for
 * {@code Tls11RefusalTest}.
 */
public final class Tls11Probe {

    private Tls11Probe() {
    }

    public static void main(String[] args) throws Exception {
        TestPki pki = TestPki.create(Files.createTempDirectory("tls11"), "90001234");
        SSLContext serverCtx = SSLContext.getInstance("TLS");
        serverCtx.init(pki.serverKeyManagers(TestPki.ServerCertificate.VALID), null, null);
        AtomicInteger served = new AtomicInteger();
        try (SSLServerSocket server = (SSLServerSocket) serverCtx.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {"TLSv1.1"});
            Thread.ofPlatform().daemon().start(() -> serve(server, served));
            URI uri = URI.create("https://127.0.0.1:" + server.getLocalPort() + "/wado-rs/studies/1.2.3");

            // a client that allows TLS 1.1 and trusts the CA: the protocol works in this JVM
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", pki.caCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ts);
            SSLContext plain = SSLContext.getInstance("TLS");
            plain.init(null, tmf.getTrustManagers(), null);
            SSLParameters only11 = plain.getDefaultSSLParameters();
            only11.setProtocols(new String[] {"TLSv1.1"});
            // HTTP/1.1: HTTP/2 needs TLS 1.2 and would leave this client waiting
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(plain)
                    .sslParameters(only11).build()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("CONTROL " + r.statusCode() + " " + r.sslSession().map(s -> s.getProtocol())
                        .orElse("?"));
            }
            int servedBefore = served.get();

            ClientTls ours = ClientTls.create(List.of(pki.caCertificate()), TrustSettings.Revocation.NONE, List.of(),
                    null, pki.organisationCredentials());
            // the viewer's client as it is used (its own parameters: TLS 1.2 and 1.3 offered)
            try (HttpClient http = ours.apply(HttpClient.newBuilder()).build()) {
                report("OURS", http, uri);
            }
            // the viewer's context in a stack that offers TLS 1.1 itself: the trust manager refuses it
            SSLParameters lax = ours.parameters();
            lax.setProtocols(new String[] {"TLSv1.1"});
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(ours.context()).sslParameters(lax).build()) {
                report("STRICT", http, uri);
            }
            System.out.println("SERVED " + (served.get() - servedBefore));
        }
    }

    private static void report(String label, HttpClient http, URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(label + " ACCEPTED " + r.statusCode());
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.out.println(label + " " + TlsRefusal.of(e).map(t -> t.reason() + " " + t.describe(uri))
                    .orElse("OTHER " + e) + " | " + root.getMessage());
        }
    }

    private static void serve(SSLServerSocket server, AtomicInteger served) {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                int c;
                while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
                    head.append((char) c);
                }
                served.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // a refused handshake: nothing served
            }
        }
    }
}
