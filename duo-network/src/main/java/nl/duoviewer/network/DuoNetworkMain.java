package nl.duoviewer.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;

/**
 * Runs the embedded DUO network standalone: prints the endpoints and demo patients, writes the client
 * configuration file (first argument, default {@code duo-network.properties}) and serves until Ctrl-C.
 *
 * <pre>
 * DuoNetworkMain [config-file] [--cache DIR] [--deterministic]
 *   --cache DIR       where the rendered demo images are cached (default ~/.cache/duoviewer/demo-network/...)
 *   --deterministic   serve the fast deterministic test bytes instead of real DICOM images
 * </pre>
 * Run with {@code -Dduo.verbose=true} to see CXF's and Jetty's own logging.
 */
public final class DuoNetworkMain {

    /** Held so that the level set on them survives garbage collection of unreferenced JUL loggers. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private DuoNetworkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("duo.verbose")) {
            // CXF and Jetty announce every endpoint at INFO; the summary below says what matters
            for (String name : List.of("org.apache.cxf", "org.eclipse.jetty")) {
                Logger l = Logger.getLogger(name);
                l.setLevel(Level.WARNING);
                QUIETED.add(l);
            }
        }
        String configName = "duo-network.properties";
        Path cache = EmbeddedDuoNetwork.Options.defaultCacheDir();
        boolean deterministic = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> {
                    if (i + 1 >= args.length) {
                        usage("--cache needs a folder");
                        return;
                    }
                    cache = Path.of(args[++i]);
                }
                case "--deterministic" -> deterministic = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        usage("unknown option " + args[i]);
                        return;
                    }
                    configName = args[i];
                }
            }
        }
        Path configFile = Path.of(configName).toAbsolutePath();
        EmbeddedDuoNetwork.Options options = deterministic ? EmbeddedDuoNetwork.Options.defaults()
                : EmbeddedDuoNetwork.Options.demo(cache);
        java.nio.file.Files.deleteIfExists(options.workDir()); // the temporary default; keys go beside the file
        EmbeddedDuoNetwork net = EmbeddedDuoNetwork.start(options
                .withWorkDir(configFile.getParent().resolve("duo-network-keys")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            net.close();
            stopped.countDown();
        }, "duo-network-shutdown"));
        DuoClientConfig config = net.clientConfig();
        warmUp(net);
        net.writeClientConfig(configFile);
        System.out.println("Embedded DUO network is up (" + (deterministic ? "deterministic test bytes"
                : "real DICOM images, cached in " + cache) + ").");
        for (CommunityEndpoint c : config.communities()) {
            System.out.printf("  %-14s %s%n    ITI-38 %s%n    ITI-39 %s%n    RAD-75 %s%n    WADO   %s%n",
                    c.displayName(), c.homeCommunityId(), c.queryEndpoint(), c.retrieveEndpoint(),
                    c.imagingEndpoint(), c.wadoBase() == null ? "-" : c.wadoBase());
        }
        System.out.println("  Mitz open     " + config.mitz().openQuestionEndpoint());
        System.out.println("  Mitz closed   " + config.mitz().closedQuestionEndpoint());
        System.out.println("Demo patients:");
        for (DemoPatient p : net.catalogue().patients()) {
            System.out.printf("  %s  %-24s %d studies%s%n", p.bsn().value(), p.displayName(), p.studies().size(),
                    p.reportOnly().isEmpty() ? "" : " + " + p.reportOnly().size() + " report only");
        }
        System.out.println("Client configuration written to " + configFile + " (every endpoint https; the trust store,");
        System.out.println("  client keystore, CRL and Mitz certificate beside it in " + configFile.getParent()
                .resolve("duo-network-keys") + ").");
        System.out.println("The viewer reads the demo keystore's password from the environment; ./run sets it, or:");
        System.out.println("  export " + TestPki.PASSWORD_VARIABLE + "=" + TestPki.DEMO_PASSWORD);
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * Queries the showcase patient's timeline with the network's own client before announcing it, so that a viewer's
     * first question does not wait for this JVM's cold start (TLS, XML signatures, CXF); counters are reset after.
     */
    private static void warmUp(EmbeddedDuoNetwork net) {
        try (nl.duoviewer.xca.DuoClient client = nl.duoviewer.xca.DuoClient.open(net.clientConfig())) {
            client.queryTimeline(nl.duoviewer.network.catalogue.CatalogueGenerator.SHOWCASE_PATIENT).completion()
                    .get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("duo-network: the warm-up question failed (" + e.getMessage() + "); serving anyway");
        }
        try {
            net.restoreHealthy();
        } catch (java.io.IOException e) {
            System.err.println("duo-network: " + e.getMessage());
        }
    }

    private static void usage(String problem) {
        System.err.println("duo-network: " + problem);
        System.err.println("usage: DuoNetworkMain [config-file] [--cache DIR] [--deterministic]");
        System.exit(2);
    }
}
