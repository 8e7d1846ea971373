package nl.duoviewer.ehr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import ca.uhn.fhir.context.FhirContext;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.catalogue.DemoCatalogue;

/**
 * A SMART on FHIR EHR on 127.0.0.1, for the demo and the tests: HAPI FHIR's {@code RestfulServer} with the demo
 * catalogue's patients and a few practitioners, {@code .well-known/smart-configuration}, and a small authorization
 * server (EHR and standalone launch, authorization code with PKCE S256, loopback redirects, ID tokens signed with a
 * published key). All on Jetty, the same Jetty as the embedded DUO network's SOAP endpoints.
 *
 * <pre>
 * try (EhrSandbox ehr = EhrSandbox.start(EhrSandbox.Options.demo(catalogue))) {
 *     URI launch = ehr.launchEhr(bsn, Clinician.RADIOLOGIST);   // duoviewer://smart-launch?iss=...&amp;launch=...
 * }
 * </pre>
 */
public final class EhrSandbox implements AutoCloseable {

    /** What the viewer registers as its launch URL at the EHR (the desktop hands the link to the viewer). */
    public static final String DEFAULT_APP_LAUNCH_URL = "duoviewer://smart-launch";
    /** The viewer's client_id at the sandbox. */
    public static final String DEFAULT_CLIENT_ID = "duoviewer";

    /**
     * Start-up options.
     *
     * @param catalogue           the demo patients (same BSNs and names as the embedded network)
     * @param clientId            the one registered (public) client
     * @param accessTokenLifetime how long access tokens are honoured (tests use milliseconds)
     * @param idTokenLifetime     {@code exp} of the ID token
     * @param codeLifetime        how long an authorization code can be exchanged
     * @param launchLifetime      how long an EHR launch waits for the app
     * @param appLaunchUrl        the app's registered launch URL
     * @param appLauncher         how the EHR hands a launch link to the app (the desktop's role); null to only show it
     */
    public record Options(DemoCatalogue catalogue, String clientId, Duration accessTokenLifetime,
                          Duration idTokenLifetime, Duration codeLifetime, Duration launchLifetime,
                          String appLaunchUrl, Consumer<URI> appLauncher) {

        public Options {
            Objects.requireNonNull(catalogue, "catalogue");
            Objects.requireNonNull(clientId, "clientId");
        }

        /** The demo: five-minute tokens, launches handed to nobody (the page shows the link). */
        public static Options demo(DemoCatalogue catalogue) {
            return new Options(catalogue, DEFAULT_CLIENT_ID, Duration.ofMinutes(5), Duration.ofMinutes(5),
                    Duration.ofSeconds(60), Duration.ofMinutes(5), DEFAULT_APP_LAUNCH_URL, null);
        }

        public Options withAccessTokenLifetime(Duration lifetime) {
            return new Options(catalogue, clientId, lifetime, idTokenLifetime, codeLifetime, launchLifetime,
                    appLaunchUrl, appLauncher);
        }

        /**
         * The app's launch URL as registered at this EHR; it may carry a query of its own (the launch token IT gave
         * the EHR, {@code duoviewer://smart-launch?token=...}), to which the launch parameters are appended.
         */
        public Options withAppLaunchUrl(String url) {
            return new Options(catalogue, clientId, accessTokenLifetime, idTokenLifetime, codeLifetime,
                    launchLifetime, Objects.requireNonNull(url), appLauncher);
        }

        public Options withAppLauncher(Consumer<URI> launcher) {
            return new Options(catalogue, clientId, accessTokenLifetime, idTokenLifetime, codeLifetime,
                    launchLifetime, appLaunchUrl, launcher);
        }
    }

    private final Options options;
    private final Server server;
    private final ServerConnector connector;
    private final SandboxDirectory directory;
    private final SandboxCounters counters = new SandboxCounters();
    private AuthorizationServer auth;

    private EhrSandbox(Options options) {
        this.options = options;
        this.directory = new SandboxDirectory(options.catalogue(),
                List.of(Clinician.RADIOLOGIST, Clinician.PHYSICIAN, Clinician.WITHOUT_ROLE));
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("ehr-sandbox");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
    }

    /** Starts the sandbox on a free loopback port. */
    public static EhrSandbox start(Options options) throws IOException {
        EhrSandbox sandbox = new EhrSandbox(options);
        try {
            sandbox.startServer();
            return sandbox;
        } catch (Exception e) {
            sandbox.close();
            throw e instanceof IOException io ? io : new IOException("the EHR sandbox did not start: " + e, e);
        }
    }

    private void startServer() throws Exception {
        connector.open(); // binds, so the port is known before the servlets that put it in their documents exist
        auth = new AuthorizationServer(fhirBase(), options, directory, Clock.systemUTC());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        SandboxServlet pages = new SandboxServlet(this, auth, directory, counters);
        context.addServlet(new ServletHolder("fhir", new SandboxFhirServer(FhirContext.forR4Cached(), directory,
                auth, counters)), "/fhir/*");
        context.addServlet(new ServletHolder("smart-configuration", pages), "/fhir/.well-known/smart-configuration");
        context.addServlet(new ServletHolder("pages", pages), "/");
        server.setHandler(context);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/}: the EHR's patient list. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    /** The FHIR base URL, which is the {@code iss} of every launch. */
    public URI fhirBase() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
    }

    public String clientId() {
        return options.clientId();
    }

    public SandboxCounters counters() {
        return counters;
    }

    /** The next ID tokens are issued with this fault (NONE to go back to correct tokens). */
    public void setIdTokenFault(IdTokenFault fault) {
        auth.setIdTokenFault(fault);
    }

    /** The Patient id of a demo patient. */
    public String patientId(Bsn bsn) {
        return directory.patientId(bsn).orElseThrow(() -> new IllegalArgumentException("not a demo patient"));
    }

    /** An EHR launch of a demo patient by a user: the app launch link, as the EHR would open it. */
    public URI launchEhr(Bsn patient, Clinician user) {
        return launchEhr(patientId(patient), user.id());
    }

    /** An EHR launch of one of the edge-case patients. */
    public URI launchEhr(EdgeCasePatient patient, Clinician user) {
        return launchEhr(patient.id(), user.id());
    }

    URI launchEhr(String patientId, String practitionerId) {
        if (patientId == null || practitionerId == null) {
            throw new IllegalArgumentException("choose a patient and a user");
        }
        return appLaunchUri(auth.launch(patientId, practitionerId).id());
    }

    /** The app's launch link for a launch id; with null, the standalone launch link ({@code iss} only). */
    public URI appLaunchUri(String launchId) {
        String url = options.appLaunchUrl();
        return URI.create(url + (url.contains("?") ? "&" : "?") + "iss="
                + AuthorizationServer.encode(fhirBase().toString())
                + (launchId == null ? "" : "&launch=" + AuthorizationServer.encode(launchId)));
    }

    /** Hands a launch link to the app, as the EHR's desktop integration would; false when none is configured. */
    boolean handToApp(URI link) {
        Consumer<URI> launcher = options.appLauncher();
        if (launcher == null) {
            return false;
        }
        launcher.accept(link);
        return true;
    }

    /** The access tokens issued so far (to prove none of them reaches a log or a file). */
    public Set<String> issuedAccessTokens() {
        return auth.issuedAccessTokens();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // daemon threads; nothing is kept
        }
    }
}
