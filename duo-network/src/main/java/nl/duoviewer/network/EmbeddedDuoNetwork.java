package nl.duoviewer.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;

import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.DeterministicStudyContent;
import nl.duoviewer.network.content.KosStudyContent;
import nl.duoviewer.network.content.StudyContent;
import nl.duoviewer.network.content.SyntheticStudyContent;
import nl.duoviewer.network.gateway.RespondingGateway;
import nl.duoviewer.network.gateway.TemporaryConsents;
import nl.duoviewer.network.mitz.MitzFault;
import nl.duoviewer.network.mitz.MitzService;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.network.wado.WadoRsServer;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.ConsentMode;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * The DUO network in one process, on 127.0.0.1 with ephemeral ports: three communities (Founda Health, Enovation,
 * Alphatron TLB), each an XCA-I responding gateway (ITI-38/39, ITI-18/43, RAD-69/75), WADO-RS for Founda and
 * Enovation, and a Mitz service with editable consent. It serves a generated demo catalogue and hands out the client
 * configuration (endpoints, OIDs, a generated test keystore) that the viewer needs.
 *
 * <pre>
 * try (EmbeddedDuoNetwork net = EmbeddedDuoNetwork.start()) {
 *     DuoClientConfig config = net.clientConfig();
 *     ...
 * }
 * </pre>
 */
public final class EmbeddedDuoNetwork implements AutoCloseable {

    /** The requester identity written into the client configuration. */
    public static final RequesterIdentity DEMO_REQUESTER = new RequesterIdentity("90001234", "900012345", "01.015",
            "TREAT", "Demo Ziekenhuis (viewer)", "V4");

    /**
     * Startup options.
     *
     * @param seed         catalogue seed
     * @param workDir      where the test keystores are written
     * @param content      image and report bytes (manifests are generated KOS documents)
     * @param wadoNetworks communities that offer WADO-RS
     */
    public record Options(long seed, Path workDir, Function<DemoCatalogue, StudyContent> content,
                          Set<Network> wadoNetworks) {

        /** Deterministic test bytes for images and reports: fast, for protocol tests. */
        public static Options defaults() throws IOException {
            return new Options(CatalogueGenerator.DEFAULT_SEED, Files.createTempDirectory("duo-network"),
                    c -> new DeterministicStudyContent(), Set.of(Network.FOUNDA, Network.ENOVATION));
        }

        /**
         * Real DICOM images of synthetic anatomy and PDF reports, generated on first request and cached in
         * {@code cacheDir}: what the app and the benchmarks run on.
         */
        public static Options demo(Path cacheDir) throws IOException {
            return defaults().withSyntheticContent(cacheDir);
        }

        /** The per-user cache of the demo network's generated studies ({@code $XDG_CACHE_HOME/duoviewer/...}). */
        public static Path defaultCacheDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"),
                    ".cache");
            return base.resolve("duoviewer").resolve("demo-network").resolve(SyntheticStudyContent.VERSION);
        }

        public Options withContent(StudyContent c) {
            return new Options(seed, workDir, catalogue -> c, wadoNetworks);
        }

        public Options withSyntheticContent(Path cacheDir) {
            return new Options(seed, workDir, catalogue -> new SyntheticStudyContent(catalogue, cacheDir),
                    wadoNetworks);
        }

        public Options withWorkDir(Path dir) {
            return new Options(seed, dir, content, wadoNetworks);
        }
    }

    private final DemoCatalogue catalogue;
    private final TestPki pki;
    private final Bus bus;
    private final Map<Network, CommunityNode> communities = new EnumMap<>(Network.class);
    private final MitzService mitz;
    private final TemporaryConsents temporaryConsents;
    private final StudyContent content;
    private final StudyContent configuredContent;

    private EmbeddedDuoNetwork(Options options) throws IOException {
        this.catalogue = new CatalogueGenerator(options.seed()).generate();
        // manifests are always real KOS documents; images and reports come from the configured content
        StudyContent configured = options.content().apply(catalogue);
        this.configuredContent = configured;
        this.content = configured instanceof KosStudyContent k ? k
                : new KosStudyContent(configured, catalogue, n -> {
                    CommunityNode node = communities.get(n);
                    return node == null ? null : node.wadoBase();
                });
        this.pki = TestPki.create(options.workDir(), DEMO_REQUESTER.ura());
        this.bus = BusFactory.newInstance().createBus();
        Clock clock = Clock.systemUTC();
        this.temporaryConsents = new TemporaryConsents(clock);
        for (Network n : Network.values()) {
            AssertionVerifier verifier = new AssertionVerifier(Set.of(pki.trustedCertificate()),
                    n.homeCommunityId(), clock);
            RespondingGateway gateway = new RespondingGateway(n, catalogue, content, verifier, bus,
                    n.temporaryConsent() ? temporaryConsents : null);
            WadoRsServer wado = options.wadoNetworks().contains(n) ? new WadoRsServer(n, catalogue, content,
                    verifier, gateway.faults(), gateway.counters()) : null;
            communities.put(n, new CommunityNode(gateway, wado));
        }
        this.mitz = new MitzService(catalogue, new AssertionVerifier(Set.of(pki.trustedCertificate()),
                MitzSettings.DEFAULT_AUDIENCE, clock), clock);
    }

    /** Starts with the default demo catalogue and deterministic content. */
    public static EmbeddedDuoNetwork start() throws IOException {
        return start(Options.defaults());
    }

    /**
     * Starts the network. Ports are chosen free and then bound, so another process can take one in between; a start
     * that loses that race is tried again on new ports (three attempts in all).
     */
    public static EmbeddedDuoNetwork start(Options options) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(options);
            } catch (IOException | RuntimeException e) {
                if (attempt == START_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private static final int START_ATTEMPTS = 3;

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedDuoNetwork startOnce(Options options) throws IOException {
        EmbeddedDuoNetwork net = new EmbeddedDuoNetwork(options);
        try {
            for (CommunityNode c : net.communities.values()) {
                c.start();
            }
            net.mitz.start();
            return net;
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    public DemoCatalogue catalogue() {
        return catalogue;
    }

    public StudyContent content() {
        return content;
    }

    public CommunityNode community(Network network) {
        return communities.get(network);
    }

    public List<CommunityNode> communities() {
        return List.copyOf(communities.values());
    }

    public MitzService mitz() {
        return mitz;
    }

    public TestPki pki() {
        return pki;
    }

    /** The TLB pilot's temporary consents, held by the Alphatron TLB community. */
    public TemporaryConsents temporaryConsents() {
        return temporaryConsents;
    }

    /**
     * Undoes every fault set through the controls: all communities and Mitz up and answering normally, everyone
     * consenting, request counters at zero. Lets one running network serve many scenarios in turn.
     */
    public void restoreHealthy() throws IOException {
        for (CommunityNode c : communities.values()) {
            c.faults().reset();
            if (c.isDown()) {
                c.setDown(false);
            }
            c.counters().reset();
        }
        mitz.faults().reset();
        mitz.setFault(MitzFault.NONE);
        mitz.consent().reset();
        mitz.counters().reset();
        mitz.releaseHolds();
        temporaryConsents.reset();
        mitz.setDown(false);
    }

    /** Client configuration for the viewer as Initiating Gateway (ITI-38/39, RAD-75). */
    public DuoClientConfig clientConfig() {
        return clientConfig(ActorPosition.INITIATING_GATEWAY, Duration.ofSeconds(10));
    }

    /**
     * Client configuration for an actor position; behind a local gateway the same gateways answer the ITI-18,
     * ITI-43 and RAD-69 endpoints.
     */
    public DuoClientConfig clientConfig(ActorPosition position, Duration timeout) {
        List<CommunityEndpoint> endpoints = new ArrayList<>();
        for (CommunityNode c : communities.values()) {
            Network n = c.network();
            boolean ig = position == ActorPosition.INITIATING_GATEWAY;
            endpoints.add(new CommunityEndpoint(n.key(), n.displayName(), n.homeCommunityId(),
                    c.endpoint(ig ? SoapTransaction.ITI_38 : SoapTransaction.ITI_18),
                    c.endpoint(ig ? SoapTransaction.ITI_39 : SoapTransaction.ITI_43),
                    c.endpoint(ig ? SoapTransaction.RAD_75 : SoapTransaction.RAD_69),
                    c.wadoBase(), timeout, n.temporaryConsent() ? ConsentMode.TEMPORARY_CONSENT : ConsentMode.MITZ));
        }
        MitzSettings m = new MitzSettings(mitz.openEndpoint(), mitz.closedEndpoint(), true,
                MitzSettings.DEFAULT_AUDIENCE, "GGC002", Duration.ofSeconds(10),
                MitzSettings.DEFAULT_DECISION_CACHE_TTL, MitzSettings.DEFAULT_LOCALISATION_TTL);
        return new DuoClientConfig(position, endpoints, m, DEMO_REQUESTER, pki.organisation(), null,
                DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES, 1, 32, 32L << 20, 64L << 20, 1L << 30);
    }

    /** Writes {@link #clientConfig()} as the properties file IT would write for a real gateway. */
    public Path writeClientConfig(Path file) throws IOException {
        DuoConfigFile.write(clientConfig(), file, "Embedded DUO network (demo): endpoints on 127.0.0.1, "
                + "test keystore generated at start-up.");
        return file;
    }

    @Override
    public void close() {
        for (CommunityNode c : communities.values()) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        mitz.stop();
        bus.shutdown(true);
        if (configuredContent instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // generation threads are daemons; nothing is lost when they cannot be stopped cleanly
            }
        }
    }
}
