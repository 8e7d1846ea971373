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
import nl.duoviewer.app.decoding.DecodePool;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.TimelineSession;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.security.TransportSecurity;

/**
 * The {@link ImagingService} on a DUO network: timelines from {@link DuoClient#queryTimeline} (Mitz localisation,
 * then every localised community in parallel), studies from {@link DuoClient#retrieveStudy} streamed object by
 * object into the {@link DecodePool}. The network is connected (or, embedded, started) in the background from
 * construction on; a timeline asked for meanwhile waits for it.
 *
 * <p>Consent is the client's: every retrieval passes its consent gate, which fails closed, and a refusal reaches the
 * viewer as the neutral message only. Retrieved images are held in memory only. Every Mitz question, query and
 * retrieval the client makes goes to the workstation's audit trail.
 */
public final class DuoImagingService implements ImagingService {

    /** Source id of the status shown when the network itself cannot be reached or started. */
    public static final String NETWORK_SOURCE = "duoviewer:network";
    /** Source id the client uses for Mitz. */
    public static final String MITZ_SOURCE = "mitz";

    /** How long a query waits for the network to come up (the embedded one takes seconds on first start). */
    private static final long CONNECT_WAIT_SECONDS = 120;

    private static final System.Logger LOG = System.getLogger(DuoImagingService.class.getName());

    private final DuoNetwork network;
    private final Texts texts;
    private final DecodePool decoding;
    private final WorkstationAudit audit;
    /** The client once the network is up; replaced when the user retries a network that could not be reached. */
    private volatile CompletableFuture<DuoClient> client;
    private volatile boolean closed;
    private final ExecutorService queries = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("duoviewer-timeline-", 1).factory());
    private final Map<Timeline, PatientQuery> byTimeline = new IdentityHashMap<>();
    private final Set<StudyImageLoad> loads = ConcurrentHashMap.newKeySet();
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

    /** Starts connecting to the network at once, on a background thread; the client audits into {@code audit}. */
    public DuoImagingService(DuoNetwork network, Texts texts, DecodePool decoding, WorkstationAudit audit) {
        this.network = Objects.requireNonNull(network);
        this.texts = Objects.requireNonNull(texts);
        this.decoding = Objects.requireNonNull(decoding);
        this.audit = Objects.requireNonNull(audit);
        this.client = connectInBackground();
    }

    private CompletableFuture<DuoClient> connectInBackground() {
        CompletableFuture<DuoClient> future = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("duoviewer-connect").start(() -> connect(future));
        return future;
    }

    private void connect(CompletableFuture<DuoClient> future) {
        long started = System.nanoTime();
        try {
            var config = network.connect();
            audit.requesterIs(config.requester()); // the screens' events name the user from here on
            DuoClient c = DuoClient.open(config, TransportSecurity.NONE, audit, Clock.systemUTC());
            if (!future.complete(c) || closed) {
                c.close(); // closed while connecting
                return;
            }
            LOG.log(System.Logger.Level.INFO, "Network ready after {0,number,#} ms: {1}",
                    (System.nanoTime() - started) / 1_000_000, network.describe(texts, c.config()));
        } catch (Exception | Error e) {
            future.completeExceptionally(e);
            LOG.log(System.Logger.Level.WARNING, "The network could not be reached: {0}", String.valueOf(
                    e.getMessage()));
        }
    }

    /** The client once the network is up, waiting for it if need be. */
    private DuoClient awaitClient() throws NetworkUnreachable {
        try {
            return client.get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
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

    /** The client when the network is up; null while connecting or when it could not be reached. */
    private DuoClient clientIfReady() {
        CompletableFuture<DuoClient> f = client;
        return f.isDone() && !f.isCompletedExceptionally() && !f.isCancelled() ? f.join() : null;
    }

    /** The network could not be reached; the message is fit to show. */
    private static final class NetworkUnreachable extends Exception {
        NetworkUnreachable(String message) {
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
        queries.execute(() -> run(query));
        return timeline;
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
        }
        synchronized (this) {
            if (query.cancelled) {
                return;
            }
        }
        if (shows(timeline, NETWORK_SOURCE)) {
            // a retry got through: the row that said the network was unreachable must not go on saying so
            timeline.updateSource(new SourceStatus(NETWORK_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.COMPLETE, texts.get("sources.connected")));
        }
        long asked = System.nanoTime();
        TimelineSession session = c.queryTimeline(timeline);
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
                    .allMatch(st -> st.sourceId().equals(NETWORK_SOURCE) || st.sourceId().equals(MITZ_SOURCE));
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
        // Mitz or the network itself failed (or the session is gone): start over, into the same timeline
        CompletableFuture<DuoClient> f = client;
        if (f.isCompletedExceptionally() && !closed) {
            client = connectInBackground(); // the user may have fixed what kept the network from starting
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
        StudyImageLoad load = new StudyImageLoad(study, listener, decoding, texts);
        DuoClient c;
        try {
            c = awaitClient();
        } catch (NetworkUnreachable e) {
            listener.failed(e.getMessage());
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
        DuoClient c = clientIfReady();
        if (clearClient && c != null) {
            c.clearPatient(); // forget the localisation and every cached consent decision
        }
        decoding.releaseScratch(); // the last frames' bytes and pixels, kept in the decoders' buffers
    }

    @Override
    public String networkDescription() {
        try {
            return network.describe(texts, awaitClient().config());
        } catch (NetworkUnreachable e) {
            return e.getMessage();
        }
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
        queries.shutdownNow();
        closed = true;
        CompletableFuture<DuoClient> f = client;
        f.thenAccept(DuoClient::close);
        if (!f.isDone()) {
            f.cancel(false);
        }
        network.close();
    }
}
