package nl.duoviewer.app.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.dicom.DicomParseException;
import nl.duoviewer.core.dicom.DicomStream;
import nl.duoviewer.core.dicom.ReadOptions;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.ImageAttributes;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.manifest.ManifestException;
import nl.duoviewer.xca.manifest.ManifestSeries;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrievedInstance;

/**
 * One study being retrieved for the viewer. Each object is read as it comes off the network (header first, then
 * frame by frame), checked against the patient and study on screen, and its frames are decoded on the
 * {@link FramePipeline} and handed to the listener one by one, so the first image shows long before the study is in.
 *
 * <p>Retrieved bytes and pixels are held in memory only, and only until they are handed over: nothing is written to
 * disk. An object that names another patient or study stops the whole retrieval (a source that does that cannot be
 * trusted with the rest); an object that merely cannot be decoded is skipped and reported at the end.
 */
final class StudyImageLoad implements StudyLoad, InstanceConsumer {

    private static final System.Logger LOG = System.getLogger(StudyImageLoad.class.getName());

    /** Header values larger than this are not read into memory (pixel data is streamed apart from this). */
    private static final ReadOptions READ = ReadOptions.DEFAULT.withMaxValueLength(512L << 20);

    private final TimelineEntry entry;
    private final StudyLoadListener listener;
    private final FramePipeline.Job decoding;
    private final String sourceNames;
    private final RetrievedObjectCheck check;
    /** The retrieval itself, plus every object not yet fully decoded: the load ends when this reaches zero. */
    private final AtomicInteger open = new AtomicInteger(1);
    private final AtomicInteger instancesDone = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger undecodable = new AtomicInteger();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile int instancesTotal;
    private volatile Map<String, Integer> instancesPerSeries = Map.of();
    private volatile String firstProblem;
    private volatile String firstProblemSyntax;
    private volatile LoadFailure rejection;
    private volatile boolean cancelled;
    private volatile StudyRetrieval retrieval;
    private volatile StudyRetrievalResult result;
    private volatile Throwable failure;
    private final long started = System.nanoTime();
    private volatile long firstFrameNanos;

    StudyImageLoad(TimelineEntry entry, StudyLoadListener listener, FramePipeline decoding) {
        this.entry = entry;
        this.listener = listener;
        this.decoding = decoding.newJob();
        this.sourceNames = entry.sources().stream().map(SourceInstitution::name).collect(Collectors.joining(", "));
        this.check = new RetrievedObjectCheck(entry.patient(), entry.studyInstanceUid(), sourceNames);
    }

    /**
     * A load from the hospital's own PACS, whose objects carry the Patient ID it files the patient under (the BSN, or
     * the hospital's own number) instead of the BSN.
     */
    StudyImageLoad(TimelineEntry entry, SourceInstitution from, String localPatientId, StudyLoadListener listener,
                   FramePipeline decoding) {
        this.entry = entry;
        this.listener = listener;
        this.decoding = decoding.newJob();
        this.sourceNames = from.name();
        this.check = RetrievedObjectCheck.local(localPatientId, entry.studyInstanceUid(), sourceNames);
    }

    /** Attaches the running retrieval; its end (after the last decode) ends this load. */
    void follow(StudyRetrieval running) {
        this.retrieval = running;
        if (cancelled || rejection != null) {
            running.cancel();
        }
        running.result().whenComplete(this::retrievalEnded);
    }

    /** The retrieval itself has ended (every object handed over, or failed): the load ends after the last decode. */
    void retrievalEnded(StudyRetrievalResult r, Throwable e) {
        result = r;
        failure = e;
        release();
    }

    /** Runs {@code action} when the retrieval this load follows has ended, however it ended. */
    void whenOver(Runnable action) {
        StudyRetrieval r = retrieval;
        if (r != null) {
            r.result().whenComplete((x, e) -> action.run());
        }
    }

    /** The manifest is in: now the number of images is known. */
    void manifestArrived(StudyManifest manifest) {
        Map<String, Integer> perSeries = new HashMap<>();
        for (ManifestSeries s : manifest.series()) {
            perSeries.merge(s.seriesInstanceUid(), s.instances().size(), Integer::sum);
        }
        instancesPerSeries = Map.copyOf(perSeries);
        instancesTotal = manifest.instanceCount();
        if (!stopped()) {
            listener.progress(instancesDone.get(), instancesTotal);
        }
    }

    @Override
    public void accept(RetrievedInstance instance, InputStream data) throws IOException {
        if (stopped()) {
            throw new InterruptedIOException("study load stopped");
        }
        int arrival = arrivals.incrementAndGet();
        DicomStream stream;
        try {
            stream = DicomStream.open(data, READ);
        } catch (DicomParseException e) {
            instanceSkipped(e.getMessage(), null);
            return;
        }
        Optional<LoadFailure> foreign = check.problem(stream.dataset());
        if (foreign.isPresent()) {
            reject(foreign.get());
            throw new InterruptedIOException("object rejected: " + foreign.get());
        }
        if (!stream.hasPixelData()) {
            instanceDone(); // a report or presentation state: nothing to show in the image viewer
            return;
        }
        ImageAttributes image;
        try {
            String series = stream.dataset().getString(Tag.SeriesInstanceUID, "");
            image = ImageAttributes.of(stream.dataset(), stream.transferSyntax(), arrival,
                    instancesPerSeries.getOrDefault(series, 0));
        } catch (IllegalArgumentException e) {
            instanceSkipped(e.getMessage(), stream.transferSyntax().uid());
            return;
        }
        readFrames(stream, image);
    }

    /**
     * Reads the frames as they arrive, each to the decode pipeline; the object is done when all are decoded. When the
     * transfer breaks off inside the object (an I/O failure, not a malformed object), it is not done: the failure goes
     * back to the retrieval, which counts the object as missing (and may fetch it again another way).
     */
    private void readFrames(DicomStream stream, ImageAttributes image) throws IOException {
        AtomicInteger framesOpen = new AtomicInteger(1); // the reading itself
        AtomicBoolean broken = new AtomicBoolean();
        open.incrementAndGet();
        try {
            int frames = image.descriptor().numberOfFrames();
            for (int index = 0; index < frames && !stopped(); index++) {
                ByteBuffer bytes;
                try {
                    bytes = stream.nextFrame();
                } catch (DicomParseException e) {
                    problem(e.getMessage(), image.descriptor().transferSyntaxUid()); // the frames before stay valid
                    break;
                }
                if (bytes == null) {
                    break;
                }
                framesOpen.incrementAndGet();
                try {
                    decoding.submit(image, bytes, index, outcome -> {
                        try {
                            decoded(outcome);
                        } finally {
                            frameFinished(framesOpen, broken);
                        }
                    });
                } catch (InterruptedIOException e) {
                    frameFinished(framesOpen, broken); // refused: no outcome will come for it
                    throw e;
                }
            }
        } catch (IOException e) {
            broken.set(true);
            throw e;
        } finally {
            frameFinished(framesOpen, broken);
        }
    }

    private void decoded(FramePipeline.Outcome outcome) {
        switch (outcome) {
            case FramePipeline.Outcome.Decoded d -> {
                if (!stopped()) {
                    if (firstFrameNanos == 0) {
                        firstFrameNanos = System.nanoTime();
                    }
                    listener.frameDecoded(d.frame());
                }
            }
            case FramePipeline.Outcome.Failed f -> problem(f.error().getMessage(), f.error().transferSyntaxUid());
            case FramePipeline.Outcome.Cancelled c -> {
                // the load was stopped: nothing to tell
            }
        }
    }

    /** The frame on screen: frames of this study waiting for a decoder thread are taken nearest to it first. */
    @Override
    public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
        decoding.focus(seriesInstanceUid, instanceNumber, frameNumber);
    }

    private void frameFinished(AtomicInteger framesOpen, AtomicBoolean broken) {
        if (framesOpen.decrementAndGet() == 0) {
            if (!broken.get()) {
                instanceDone();
            }
            release();
        }
    }

    private void instanceSkipped(String reason, String transferSyntaxUid) {
        problem(reason, transferSyntaxUid);
        instanceDone();
    }

    /** An image that cannot be shown; the first one's detail is logged at the end. */
    private void problem(String reason, String transferSyntaxUid) {
        if (undecodable.getAndIncrement() == 0) {
            firstProblem = reason;
            firstProblemSyntax = transferSyntaxUid;
        }
    }

    private void instanceDone() {
        int done = instancesDone.incrementAndGet();
        if (!stopped()) {
            listener.progress(done, instancesTotal);
        }
    }

    private void reject(LoadFailure reason) {
        rejection = reason;
        decoding.cancel();
        StudyRetrieval r = retrieval;
        if (r != null) {
            r.cancel();
        }
    }

    /** One piece of work is over; the last one reports how the load ended. */
    private void release() {
        if (open.decrementAndGet() == 0 && reported.compareAndSet(false, true)) {
            report();
        }
    }

    private void report() {
        String outcome = outcome();
        if (outcome != null) {
            long first = firstFrameNanos;
            LOG.log(System.Logger.Level.INFO, "Study from {0}: {1} of {2} images in {3,number,#} ms, "
                    + "first image after {4}; {5}", sourceNames, instancesDone.get(), instancesTotal,
                    (System.nanoTime() - started) / 1_000_000,
                    first == 0 ? "-" : (first - started) / 1_000_000 + " ms", outcome);
        }
    }

    /** Tells the listener how the load ended; returns what to log, or null for a cancelled load. */
    private String outcome() {
        if (rejection != null) {
            listener.failed(rejection);
            return "rejected: " + rejection;
        }
        if (cancelled) {
            return null;
        }
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (e instanceof CancellationException) {
            return null;
        }
        if (e instanceof ConsentDeniedException) {
            listener.failed(new LoadFailure.ConsentRefused()); // the neutral reason, whatever the cause
            return "consent refused";
        }
        if (e != null) {
            listener.failed(reasonFor(e));
            return "failed: " + (e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        StudyRetrievalResult r = result;
        List<String> missing = r == null ? List.of() : r.missing();
        if (!missing.isEmpty()) {
            listener.failed(new LoadFailure.Incomplete(r.source().name(), missing.size(),
                    r.manifest().instanceCount()));
            return "incomplete: " + missing.size() + " missing" + outcomeMessages(r);
        }
        int bad = undecodable.get();
        if (bad > 0) {
            listener.failed(new LoadFailure.DecodeFailed(bad, firstProblemSyntax));
            return bad + " not decodable, the first: " + firstProblem;
        }
        listener.completed();
        return "complete";
    }

    /** The reason for a failed retrieval, from the exception and its causes. */
    private LoadFailure reasonFor(Throwable e) {
        if (e instanceof ManifestException) {
            return new LoadFailure.ManifestUnusable(sourceNames);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) {
                return new LoadFailure.SourceUnreachable(sourceNames);
            }
            if (c instanceof HttpTimeoutException || c instanceof InterruptedIOException) {
                // a socket timeout, or the stall guard breaking off a transfer that stopped
                return new LoadFailure.TimedOut(sourceNames);
            }
        }
        return new LoadFailure.RetrievalFailed(sourceNames);
    }

    private static String outcomeMessages(StudyRetrievalResult r) {
        String joined = r.series().stream().map(s -> s.outcome().message()).filter(m -> !m.isBlank()).distinct()
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? "" : " (" + joined + ")";
    }

    private boolean stopped() {
        return cancelled || rejection != null;
    }

    @Override
    public void cancel() {
        cancelled = true;
        decoding.cancel();
        StudyRetrieval r = retrieval;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** The patient whose study this is, so that a patient switch can stop it. */
    Bsn patient() {
        return entry.patient();
    }
}
