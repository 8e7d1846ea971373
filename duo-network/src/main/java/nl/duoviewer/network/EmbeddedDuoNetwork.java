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
import nl.duoviewer.network.pki.ServerTls;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.network.wado.WadoRsServer;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.ConsentMode;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.config.OrganisationIdentity;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * The DUO network in one process, on 127.0.0.1 with ephemeral ports: three communities (Founda Health, Enovation,
 * Alphatron TLB), each an XCA-I responding gateway (ITI-38/39, ITI-18/43, RAD-69/75), WADO-RS for Founda and
 * Enovation, and a Mitz service with editable consent, every server over TLS with a required client certificate from
 * the network's own {@link TestPki}. It serves a generated demo catalogue and hands out the client configuration
 * (https endpoints, OIDs, the test PKI's keystore, trust store, CRL and Mitz certificate) that the viewer needs.
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
    public static final OrganisationIdentity DEMO_ORGANISATION = new OrganisationIdentity("90001234",
            "Demo Ziekenhuis (viewer)", "V4", "TREAT");
    /** The demo organisation with the labelled demo user: what the viewer sends when run on this network. */
    public static final RequesterIdentity DEMO_REQUESTER = new RequesterIdentity(DEMO_ORGANISATION,
            UserIdentity.demo());

    /**
     * Startup options.
     *
     * @param seed         catalogue seed
     * @param workDir      where the test keystores are written
     * @param content      image and report bytes (manifests are generated KOS documents)
     * @param wadoNetworks communities that offer WADO-RS
     * @param gatewayCertificate what the gateways and WADO-RS servers present (tests: the kinds a client refuses)
     * @param mitzCertificate    what Mitz presents
     */
    public record Options(long seed, Path workDir, Function<DemoCatalogue, StudyContent> content,
                          Set<Network> wadoNetworks, TestPki.ServerCertificate gatewayCertificate,
                          TestPki.ServerCertificate mitzCertificate) {

        /** Deterministic test bytes for images and reports: fast, for protocol tests. */
        public static Options defaults() throws IOException {
            return new Options(CatalogueGenerator.DEFAULT_SEED, Files.createTempDirectory("duo-network"),
                    c -> new DeterministicStudyContent(), Set.of(Network.FOUNDA, Network.ENOVATION),
                    TestPki.ServerCertificate.VALID, TestPki.ServerCertificate.VALID);
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
            return new Options(seed, workDir, catalogue -> c, wadoNetworks, gatewayCertificate, mitzCertificate);
        }

        public Options withSyntheticContent(Path cacheDir) {
            return new Options(seed, workDir, catalogue -> new SyntheticStudyContent(catalogue, cacheDir),
                    wadoNetworks, gatewayCertificate, mitzCertificate);
        }

        public Options withWorkDir(Path dir) {
            return new Options(seed, dir, content, wadoNetworks, gatewayCertificate, mitzCertificate);
        }

        /** Servers presenting other certificates than the valid ones: for the tests of what a client refuses. */
        public Options withServerCertificates(TestPki.ServerCertificate gateways, TestPki.ServerCertificate mitz) {
            return new Options(seed, workDir, content, wadoNetworks, gateways, mitz);
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
        this.pki = TestPki.create(options.workDir(), DEMO_ORGANISATION.ura());
        this.bus = BusFactory.newInstance().createBus();
        Clock clock = Clock.systemUTC();
        this.temporaryConsents = new TemporaryConsents(clock);
        ServerTls gatewayTls = new ServerTls(pki, options.gatewayCertificate());
        for (Network n : Network.values()) {
            AssertionVerifier verifier = new AssertionVerifier(Set.of(pki.trustedCertificate()),
                    n.homeCommunityId(), clock);
            RespondingGateway gateway = new RespondingGateway(n, catalogue, content, verifier, bus,
                    gatewayTls.jetty(), n.temporaryConsent() ? temporaryConsents : null);
            WadoRsServer wado = options.wadoNetworks().contains(n) ? new WadoRsServer(n, catalogue, content,
                    verifier, gateway.faults(), gateway.counters(), gatewayTls.httpServer()) : null;
            communities.put(n, new CommunityNode(gateway, wado));
        }
        this.mitz = new MitzService(catalogue, new AssertionVerifier(Set.of(pki.trustedCertificate()),
                MitzSettings.DEFAULT_AUDIENCE, clock), clock,
                new ServerTls(pki, options.mitzCertificate()).httpServer(), pki.mitzSigner());
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

    /**
     * Client configuration for the viewer as Initiating Gateway (ITI-38/39, RAD-75), with the configuration file's
     * default timeout of 30 s per community: a cold JVM's first mutual-TLS exchange can take seconds on a busy
     * machine.
     */
    public DuoClientConfig clientConfig() {
        return clientConfig(ActorPosition.INITIATING_GATEWAY, Duration.ofSeconds(30));
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
        // 30 s like a community's default: the first answer of a cold JVM (TLS, XML signatures) can take seconds
        MitzSettings m = new MitzSettings(mitz.openEndpoint(), mitz.closedEndpoint(), true,
                MitzSettings.DEFAULT_AUDIENCE, "GGC002", Duration.ofSeconds(30),
                MitzSettings.DEFAULT_DECISION_CACHE_TTL, MitzSettings.DEFAULT_LOCALISATION_TTL);
        return new DuoClientConfig(position, endpoints, m, DEMO_ORGANISATION, IdentitySettings.demoWithEhr(),
                pki.organisation(), pki.trustSettings(), null, DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES, 1, 32,
                32L << 20, 64L << 20, 1L << 30);
    }

    /**
     * Writes {@link #clientConfig()} as the properties file IT would write for a real gateway: every endpoint https,
     * the demo CA as trust store, the CRL, Mitz's signing certificate, and the keystore password read from
     * {@value TestPki#PASSWORD_VARIABLE} (the file holds no secret).
     */
    public Path writeClientConfig(Path file) throws IOException {
        DuoConfigFile.write(clientConfig().withKeystore(pki.organisationFromEnvironment()), file,
                "Embedded DUO network (demo): endpoints on 127.0.0.1 over TLS with client certificates, from a\n"
                + "test PKI generated at start-up (files beside this one). The viewer reads the demo keystore's\n"
                + "password from " + TestPki.PASSWORD_VARIABLE + " (./run sets it; its value is public: \""
                + TestPki.DEMO_PASSWORD + "\").\nThe user is the labelled DEMO user, allowed only because every endpoint "
                + "is on this computer.");
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
