package nl.duoviewer.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.network.DuoImagingService;
import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;

/**
 * One measured client process: the viewer's own imaging pipeline ({@link DuoImagingService} on a
 * {@link ConfiguredGateway}, frames decoded on a per-core {@link FramePipeline} into display pixels) against a network
 * described by a client configuration file, as {@code ./run --config FILE} would use it.
 *
 * <p>Each iteration builds a new service, so a new {@code DuoClient} with new HTTP connections; the first iteration
 * runs in a fresh JVM ("cold": nothing compiled yet, as on the first click after the viewer starts), the later ones
 * in the same JVM ("warm"); the last iteration then opens the study once more with the same client ("hot": its
 * SOAP ports and connections exist, as for every study after the first in a viewer session). Scenarios:
 * <ul>
 *   <li>{@code timeline}: service start until the client is ready; then request of the showcase patient's timeline
 *       until the first entry is there and until every source has settled.</li>
 *   <li>{@code study}: the timeline first (the viewer always has it before a study is opened; not timed here), then
 *       from opening the study until the manifest is in, the first frame is decoded and the load has ended, keeping
 *       every decoded frame as the viewer does; heap peak over the load, live heap holding the study, and the
 *       process's peak RSS.</li>
 * </ul>
 * Results are appended to a TSV file: run, target, path, study, phase, metric, value.
 *
 * <pre>
 * ClientRun --config FILE --scenario timeline|study [--study LABEL] --run N --target NAME --path NAME
 *           [--iterations K] --out FILE [--timeout-s S]
 * </pre>
 */
public final class ClientRun {

    private static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;
    private static final double MB = 1024.0 * 1024.0;

    private final Path config;
    private final String run;
    private final String target;
    private final String path;
    private final String study;
    private final Path out;
    private final long timeoutSeconds;
    private final List<String> lines = new ArrayList<>();
    private int failures;

    private ClientRun(Path config, String run, String target, String path, String study, Path out,
                      long timeoutSeconds) {
        this.config = config;
        this.run = run;
        this.target = target;
        this.path = path;
        this.study = study;
        this.out = out;
        this.timeoutSeconds = timeoutSeconds;
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Quiet.logging();
        String scenario = a.required("scenario");
        String label = scenario.equals("timeline") ? "timeline" : a.required("study");
        ClientRun r = new ClientRun(Path.of(a.required("config")), a.required("run"), a.required("target"),
                a.required("path"), label, Path.of(a.required("out")), a.intValue("timeout-s", 600));
        int iterations = a.intValue("iterations", 2);
        if (iterations < 1 || iterations > 10) {
            throw new IllegalArgumentException("--iterations must be 1..10");
        }
        for (int i = 1; i <= iterations; i++) {
            String phase = i == 1 ? "cold" : "warm";
            if (scenario.equals("timeline")) {
                r.timeline(phase, i == iterations);
            } else if (scenario.equals("study")) {
                r.study(phase, BenchStudies.byLabel(BenchStudies.catalogue(), label).uid(), i == iterations);
            } else {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            System.gc();
        }
        r.flush();
        System.exit(r.failures == 0 ? 0 : 3);
    }

    // ------------------------------------------------------------------------------------------------- timeline

    private void timeline(String phase, boolean reopen) throws Exception {
        long c0 = System.nanoTime();
        try (FramePipeline pool = FramePipeline.perCore();
             WorkstationAudit audit = audit();
             DuoImagingService service = new DuoImagingService(new ConfiguredGateway(config), texts(), pool,
                     audit)) {
            service.networkDescription(); // waits until the client is ready (keys loaded, SOAP ports built)
            metric(phase, "connect_ms", millis(System.nanoTime() - c0));
            query(service, phase);
            if (reopen) {
                service.releasePatient(PATIENT); // as on a patient switch: localisation and consent forgotten
                query(service, "hot");
            }
        }
    }

    private void query(DuoImagingService service, String phase) throws Exception {
        CompletableFuture<Long> firstEntry = new CompletableFuture<>();
        CompletableFuture<TimelineSnapshot> settled = new CompletableFuture<>();
        long t0 = System.nanoTime();
        Timeline timeline = service.startTimeline(PATIENT);
        Consumer<TimelineSnapshot> watch = s -> {
            if (!s.entries().isEmpty()) {
                firstEntry.complete(System.nanoTime() - t0);
            }
            if (settled(s)) {
                settled.complete(s);
            }
        };
        timeline.addListener(watch);
        watch.accept(timeline.snapshot());
        TimelineSnapshot done;
        try {
            done = settled.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(phase, "the timeline did not settle within " + timeoutSeconds + " s");
            return;
        }
        long settledNanos = System.nanoTime() - t0;
        timeline.removeListener(watch);
        long complete = done.sources().stream().filter(s -> s.state() == SourceStatus.State.COMPLETE).count();
        metric(phase, "first_entry_ms", millis(firstEntry.getNow(-1L)));
        metric(phase, "settled_ms", millis(settledNanos));
        metric(phase, "entries", done.entries().size());
        metric(phase, "sources_complete", complete);
        metric(phase, "sources", done.sources().size());
        if (done.entries().isEmpty() || complete < done.sources().size()) {
            fail(phase, "timeline settled with " + done.entries().size() + " entries; sources "
                    + done.sources().stream().map(s -> s.displayName() + " " + s.state()).toList());
        }
    }

    // ------------------------------------------------------------------------------------------------- study

    private void study(String phase, String studyUid, boolean reopen) throws Exception {
        try (FramePipeline pool = FramePipeline.perCore();
             WorkstationAudit audit = audit();
             DuoImagingService service = new DuoImagingService(new ConfiguredGateway(config), texts(), pool,
                     audit)) {
            TimelineEntry entry = entry(service, studyUid);
            if (entry == null) {
                fail(phase, "study " + studyUid + " is not on the timeline");
                return;
            }
            load(service, entry, phase);
            if (reopen) {
                load(service, entry, "hot");
            }
        }
    }

    /** One load of the study, measured; its frames are let go afterwards, as when the viewer opens another. */
    private void load(DuoImagingService service, TimelineEntry entry, String phase) throws InterruptedException {
        System.gc(); // start the load from a clean heap, so its peak is its own
        long heapBefore = HeapWatch.usedNow();
        StudyLoadProbe probe;
        long heapPeak;
        String outcome;
        try (HeapWatch heap = HeapWatch.start()) {
            long t0 = System.nanoTime();
            probe = new StudyLoadProbe(t0);
            StudyLoad load = service.openStudy(entry, probe);
            outcome = probe.await(timeoutSeconds);
            if (!outcome.isEmpty()) {
                load.cancel();
            }
            heapPeak = heap.peakBytes();
        }
        long live = HeapWatch.usedAfterGc(); // the decoded study is still held by the probe
        metric(phase, "manifest_ms", millis(probe.manifestNanos()));
        metric(phase, "first_image_ms", millis(probe.firstFrameNanos()));
        metric(phase, "all_images_ms", millis(probe.endNanos()));
        metric(phase, "frames", probe.frameCount());
        metric(phase, "instances", probe.instancesTotal());
        metric(phase, "heap_before_mb", heapBefore / MB);
        metric(phase, "heap_peak_mb", heapPeak / MB);
        metric(phase, "heap_live_mb", live / MB);
        metric(phase, "rss_peak_mb", ProcessMemory.peakRss() / MB);
        metric(phase, "rss_now_mb", ProcessMemory.rss() / MB);
        if (!outcome.isEmpty()) {
            fail(phase, outcome);
        } else if (probe.frameCount() < probe.instancesTotal() || probe.instancesTotal() == 0) {
            fail(phase, probe.frameCount() + " frames decoded of " + probe.instancesTotal() + " instances");
        }
        probe.release();
    }

    /** The timeline as the viewer would have it before the user opens a study; the entry for the study. */
    private TimelineEntry entry(DuoImagingService service, String studyUid) throws InterruptedException {
        Timeline timeline = service.startTimeline(PATIENT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, 120));
        while (System.nanoTime() < deadline) {
            TimelineSnapshot s = timeline.snapshot();
            if (settled(s)) {
                return s.entries().stream().filter(e -> e.studyInstanceUid().equals(studyUid)).findFirst()
                        .orElse(null);
            }
            Thread.sleep(5);
        }
        return null;
    }

    /** Every community asked has answered (before Mitz answers there are no communities, and nothing to settle). */
    private static boolean settled(TimelineSnapshot s) {
        return s.settled() && s.sources().stream().anyMatch(st -> !st.sourceId().equals(DuoImagingService.MITZ_SOURCE)
                && !st.sourceId().equals(DuoImagingService.NETWORK_SOURCE));
    }

    // ------------------------------------------------------------------------------------------------- output

    /**
     * The audit trail the viewer writes for every query and retrieval, in a folder of this run: what ships is
     * measured, without filling the user's own audit log with benchmark sessions.
     */
    private static WorkstationAudit audit() throws IOException {
        return WorkstationAudit.open(AuditSettings.localOnly(Files.createTempDirectory("duoviewer-e2e-audit")),
                java.time.Clock.systemUTC());
    }

    private static Texts texts() {
        return Texts.forLocale(Locale.ENGLISH);
    }

    private static double millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1e6;
    }

    private void metric(String phase, String name, double value) {
        lines.add(String.join("\t", run, target, path, study, phase, name,
                String.format(Locale.ROOT, "%.3f", value)));
    }

    private void fail(String phase, String message) {
        failures++;
        metric(phase, "failed", 1);
        System.err.println("  " + target + " " + path + " " + study + " (" + phase + "): " + message);
    }

    private void flush() throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
