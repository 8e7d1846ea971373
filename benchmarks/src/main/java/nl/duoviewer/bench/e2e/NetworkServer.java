package nl.duoviewer.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.KosStudyContent;
import nl.duoviewer.network.content.SyntheticStudyContent;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.TrustSettings;

/**
 * The server side of the end-to-end run, in its own process so that the measured client process holds only the
 * viewer: the embedded demo network on its rendered cache, and client configurations for the paths measured.
 * <ul>
 *   <li>{@code embedded-wado.properties}: the network as the viewer sees it (WADO-RS where offered).</li>
 *   <li>{@code embedded-rad75.properties}: the same network with the WADO-RS bases left out, so every series is
 *       retrieved with RAD-75 (what the viewer does with a community that offers no WADO-RS).</li>
 *   <li>{@code orthanc-wado.properties} (with {@code --orthanc BASE}): a second instance of the network whose KOS
 *       manifests give Retrieve URLs under the Orthanc DICOMweb base, so the viewer's pipeline (consent, ITI-39
 *       manifest, WADO-RS, decoding) fetches the images from Orthanc.</li>
 * </ul>
 * Prints {@code READY} when the files are written and serves until its standard input closes (the script holds the
 * other end, so the server goes when the script goes), or for at most {@code --max-minutes}.
 *
 * <pre>NetworkServer --cache DIR --work DIR [--orthanc http://127.0.0.1:PORT/dicom-web] [--max-minutes M]</pre>
 */
public final class NetworkServer {

    private NetworkServer() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Quiet.logging();
        Path cache = Path.of(a.required("cache"));
        Path work = Files.createDirectories(Path.of(a.required("work")));
        String orthanc = a.get("orthanc", null);
        long maxMillis = a.intValue("max-minutes", 120) * 60_000L;
        List<EmbeddedDuoNetwork> running = new ArrayList<>();
        try {
            EmbeddedDuoNetwork embedded = EmbeddedDuoNetwork.start(EmbeddedDuoNetwork.Options.demo(cache)
                    .withWorkDir(work.resolve("keys-embedded")));
            running.add(embedded);
            write(embedded, work.resolve("embedded-wado.properties"), UnaryOperator.identity());
            write(embedded, work.resolve("embedded-rad75.properties"), c -> withWado(c, null));
            if (orthanc != null) {
                URI base = URI.create(orthanc.endsWith("/") ? orthanc.substring(0, orthanc.length() - 1) : orthanc);
                EmbeddedDuoNetwork viaOrthanc = EmbeddedDuoNetwork.start(new EmbeddedDuoNetwork.Options(
                        CatalogueGenerator.DEFAULT_SEED, work.resolve("keys-orthanc"),
                        catalogue -> new KosStudyContent(new SyntheticStudyContent(catalogue, cache), catalogue,
                                n -> base),
                        Set.of(Network.FOUNDA, Network.ENOVATION), TestPki.ServerCertificate.VALID,
                        TestPki.ServerCertificate.VALID));
                running.add(viaOrthanc);
                write(viaOrthanc, work.resolve("orthanc-wado.properties"), c -> withWado(c, base));
            }
            System.out.println("READY");
            System.out.flush();
            awaitStdinClosed(maxMillis);
        } finally {
            running.forEach(EmbeddedDuoNetwork::close);
        }
        System.exit(0);
    }

    /**
     * Writes the network's client configuration with the endpoints changed; the keystore password comes from
     * {@value TestPki#PASSWORD_VARIABLE} (e2e.sh sets it), and plain http is allowed on loopback for Orthanc's
     * WADO-RS, which the benchmark reaches without TLS.
     */
    private static void write(EmbeddedDuoNetwork net, Path file, UnaryOperator<CommunityEndpoint> change)
            throws IOException {
        DuoClientConfig config = net.clientConfig();
        List<CommunityEndpoint> endpoints = config.communities().stream().map(change).toList();
        TrustSettings t = config.trust();
        DuoClientConfig changed = new DuoClientConfig(config.actorPosition(), endpoints, config.mitz(),
                config.organisation(), config.identity(), net.pki().organisationFromEnvironment(),
                new TrustSettings(t.trustStore(), t.trustStorePassword(), t.revocation(), t.crls(),
                        t.ocspResponder(), t.mitzSigningCertificate(), true),
                config.samlIssuer(), config.transferSyntaxes(), config.queryRetries(), config.maxQuerySplits(),
                config.maxQueryResponseBytes(), config.maxDocumentBytes(), config.maxInstanceBytes());
        DuoConfigFile.write(changed, file, "end-to-end benchmark: " + file.getFileName());
    }

    private static CommunityEndpoint withWado(CommunityEndpoint c, URI wado) {
        return new CommunityEndpoint(c.id(), c.displayName(), c.homeCommunityId(), c.queryEndpoint(),
                c.retrieveEndpoint(), c.imagingEndpoint(), wado, c.timeout());
    }

    /** Blocks until standard input reaches its end (or fails), or the time is up. */
    private static void awaitStdinClosed(long maxMillis) throws InterruptedException {
        Thread reader = Thread.ofPlatform().daemon().name("stdin-watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the script never writes; only the end matters
                }
            } catch (IOException e) {
                // a broken pipe is an end too
            }
        });
        reader.join(maxMillis);
    }
}
