package nl.duoviewer.xca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.ConsentGate;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.manifest.KosParser;
import nl.duoviewer.xca.manifest.ManifestSeries;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.retrieve.DocumentRetriever;
import nl.duoviewer.xca.retrieve.ImagingRetriever;
import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.SeriesRequest;
import nl.duoviewer.xca.wado.WadoRsClient;

/**
 * Retrieves a whole study for the viewer: picks a source of the timeline entry that the consent gate allows, fetches
 * and parses its KOS manifest, then streams the series one by one (WADO-RS where the manifest gives a Retrieve URL
 * under the community's WADO-RS base, RAD-75/69 otherwise or as fallback). Series are requested in batches so that
 * no single answer grows without bound. The permit covers the institution and the repositories its registry entry
 * and its own manifest name, and is renewed before every request ({@link ConsentGate#renew}): a long series gets a
 * new permit instead of failing on an expired one, and a Deny that Mitz gives meanwhile stops the next request.
 */
final class StudyRetriever {

    /** Instances asked for in one RAD-69/75 request. */
    static final int BATCH = 500;

    private final DuoClientConfig config;
    private final ConsentGate gate;
    private final DocumentRetriever documents;
    private final ImagingRetriever images;
    private final WadoRsClient wado;

    StudyRetriever(DuoClientConfig config, ConsentGate gate, DocumentRetriever documents, ImagingRetriever images,
                   WadoRsClient wado) {
        this.config = config;
        this.gate = gate;
        this.documents = documents;
        this.images = images;
        this.wado = wado;
    }

    StudyRetrieval start(Bsn patient, TimelineEntry entry, Consumer<StudyManifest> onManifest,
                         InstanceConsumer consumer) {
        CompletableFuture<StudyRetrievalResult> result = new CompletableFuture<>();
        Run run = new Run(patient, entry, onManifest, consumer);
        Thread worker = Thread.ofVirtual().name("study-retrieval").start(() -> {
            try {
                result.complete(run.execute());
            } catch (InterruptedIOException | CancellationException e) {
                result.completeExceptionally(new CancellationException("study retrieval cancelled"));
            } catch (Exception e) {
                result.completeExceptionally(run.cancelled ? new CancellationException("study retrieval cancelled")
                        : e);
            }
        });
        return new StudyRetrieval(result, () -> {
            run.cancelled = true;
            worker.interrupt();
            result.completeExceptionally(new CancellationException("study retrieval cancelled"));
        });
    }

    private final class Run {
        private final Bsn patient;
        private final TimelineEntry entry;
        private final Consumer<StudyManifest> onManifest;
        private final InstanceConsumer consumer;
        private final Set<String> received = new LinkedHashSet<>();
        private volatile boolean cancelled;
        /** The permit the next request goes out on; renewed before each request. */
        private RetrievalPermit permit;

        /**
         * Passes instances on, once each, and stops handing over the moment the retrieval is cancelled. An instance
         * counts as received only once the consumer has taken it whole: one whose transfer broke off is still
         * missing, so a fallback path asks for it again and the result does not report it as delivered.
         */
        private final InstanceConsumer guarded;

        Run(Bsn patient, TimelineEntry entry, Consumer<StudyManifest> onManifest, InstanceConsumer consumer) {
            this.patient = patient;
            this.entry = entry;
            this.onManifest = onManifest;
            this.consumer = consumer;
            this.guarded = (instance, data) -> {
                if (cancelled) {
                    throw new InterruptedIOException("study retrieval cancelled");
                }
                if (!received.contains(instance.sopInstanceUid())) {
                    this.consumer.accept(instance, data);
                    received.add(instance.sopInstanceUid());
                }
            };
        }

        StudyRetrievalResult execute() throws Exception {
            ConsentDeniedException refusal = null;
            IOException failure = null;
            for (StudyRecord record : entry.records()) {
                try {
                    permit = gate.authorise(patient, record.source(), Set.of(record.manifest().repositoryUniqueId()));
                } catch (ConsentDeniedException e) {
                    refusal = e;
                    continue;
                }
                StudyManifest manifest;
                try {
                    manifest = manifest(record);
                } catch (IOException e) {
                    if (e instanceof InterruptedIOException) {
                        throw e;
                    }
                    failure = e;
                    continue; // the same study may be held by another source
                }
                onManifest.accept(manifest);
                return series(record, manifest);
            }
            if (failure != null) {
                throw failure;
            }
            throw refusal != null ? refusal : new ConsentDeniedException("no source for the study");
        }

        /** The permit for the next request: the current one while it holds, else a new one from the gate. */
        private RetrievalPermit permit() throws ConsentDeniedException {
            permit = gate.renew(permit);
            return permit;
        }

        private StudyManifest manifest(StudyRecord record) throws Exception {
            ByteArrayOutputStream kos = new ByteArrayOutputStream();
            RetrieveOutcome o = documents.retrieve(permit(), patient, record.source(), record.manifest(),
                    (m, in) -> in.transferTo(kos));
            if (o.status() == RetrieveOutcome.Status.FAILED) {
                throw new IOException(o.message());
            }
            StudyManifest manifest = KosParser.parse(kos.toByteArray(), entry.studyInstanceUid());
            if (!manifest.consistentWith(patient)) {
                throw new IOException(record.source().name() + ": manifest names another patient; not used");
            }
            return manifest;
        }

        private StudyRetrievalResult series(StudyRecord record, StudyManifest manifest) throws Exception {
            List<SeriesOutcome> outcomes = new ArrayList<>();
            CommunityEndpoint community = config.communityByHomeId(record.source().homeCommunityId()).orElseThrow();
            // the institution's own manifest names where its images are: the permit covers those repositories too
            Set<String> repositories = new LinkedHashSet<>();
            repositories.add(record.manifest().repositoryUniqueId());
            for (ManifestSeries s : manifest.series()) {
                if (s.retrieveLocationUid() != null) {
                    repositories.add(s.retrieveLocationUid());
                }
            }
            permit = gate.authorise(patient, record.source(), repositories);
            for (ManifestSeries s : manifest.series()) {
                if (cancelled) {
                    throw new InterruptedIOException("study retrieval cancelled");
                }
                outcomes.add(oneSeries(record, community, manifest, s));
            }
            List<String> missing = new ArrayList<>();
            for (ManifestSeries s : manifest.series()) {
                for (String uid : s.sopInstanceUids()) {
                    if (!received.contains(uid)) {
                        missing.add(uid);
                    }
                }
            }
            return new StudyRetrievalResult(record.source(), manifest, outcomes, List.copyOf(received), missing);
        }

        private SeriesOutcome oneSeries(StudyRecord record, CommunityEndpoint community, StudyManifest manifest,
                                        ManifestSeries s) throws Exception {
            if (!s.retrievable()) {
                // only this series is missing; the others are retrieved as usual (decision record 25)
                return new SeriesOutcome(s.seriesInstanceUid(), "none", new RetrieveOutcome(
                        RetrieveOutcome.Status.FAILED, List.of(), s.sopInstanceUids(), List.of(),
                        "the manifest gives no Retrieve Location UID or Retrieve URL for series "
                                + s.seriesInstanceUid()));
            }
            String via = null;
            RetrieveOutcome last = null;
            if (s.retrieveUrl() != null && underWadoBase(community, s.retrieveUrl())) {
                via = "WADO-RS";
                try {
                    last = wado.retrieveUrl(permit(), patient, s.retrieveUrl(), manifest.studyInstanceUid(), guarded);
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    last = new RetrieveOutcome(RetrieveOutcome.Status.FAILED, List.of(), s.sopInstanceUids(),
                            List.of(), e.getMessage());
                }
            }
            List<String> todo = s.sopInstanceUids().stream().filter(uid -> !received.contains(uid)).toList();
            if (!todo.isEmpty() && s.retrieveLocationUid() != null) {
                via = config.actorPosition() == ActorPosition.INITIATING_GATEWAY ? "RAD-75" : "RAD-69";
                List<String> got = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                List<nl.duoviewer.xca.query.RegistryError> errors = new ArrayList<>();
                String message = "";
                for (int from = 0; from < todo.size(); from += BATCH) {
                    SeriesRequest request = new SeriesRequest(manifest.studyInstanceUid(), s.seriesInstanceUid(),
                            s.retrieveLocationUid(), todo.subList(from, Math.min(todo.size(), from + BATCH)));
                    // a batch of a long series may start after the previous permit ran out: renew, or stop on a Deny
                    RetrieveOutcome o = images.retrieveSeries(permit(), patient, record.source(), request, guarded);
                    got.addAll(o.received());
                    missing.addAll(o.missing());
                    errors.addAll(o.errors());
                    message = o.message().isEmpty() ? message : o.message();
                }
                RetrieveOutcome.Status status = missing.isEmpty() ? RetrieveOutcome.Status.COMPLETE
                        : got.isEmpty() ? RetrieveOutcome.Status.FAILED : RetrieveOutcome.Status.PARTIAL;
                last = new RetrieveOutcome(status, got, missing, errors, message);
            }
            if (last == null) {
                last = new RetrieveOutcome(RetrieveOutcome.Status.FAILED, List.of(), s.sopInstanceUids(), List.of(),
                        "no usable retrieve location for series " + s.seriesInstanceUid());
                via = "none";
            }
            return new SeriesOutcome(s.seriesInstanceUid(), via, last);
        }
    }

    private static boolean underWadoBase(CommunityEndpoint community, URI url) {
        if (community.wadoBase() == null) {
            return false;
        }
        String base = community.wadoBase().normalize().toString();
        return url.normalize().toString().startsWith(base.endsWith("/") ? base : base + "/");
    }
}
