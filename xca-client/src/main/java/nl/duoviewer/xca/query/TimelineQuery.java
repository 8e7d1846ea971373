package nl.duoviewer.xca.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.soap.SoapPorts;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Fills a {@link Timeline} by querying communities in parallel (ITI-38, or ITI-18 behind a local gateway). Each
 * community runs on its own virtual thread with its own timeout; its studies enter the timeline as soon as it has
 * answered, together with its {@link SourceStatus}. A failing, slow or lying community never affects the others.
 */
public final class TimelineQuery {

    private final DuoClientConfig config;
    private final SoapPorts ports;
    private final AuditSink audit;
    private final Clock clock;

    public TimelineQuery(DuoClientConfig config, SoapPorts ports, AuditSink audit, Clock clock) {
        this.config = config;
        this.ports = ports;
        this.audit = audit;
        this.clock = clock;
    }

    /** Hears, per community answer, what it said about consent (for the consent gate). */
    @FunctionalInterface
    public interface ConsentReport {
        /**
         * @param basis         what the answer's data is shown and retrieved on
         * @param facilityTypes organisation types of the institutions it answered for, by URA
         */
        void answered(CommunityEndpoint community, ConsentBasis basis, Map<String, String> facilityTypes);
    }

    /**
     * Starts querying.
     *
     * @param targets communities to ask (those Mitz localised)
     * @param allowed institutions whose records may be shown (those Mitz localised), asked when the answer arrives
     */
    public Run start(Timeline timeline, List<CommunityEndpoint> targets, Predicate<SourceInstitution> allowed) {
        return start(timeline, targets, allowed, (c, b, f) -> { });
    }

    /** As {@link #start(Timeline, List, Predicate)}, telling {@code consent} what each answer said about consent. */
    public Run start(Timeline timeline, List<CommunityEndpoint> targets, Predicate<SourceInstitution> allowed,
                     ConsentReport consent) {
        Run run = new Run(timeline, allowed, consent);
        for (CommunityEndpoint c : targets) {
            timeline.updateSource(new SourceStatus(c.homeCommunityId(), c.displayName(), SourceStatus.State.QUERYING,
                    ""));
        }
        for (CommunityEndpoint c : targets) {
            run.launch(c);
        }
        return run;
    }

    /** One timeline query in progress. */
    public final class Run {
        private final Timeline timeline;
        private final Predicate<SourceInstitution> allowed;
        private final ConsentReport consent;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final Map<String, CompletableFuture<SourceStatus>> byCommunity = new ConcurrentHashMap<>();
        private volatile boolean cancelled;

        private Run(Timeline timeline, Predicate<SourceInstitution> allowed, ConsentReport consent) {
            this.timeline = timeline;
            this.allowed = allowed;
            this.consent = consent;
        }

        private CompletableFuture<SourceStatus> launch(CommunityEndpoint c) {
            CompletableFuture<SourceStatus> done = new CompletableFuture<>();
            byCommunity.put(c.id(), done);
            CommunityQuery query = new CommunityQuery(c, ports, SoapTransaction.query(config.actorPosition()),
                    config.queryRetries(), config.maxQuerySplits(), config.mitz().askClosedQuestion(), clock, audit);
            java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
            // the timeline is updated before the future completes, so a completion listener sees the final state
            java.util.function.Consumer<SourceStatus> settle = s -> {
                if (!cancelled && settled.compareAndSet(false, true)) {
                    timeline.updateSource(s);
                    done.complete(s);
                }
            };
            Future<?> work = executor.submit(() -> {
                CommunityQuery.Result r = query.run(timeline.patient(), allowed);
                if (!cancelled && settled.compareAndSet(false, true)) {
                    // the gate hears the basis before the records can be opened from the timeline
                    consent.answered(c, r.status().basis(), r.facilityTypes());
                    timeline.addAll(r.studies(), r.reports());
                    timeline.updateSource(r.status());
                    done.complete(r.status());
                }
            });
            // the per-request timeouts bound each exchange; this bounds retries and narrowing taken together
            Duration cap = c.timeout().multipliedBy(2L + config.queryRetries()).plusSeconds(1);
            executor.submit(() -> {
                try {
                    work.get(cap.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    work.cancel(true);
                    settle.accept(new SourceStatus(c.homeCommunityId(), c.displayName(),
                            SourceStatus.State.TIMED_OUT, c.displayName() + ": no answer within "
                            + Failures.seconds(cap)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    settle.accept(new SourceStatus(c.homeCommunityId(), c.displayName(),
                            SourceStatus.State.FAILED, c.displayName() + ": internal error ("
                            + e.getCause().getClass().getSimpleName() + ")"));
                } catch (java.util.concurrent.CancellationException e) {
                    done.cancel(false);
                }
            });
            return done;
        }

        /** Completes when every community has answered, failed or timed out. */
        public CompletableFuture<TimelineSnapshot> completion() {
            return CompletableFuture.allOf(byCommunity.values().toArray(CompletableFuture[]::new))
                    .handle((v, t) -> timeline.snapshot());
        }

        /** The status future of one community (by configuration key). */
        public CompletableFuture<SourceStatus> community(String communityId) {
            return Objects.requireNonNull(byCommunity.get(communityId), communityId);
        }

        /** Asks one community again (the user's retry), replacing its status when the answer comes. */
        public CompletableFuture<SourceStatus> retry(CommunityEndpoint c) {
            if (cancelled) {
                throw new IllegalStateException("query was cancelled");
            }
            timeline.updateSource(new SourceStatus(c.homeCommunityId(), c.displayName(), SourceStatus.State.QUERYING,
                    ""));
            return launch(c);
        }

        /** Stops all work; nothing more is added to the timeline. */
        public void cancel() {
            cancelled = true;
            executor.shutdownNow();
        }
    }
}
