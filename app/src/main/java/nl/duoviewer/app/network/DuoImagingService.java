package nl.duoviewer.app.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.TimelineSession;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.identity.IdentityException;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.UziPas;
import nl.duoviewer.xca.security.ClientSecurity;
import nl.duoviewer.xca.security.CredentialsException;
import nl.duoviewer.xca.security.SecretPrompt;
import nl.duoviewer.xca.security.SecretResolver;
import nl.duoviewer.xca.local.LocalPacsClient;

/**
 * The {@link ImagingService} on a DUO network: timelines from {@link DuoClient#queryTimeline} (Mitz localisation,
 * then every localised community in parallel), studies from {@link DuoClient#retrieveStudy} streamed object by
 * object into the {@link FramePipeline}, reports from {@link DuoClient#retrieveReport} read into memory by
 * {@link ReportRetrieval}. The network is connected (or, embedded, started) in the background from construction on;
 * a timeline asked for meanwhile waits for it.
 *
 * <p>Every request is sent for the person at the keyboard: the client is opened for one signed-in user (the UZI-pas,
 * with the PIN asked in a dialog; the user the EHR launch names, where the deployment trusts it; or the labelled demo
 * user of a network on this computer), and without one no query or retrieval starts; the timeline then shows why, as
 * a source row the user can retry. The organisation key is unlocked once per connection, asking its password when the
 * configuration says so.
 *
 * <p>Consent is the client's: every retrieval passes its consent gate, which fails closed, and a refusal reaches the
 * viewer as the neutral message only. Retrieved images and reports are held in memory only. Every Mitz question, query and
 * retrieval the client makes goes to the workstation's audit trail.
 *
 * <p>When the hospital's own PACS is configured ({@code duo.local.*}), its studies join the same timeline as one more
 * source ({@link LocalStudies}), asked in parallel with Mitz and the communities and independent of them; a study it
 * holds is opened from it, never through the DUO client and Mitz.
 */
public final class DuoImagingService implements ImagingService {

    /** Source id of the status shown when the network itself cannot be reached or started. */
    public static final String NETWORK_SOURCE = "duoviewer:network";
    /** Source id the client uses for Mitz. */
    public static final String MITZ_SOURCE = "mitz";
    /** Source id of the status shown when nobody is signed in. */
    public static final String IDENTITY_SOURCE = "duoviewer:identity";

    /** How long a query waits for the network to come up (the embedded one takes seconds on first start). */
    private static final long CONNECT_WAIT_SECONDS = 120;

    private static final System.Logger LOG = System.getLogger(DuoImagingService.class.getName());

    private final DuoNetwork network;
    private final Texts texts;
    private final FramePipeline decoding;
    private final WorkstationAudit audit;
    private final SecretPrompt prompt;
    /** The network once it is up and the organisation key unlocked; replaced when a failed start is retried. */
    private volatile CompletableFuture<Connection> connection;
    /** The signed-in user's client; null until someone signs in. */
    private volatile Session session;
    /** The user the last EHR launch named, for deployments that trust it. */
    private volatile UserIdentity launchUser;
    private final Object signInLock = new Object();
    /** The hospital's own PACS; null when none is configured. */
    private final LocalStudies local;
    private volatile boolean closed;
    private final ExecutorService queries = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("duoviewer-timeline-", 1).factory());
    private final Map<Timeline, PatientQuery> byTimeline = new IdentityHashMap<>();
    private final Set<StudyImageLoad> loads = ConcurrentHashMap.newKeySet();
    private final Set<ReportRetrieval> reports = ConcurrentHashMap.newKeySet();
    private Bsn activePatient;

    /** One patient's timeline and the client session filling it. */
    private static final class PatientQuery {
        final Timeline timeline;
        TimelineSession session;
        boolean cancelled;

        PatientQuery(Timeline timeline) {
            this.timeline = timeline;
        }
    }

    /** The configuration and the unlocked organisation key of a reached network. */
    private record Connection(DuoClientConfig config, ClientSecurity security) {
    }

    /** One signed-in user: their client, and their card session when they signed in with the UZI-pas. */
    private record Session(DuoClient client, UziPas.Session card) {
        void close() {
            client.close();
            if (card != null) {
                card.close();
            }
        }
    }

    /**
     * Starts connecting to the network at once, on a background thread; nobody to ask for a PIN. The client audits
     * into {@code audit}.
     */
    public DuoImagingService(DuoNetwork network, Texts texts, FramePipeline decoding, WorkstationAudit audit) {
        this(network, texts, decoding, audit, SecretPrompt.NONE, null);
    }

    /** As above, with the hospital's own PACS ({@code localPacs} may be null: none configured); closes it on close. */
    public DuoImagingService(DuoNetwork network, Texts texts, FramePipeline decoding, WorkstationAudit audit,
                             LocalPacsClient localPacs) {
        this(network, texts, decoding, audit, SecretPrompt.NONE, localPacs);
    }

    /**
     * Starts connecting to the network at once, on a background thread.
     *
     * @param audit  the workstation's audit trail, which the client and the screens write into
     * @param prompt    asks the user for the UZI-pas PIN or a key's password (the app's dialog)
     * @param localPacs the hospital's own PACS; null when none is configured (closed with this service)
     */
    public DuoImagingService(DuoNetwork network, Texts texts, FramePipeline decoding, WorkstationAudit audit,
                             SecretPrompt prompt, LocalPacsClient localPacs) {
        this.network = Objects.requireNonNull(network);
        this.texts = Objects.requireNonNull(texts);
        this.decoding = Objects.requireNonNull(decoding);
        this.audit = Objects.requireNonNull(audit);
        this.prompt = Objects.requireNonNull(prompt);
        this.local = localPacs == null ? null : new LocalStudies(localPacs, texts);
        this.connection = connectInBackground();
    }

    private CompletableFuture<Connection> connectInBackground() {
        CompletableFuture<Connection> future = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("duoviewer-connect").start(() -> connect(future));
        return future;
    }

    private void connect(CompletableFuture<Connection> future) {
        long started = System.nanoTime();
        try {
            DuoClientConfig config = network.connect();
            ClientSecurity security;
            try {
                security = ClientSecurity.open(config, SecretResolver.system(prompt));
            } catch (CredentialsException e) {
                LOG.log(System.Logger.Level.WARNING, "The organisation key stays locked: {0}", e.getMessage());
                throw new NetworkUnreachable(texts.get("network.startFailed",
                        texts.get("credentials.failed." + e.reason().name())));
            }
            Connection c = new Connection(config, security);
            if (!future.complete(c) || closed) {
                security.close(); // closed while connecting
                return;
            }
            LOG.log(System.Logger.Level.INFO, "Network ready after {0,number,#} ms: {1}",
                    (System.nanoTime() - started) / 1_000_000, network.describe(texts, config));
            if (!config.identity().allows(IdentitySource.EHR_LAUNCH) || launchUser != null) {
                try {
                    awaitClient(); // sign in now (the PIN dialog at start-up, not at the first query)
                } catch (NetworkUnreachable | NoIdentity e) {
                    // shown when a timeline asks; the user can retry from there
                }
            }
        } catch (Exception | Error e) {
            future.completeExceptionally(e);
            LOG.log(System.Logger.Level.WARNING, "The network could not be reached: {0}", String.valueOf(
                    e.getMessage()));
        }
    }

    /** The signed-in user's client, signing in first when nobody is (which may ask for the PIN). */
    private DuoClient awaitClient() throws NetworkUnreachable, NoIdentity {
        Session s = session;
        if (s != null) {
            return s.client();
        }
        Connection c = awaitConnection();
        synchronized (signInLock) {
            if (session == null) {
                if (closed) {
                    throw new NetworkUnreachable(texts.get("network.startFailed", "the viewer is closing"));
                }
                session = signIn(c);
            }
            return session.client();
        }
    }

    /**
     * Signs in with the first identity source of the configuration that yields a user.
     *
     * @throws NoIdentity with the reason of the last source tried, in the user's language
     */
    private Session signIn(Connection c) throws NoIdentity {
        DuoClientConfig config = c.config();
        IdentityException.Reason last = IdentityException.Reason.NO_SOURCE;
        for (IdentitySource source : config.identity().sources()) {
            switch (source) {
                case DEMO -> {
                    return open(c, UserIdentity.demo(), null);
                }
                case EHR_LAUNCH -> {
                    UserIdentity u = launchUser;
                    if (u != null) {
                        return open(c, u, null);
                    }
                    last = IdentityException.Reason.NO_EHR_USER;
                }
                case UZI_PAS -> {
                    try {
                        UziPas.Session card = UziPas.signIn(config.identity(), config.trust(), prompt,
                                Clock.systemUTC());
                        try {
                            return open(c, card.user(), card);
                        } catch (RuntimeException e) {
                            card.close();
                            throw e;
                        }
                    } catch (IdentityException e) {
                        LOG.log(System.Logger.Level.WARNING, "No UZI-pas sign-in: {0}", e.getMessage());
                        last = e.reason();
                    } catch (ConfigException e) {
                        LOG.log(System.Logger.Level.WARNING, "No UZI-pas sign-in: {0}", e.getMessage());
                        throw new NoIdentity(texts.get("identity.failed.config", e.getMessage()));
                    }
                }
            }
        }
        throw new NoIdentity(texts.get("identity.failed." + last.name()));
    }

    private Session open(Connection c, UserIdentity user, UziPas.Session card) {
        LOG.log(System.Logger.Level.INFO, "Signed in: UZI {0}, role {1}, by {2}", user.uziNumber(), user.roleCode(),
                user.source());
        audit.requesterIs(new RequesterIdentity(c.config().organisation(), user)); // the screens' events name the user
        return new Session(DuoClient.open(c.config(), c.security(), user, audit, Clock.systemUTC()), card);
    }

    /**
     * The user an EHR launch names. Where the deployment trusts the EHR (identity source {@code EHR_LAUNCH}), the
     * following requests are sent for this user; elsewhere it is ignored.
     */
    @Override
    public void signIn(UserIdentity user) {
        Objects.requireNonNull(user);
        if (user.source() != IdentitySource.EHR_LAUNCH) {
            throw new IllegalArgumentException("only an EHR launch hands a user in");
        }
        launchUser = user;
        CompletableFuture<Connection> f = connection;
        if (!f.isDone() || f.isCompletedExceptionally() || f.isCancelled()) {
            return; // used when the connection signs in
        }
        DuoClientConfig config = f.join().config();
        if (!config.identity().allows(IdentitySource.EHR_LAUNCH)) {
            LOG.log(System.Logger.Level.WARNING, "The EHR named a user, but this deployment does not take the user "
                    + "from the EHR (duo.identity.sources); ignored");
            return;
        }
        Session old;
        synchronized (signInLock) {
            old = session;
            if (old == null || old.client().user().equals(user)) {
                return;
            }
            List<IdentitySource> order = config.identity().sources();
            IdentitySource current = old.client().user().source();
            if (current != IdentitySource.EHR_LAUNCH
                    && order.indexOf(current) < order.indexOf(IdentitySource.EHR_LAUNCH)) {
                return; // the deployment prefers the user's own card
            }
            session = null; // the next request signs in with the launch's user
        }
        old.close();
    }

    /** The network's configuration and key, waiting for them if need be. */
    private Connection awaitConnection() throws NetworkUnreachable {
        try {
            return connection.get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NetworkUnreachable n) {
                throw new NetworkUnreachable(n.getMessage());
            }
            throw new NetworkUnreachable(texts.get("network.startFailed",
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (TimeoutException e) {
            throw new NetworkUnreachable(texts.get("network.startFailed",
                    texts.get("network.startTimedOut", CONNECT_WAIT_SECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkUnreachable(texts.get("network.startFailed", "interrupted"));
        } catch (CancellationException e) {
            throw new NetworkUnreachable(texts.get("network.startFailed", "the viewer is closing"));
        }
    }

    /** The signed-in user's client; null while nobody is signed in or the network is not up. */
    private DuoClient clientIfReady() {
        Session s = session;
        return s == null ? null : s.client();
    }

    /** The network could not be reached; the message is fit to show. */
    private static final class NetworkUnreachable extends Exception {
        private static final long serialVersionUID = 1L;

        NetworkUnreachable(String message) {
            super(message, null, false, false);
        }
    }

    /** Nobody is signed in, so nothing may be asked; the message is fit to show. */
    private static final class NoIdentity extends Exception {
        private static final long serialVersionUID = 1L;
        NoIdentity(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Timeline startTimeline(Bsn patient) {
        Timeline timeline = new Timeline(patient);
        PatientQuery query = new PatientQuery(timeline);
        synchronized (this) {
            activePatient = patient;
            byTimeline.put(timeline, query);
        }
        if (local != null) {
            // the PACS may answer before the network is even reached: the network's own row keeps the timeline
            // searching until Mitz has said which communities to ask
            timeline.updateSource(new SourceStatus(NETWORK_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.QUERYING, ""));
            local.querying(timeline);
            queries.execute(() -> runLocal(query));
        }
        queries.execute(() -> run(query));
        return timeline;
    }

    /** Asks the hospital's PACS, apart from Mitz and the communities: neither waits for the other. */
    private void runLocal(PatientQuery query) {
        local.fill(query.timeline, () -> {
            synchronized (this) {
                return !query.cancelled;
            }
        });
    }

    /** Localises the patient and queries the communities, filling the timeline the viewer already shows. */
    private void run(PatientQuery query) {
        Timeline timeline = query.timeline;
        DuoClient c;
        try {
            c = awaitClient();
        } catch (NetworkUnreachable e) {
            timeline.updateSource(new SourceStatus(NETWORK_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.FAILED, e.getMessage()));
            return;
        } catch (NoIdentity e) {
            // no identity, no query: nothing is sent, and the row says why (retry signs in again)
            timeline.updateSource(new SourceStatus(IDENTITY_SOURCE, texts.get("sources.identity"),
                    SourceStatus.State.FAILED, e.getMessage()));
            return;
        }
        synchronized (this) {
            if (query.cancelled) {
                return;
            }
        }
        boolean networkRow = shows(timeline, NETWORK_SOURCE);
        if (networkRow && local == null) {
            // a retry got through: the row that said the network was unreachable must not go on saying so
            timeline.updateSource(new SourceStatus(NETWORK_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.COMPLETE, texts.get("sources.connected")));
        }
        if (shows(timeline, IDENTITY_SOURCE)) {
            timeline.updateSource(new SourceStatus(IDENTITY_SOURCE, texts.get("sources.identity"),
                    SourceStatus.State.COMPLETE, userLine(c.user())));
        }
        long asked = System.nanoTime();
        TimelineSession session = c.queryTimeline(timeline);
        if (networkRow && local != null) {
            // only now are the communities' rows (or Mitz's refusal) on the timeline
            timeline.updateSource(new SourceStatus(NETWORK_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.COMPLETE, texts.get("sources.connected")));
        }
        synchronized (this) {
            if (query.cancelled) {
                session.cancel();
                return;
            }
            query.session = session;
        }
        session.completion().thenAccept(done -> LOG.log(System.Logger.Level.INFO,
                "Timeline settled {0,number,#} ms after it was asked for (Mitz, then the communities): {1} studies; "
                        + "{2}", (System.nanoTime() - asked) / 1_000_000,
                done.entries().size(), done.sources().stream().map(st -> st.displayName() + " " + st.state())
                        .toList()));
        if (session.localisation() != null) {
            boolean noneLocalised = timeline.snapshot().sources().stream()
                    .allMatch(st -> st.sourceId().equals(NETWORK_SOURCE) || st.sourceId().equals(MITZ_SOURCE)
                            || LocalStudies.isLocalSource(st.sourceId()));
            if (noneLocalised || shows(timeline, MITZ_SOURCE)) {
                // Mitz knows of no institution that may share data (say so, or the timeline would search forever),
                // or it answered a retry after failing before
                timeline.updateSource(new SourceStatus(MITZ_SOURCE, "Mitz", SourceStatus.State.COMPLETE,
                        noneLocalised ? ConsentDeniedException.NEUTRAL_MESSAGE : ""));
            }
        }
    }

    private static boolean shows(Timeline timeline, String sourceId) {
        return timeline.snapshot().sources().stream().anyMatch(st -> st.sourceId().equals(sourceId));
    }

    @Override
    public void retrySource(Timeline timeline, String sourceId) {
        PatientQuery query;
        TimelineSession session;
        synchronized (this) {
            query = byTimeline.get(timeline);
            if (query == null || query.cancelled) {
                return;
            }
            session = query.session;
        }
        if (local != null && LocalStudies.isLocalSource(sourceId)) {
            local.querying(timeline);
            queries.execute(() -> runLocal(query));
            return;
        }
        DuoClient c = clientIfReady();
        CommunityEndpoint community = c == null ? null
                : c.config().communityByHomeId(sourceId).orElse(null);
        if (session != null && session.localisation() != null && community != null) {
            try {
                session.retry(community.id());
                return;
            } catch (IllegalStateException e) {
                // the session was cancelled meanwhile: ask everything again below
            }
        }
        // Mitz, the sign-in or the network itself failed (or the session is gone): start over, into the same timeline
        CompletableFuture<Connection> f = connection;
        if (f.isCompletedExceptionally() && !closed) {
            connection = connectInBackground(); // the user may have fixed what kept the network from starting
        }
        synchronized (this) {
            if (query.session != null) {
                query.session.cancel();
                query.session = null;
            }
        }
        queries.execute(() -> run(query));
    }

    @Override
    public StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener) {
        if (local != null && local.holds(study)) {
            // the institution's own study: from its own PACS, without DUO and without a Mitz question
            StudyImageLoad load = local.open(study, listener, decoding);
            loads.add(load);
            load.whenOver(() -> loads.remove(load));
            return load;
        }
        StudyImageLoad load = new StudyImageLoad(study, listener, decoding);
        DuoClient c;
        try {
            c = awaitClient();
        } catch (NetworkUnreachable | NoIdentity e) {
            // why is on the network's or the identity's status row and in the log
            listener.failed(new LoadFailure.NetworkUnavailable());
            load.cancel();
            return load;
        }
        loads.add(load);
        StudyRetrieval retrieval = c.retrieveStudy(study.patient(), study, load::manifestArrived, load);
        load.follow(retrieval);
        retrieval.result().whenComplete((r, e) -> loads.remove(load));
        return load;
    }

    @Override
    public ReportLoad openReport(ReportRecord report, ReportLoadListener listener) {
        ReportRetrieval load = new ReportRetrieval(report, listener);
        reports.add(load);
        load.follow(queries.submit(() -> {
            try {
                load.run(awaitClient());
            } catch (NetworkUnreachable | NoIdentity e) {
                load.unreachable(e.getMessage());
            } finally {
                reports.remove(load);
            }
        }));
        return load;
    }

    @Override
    public void releasePatient(Bsn patient) {
        List<PatientQuery> stopped = new ArrayList<>();
        boolean clearClient;
        synchronized (this) {
            byTimeline.values().removeIf(q -> {
                if (q.timeline.patient().equals(patient)) {
                    q.cancelled = true;
                    stopped.add(q);
                    return true;
                }
                return false;
            });
            clearClient = patient.equals(activePatient);
            if (clearClient) {
                activePatient = null;
            }
        }
        for (PatientQuery q : stopped) {
            if (q.session != null) {
                q.session.cancel();
            }
        }
        for (StudyImageLoad load : loads) {
            if (load.patient().equals(patient)) {
                load.cancel();
                loads.remove(load);
            }
        }
        for (ReportRetrieval load : reports) {
            if (load.patient().equals(patient)) {
                load.cancel();
                reports.remove(load);
            }
        }
        if (local != null) {
            local.releasePatient(patient);
        }
        DuoClient c = clientIfReady();
        if (clearClient && c != null) {
            c.clearPatient(); // forget the localisation and every cached consent decision
        }
        decoding.releaseScratch(); // the last frames' bytes and pixels, kept in the decoders' buffers
    }

    /** The network, and who is signed in ("DEMO" clearly for the demo user). */
    @Override
    public String networkDescription() {
        Connection c;
        try {
            c = awaitConnection();
        } catch (NetworkUnreachable e) {
            return e.getMessage();
        }
        String line = network.describe(texts, c.config());
        try {
            return texts.get("network.withUser", line, userLine(awaitClient().user()));
        } catch (NetworkUnreachable | NoIdentity e) {
            return texts.get("network.withUser", line, e.getMessage());
        }
    }

    private String userLine(UserIdentity user) {
        return switch (user.source()) {
            case DEMO -> texts.get("identity.demoUser");
            case UZI_PAS -> texts.get("identity.uziPasUser", user.displayName(), user.uziNumber());
            case EHR_LAUNCH -> texts.get("identity.ehrUser", user.displayName(), user.uziNumber());
        };
    }

    /** The status line text while the network is being reached. */
    public String connectingDescription() {
        return network.connecting(texts);
    }

    /** The network this service talks to. */
    public DuoNetwork network() {
        return network;
    }

    @Override
    public void close() {
        synchronized (this) {
            byTimeline.values().forEach(q -> {
                q.cancelled = true;
                if (q.session != null) {
                    q.session.cancel();
                }
            });
            byTimeline.clear();
        }
        loads.forEach(StudyImageLoad::cancel);
        loads.clear();
        reports.forEach(ReportRetrieval::cancel);
        reports.clear();
        queries.shutdownNow();
        if (local != null) {
            local.close();
        }
        closed = true;
        synchronized (signInLock) {
            if (session != null) {
                session.close();
                session = null;
            }
        }
        CompletableFuture<Connection> f = connection;
        f.thenAccept(c -> c.security().close());
        if (!f.isDone()) {
            f.cancel(false);
        }
        network.close();
    }
}
