package nl.duoviewer.app.network;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.launch.PatientDemographics;
import nl.duoviewer.ehr.sandbox.EhrSandbox;
import nl.duoviewer.launch.smart.SmartSettings;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;

/**
 * The embedded DUO network, started inside the viewer when no gateway configuration is given: three communities and
 * Mitz on 127.0.0.1, serving real DICOM of synthetic anatomy that is rendered on first request and cached on disk
 * (the server's cache, in {@code ~/.cache/duoviewer/demo-network}; the viewer itself keeps nothing on disk).
 *
 * <p>This is the only class of the app that uses the duo-network and ehr-sandbox modules, and it only starts and
 * stops them: the viewer talks to the network over HTTP like to any other DUO network, and to the demo EHR like to
 * any other SMART on FHIR EHR.
 */
public final class EmbeddedDemoNetwork implements DuoNetwork {

    /** System property that moves the demo network's cache (tests use a temporary folder). */
    public static final String CACHE_PROPERTY = "duoviewer.demoCache";

    /** How to start the network; null for one that was already running. */
    private final EmbeddedDuoNetwork.Options options;
    private volatile EmbeddedDuoNetwork network;
    private boolean closed;

    private EmbeddedDemoNetwork(EmbeddedDuoNetwork.Options options, EmbeddedDuoNetwork running) {
        this.options = options;
        this.network = running;
    }

    /** The demo network with its real content, cached in {@code cacheDir} (its signing keys kept in it). */
    public static EmbeddedDemoNetwork inCache(Path cacheDir) throws IOException {
        EmbeddedDuoNetwork.Options demo = EmbeddedDuoNetwork.Options.demo(cacheDir);
        Files.deleteIfExists(demo.workDir()); // an empty temporary folder the defaults made; the keys go in the cache
        return new EmbeddedDemoNetwork(demo.withWorkDir(cacheDir.resolve("keys")), null);
    }

    /** The demo network in the user's cache, or where {@value #CACHE_PROPERTY} says. */
    public static EmbeddedDemoNetwork inDefaultCache() throws IOException {
        String override = System.getProperty(CACHE_PROPERTY);
        return inCache(override == null || override.isBlank() ? EmbeddedDuoNetwork.Options.defaultCacheDir()
                : Path.of(override));
    }

    /**
     * A network already running in this process (a test harness, or a demo that changes consent and injects
     * faults). The viewer uses it like its own but leaves it running when it closes.
     */
    public static EmbeddedDemoNetwork attachedTo(EmbeddedDuoNetwork running) {
        return new EmbeddedDemoNetwork(null, Objects.requireNonNull(running));
    }

    @Override
    public synchronized DuoClientConfig connect() throws IOException {
        if (closed) {
            throw new IOException("the embedded network was shut down");
        }
        if (network == null) {
            network = EmbeddedDuoNetwork.start(options);
        }
        return network.clientConfig();
    }

    @Override
    public String describe(Texts texts, DuoClientConfig config) {
        return texts.get("network.embedded", config.communities().size(), String.join(", ",
                config.communities().stream().map(CommunityEndpoint::displayName).toList()));
    }

    @Override
    public String connecting(Texts texts) {
        return texts.get("network.embeddedStarting");
    }

    /** The showcase patient of the demo catalogue, with the name and birth date an EHR would send along. */
    @Override
    public Optional<LaunchContext> defaultPatient() {
        EmbeddedDuoNetwork running = network;
        // generated apart (a tenth of a second) rather than waiting for the network, which takes seconds to start
        DemoCatalogue catalogue = running != null ? running.catalogue()
                : new CatalogueGenerator(options.seed()).generate();
        return catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).map(EmbeddedDemoNetwork::context);
    }

    private static LaunchContext context(DemoPatient p) {
        return new LaunchContext(p.bsn(), new PatientDemographics(p.displayName(), p.birthDate(),
                nl.duoviewer.core.patient.Sex.fromHl7(p.sex())),
                LaunchSource.DEMO, null);
    }

    /** A fresh launch token for the demo EHR of one run: 256 random bits, URL-safe. */
    public static String newLaunchToken() {
        byte[] bits = new byte[32];
        new java.security.SecureRandom().nextBytes(bits);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /**
     * The demo EHR of {@code --demo-ehr}, running on 127.0.0.1.
     *
     * @param home     its patient list, with a "Launch viewer" button per patient
     * @param settings the SMART settings that accept launches from it (and trust it for the user's identity)
     */
    public record DemoEhr(URI home, SmartSettings settings, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } catch (Exception e) {
                // its threads are daemons; nothing of the demo EHR is kept
            }
        }
    }

    /**
     * Starts the demo EHR (the SMART on FHIR sandbox) with the patients of the network the viewer runs on: this
     * embedded network's catalogue, or the default demo catalogue (which a standalone demo network serves too).
     * When the user clicks "Launch viewer" there, the EHR hands the launch link to {@code appLauncher}, as the desktop
     * would hand it to the viewer.
     *
     * @param launchToken the launch token the demo EHR is registered with (its launch URL carries it, as IT would
     *                    register the hospital's EHR, so its relaunches switch the patient without the question);
     *                    null for none
     */
    public static DemoEhr startEhrSandbox(DuoNetwork network, String launchToken, Consumer<URI> appLauncher)
            throws IOException {
        DemoCatalogue catalogue;
        if (network instanceof EmbeddedDemoNetwork embedded && embedded.network != null) {
            catalogue = embedded.network.catalogue();
        } else {
            long seed = network instanceof EmbeddedDemoNetwork embedded && embedded.options != null
                    ? embedded.options.seed() : CatalogueGenerator.DEFAULT_SEED;
            catalogue = new CatalogueGenerator(seed).generate();
        }
        EhrSandbox.Options options = EhrSandbox.Options.demo(catalogue).withAppLauncher(appLauncher);
        if (launchToken != null) {
            options = options.withAppLaunchUrl(EhrSandbox.DEFAULT_APP_LAUNCH_URL + "?token=" + launchToken);
        }
        EhrSandbox sandbox = EhrSandbox.start(options);
        SmartSettings settings = new SmartSettings(sandbox.clientId(), Set.of(sandbox.fhirBase()), true,
                SmartSettings.DEFAULT_TIMEOUT);
        return new DemoEhr(sandbox.base(), settings, sandbox);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (network != null && options != null) {
            network.close();
        }
        network = null;
    }
}
