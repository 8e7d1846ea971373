package nl.duoviewer.app.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.network.DuoImagingService;
import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.log.AuditLogVerifier;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.CommunityNode;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.gateway.FaultProfile;

/**
 * The fault soak (issue 10): timeline queries and image retrievals across several patients through the viewer's own
 * pipeline ({@link DuoImagingService} on a configuration file, as {@code ./run --config} runs it, frames decoded on the
 * {@link FramePipeline}, every access into a real {@link WorkstationAudit} with a local log), with the embedded network's
 * faults switched on in turn: a community down, slow drip, error answers, truncated image answers, wrong-patient
 * answers and oversized answers. Each round puts one fault on one community while the timeline is asked (community
 * A), the same fault on another while a study is retrieved (community B), and retrieves healthy studies from the third
 * (C); the communities rotate every cycle so that every fault meets every community.
 *
 * <p>It proves, for every round: the fault is named on the source that has it and only there (the typed
 * {@link SourceStatus.State} of each community, the load's message naming the institution), nothing of another
 * patient reaches the timeline or the decoded frames, and healthy sources deliver everything. At the end: every
 * retrieval request that reached a server is in the audit log (counted per community and transaction against the
 * servers' own counters) and the log's chain is intact; and threads, virtual threads, executors, file descriptors,
 * sockets and live heap stay within a stated band of what they were after the first cycle, and return to their
 * starting band once the viewer's service is closed. Bounded in count ({@link SoakScale}) and time; loopback only.
 * The figures go to {@code target/soak/faults-<scale>.md}.
 */
@Tag("soak")
class FaultSoakTest {

    /** The faults, in the order the rounds take them. */
    enum Fault { HEALTHY, DOWN, SLOW_DRIP, ERROR_ANSWERS, TRUNCATED, WRONG_PATIENT, OVERSIZED }

    private static final Fault[] FAULTS = Fault.values();
    private static final Network[] NETWORKS = Network.values();
    /** The client's cap on a query answer and on the SOAP part of a retrieve answer, set in its configuration. */
    private static final long ANSWER_CAP = 2L << 20;
    /** Healthy studies retrieved are at most this large, so the rounds stay short. */
    private static final int MAX_STUDY_IMAGES = 210;

    /**
     * The band: how far a reading may lie above its reference. Sized for what varies without leaking: idle pooled
     * connections (client and server side of each, per endpoint) and the server's pool threads that outlive a burst
     * by their idle timeout; a leak of one object per request or per patient exceeds it within a cycle.
     */
    static final ProcessProbe.Band BAND = new ProcessProbe.Band(8, 2, 4, 24, 24, 24L << 20);

    @TempDir
    Path dir;

    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Fault, Long> nanosPerFault = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicInteger> faultsNamed = new EnumMap<>(Fault.class);
    private List<String> threadsAtReference = List.of();
    private List<String> threadsAtEnd = List.of();
    private Map<String, Long> heapAtReference = Map.of();
    private Map<String, Long> heapAtEnd = Map.of();
    private int loads;
    private int cancelled;
    private int imagesRetrieved;
    private int framesShown;

    /** The viewer's pipeline as the app wires it: audit trail, decode pool and the imaging service on the file. */
    private record Viewer(WorkstationAudit audit, FramePipeline decoding, DuoImagingService service) {
        static Viewer open(Path config, Path auditFolder) throws IOException {
            WorkstationAudit audit = WorkstationAudit.open(AuditSettings.localOnly(auditFolder), Clock.systemUTC());
            FramePipeline decoding = FramePipeline.perCore();
            return new Viewer(audit, decoding, new DuoImagingService(new ConfiguredGateway(config),
                    Texts.forLocale(Locale.ENGLISH), decoding, audit));
        }

        /** In the app's order: the service (and its client), then the trail with every event in, then decoding. */
        void close(ProcessProbe probe) {
            service.close();
            settle(probe);
            audit.close();
            decoding.close();
        }
    }

    @Test
    void timelinesAndImagesUnderEveryFaultAreNamedUnmixedAuditedAndLeakNothing() throws Exception {
        SoakScale scale = SoakScale.current();
        long deadline = System.nanoTime() + scale.deadline().toNanos();
        SoakReport report = new SoakReport("faults-" + scale.name());
        QuietLogs quiet = QuietLogs.apply();
        ProcessProbe probe = new ProcessProbe(Files.createDirectories(dir.resolve("probe")));
        List<ProcessProbe.Sample> samples = new ArrayList<>();
        long started = System.nanoTime();

        EmbeddedDuoNetwork.Options demo = EmbeddedDuoNetwork.Options.demo(dir.resolve("cache"));
        Files.deleteIfExists(demo.workDir());
        try (EmbeddedDuoNetwork net = EmbeddedDuoNetwork.start(demo.withWorkDir(dir.resolve("keys")))) {
            DemoCatalogue catalogue = net.catalogue();
            List<DemoPatient> patients = catalogue.patients().subList(0, scale.patients());
            Path config = clientConfig(net);
            Map<String, Integer> cursor = new HashMap<>();

            // a first viewer, opened, used once and closed: what the JDK and the libraries start once per process
            // (virtual thread scheduler and pollers, common pool, timers) is then running, so that a second viewer's
            // close can be compared with it
            Viewer first = Viewer.open(config, dir.resolve("audit-first"));
            try {
                // studies over RAD-75 and WADO-RS both
                round(net, first.service(), catalogue, patients.getFirst(), Fault.HEALTHY, Network.ALPHATRON,
                        Network.ENOVATION, Network.FOUNDA, 1, cursor, "first viewer");
                round(net, first.service(), catalogue, patients.getFirst(), Fault.HEALTHY, Network.FOUNDA,
                        Network.ENOVATION, Network.ALPHATRON, 1, cursor, "first viewer");
            } finally {
                first.close(probe);
            }
            net.communities().forEach(n -> n.counters().reset());
            cursor.clear();
            imagesRetrieved = 0;
            samples.add(probe.sample("a first viewer closed (start)"));
            List<String> threadsBefore = ProcessProbe.platformThreadNames();
            Map<String, Long> heapBefore = ProcessProbe.histogram();

            Viewer viewer = Viewer.open(config, dir.resolve("audit"));
            int rounds = scale.timelineQueries();
            try {
                for (int r = 0; r < rounds; r++) {
                    if (System.nanoTime() > deadline) {
                        problems.add("the soak did not finish within " + scale.deadline() + " (round " + r + ")");
                        break;
                    }
                    int cycle = r / FAULTS.length;
                    Fault fault = FAULTS[r % FAULTS.length];
                    Network a = NETWORKS[cycle % 3];
                    Network b = NETWORKS[(cycle + 1) % 3];
                    Network c = NETWORKS[(cycle + 2) % 3];
                    DemoPatient patient = patients.get((r + cycle) % patients.size());
                    int quota = (int) Math.ceil((scale.images() - imagesRetrieved) / (double) (rounds - r));
                    long t0 = System.nanoTime();
                    round(net, viewer.service(), catalogue, patient, fault, a, b, c, quota, cursor, "round " + r);
                    nanosPerFault.merge(fault, System.nanoTime() - t0, Long::sum);
                    if ((r + 1) % FAULTS.length == 0 || r == rounds - 1) {
                        settle(probe);
                        samples.add(probe.sample(r == FAULTS.length - 1 ? "after cycle 1 (reference)"
                                : "after round " + (r + 1)));
                        if (r == FAULTS.length - 1) {
                            threadsAtReference = ProcessProbe.platformThreadNames();
                            heapAtReference = ProcessProbe.histogram();
                        }
                        threadsAtEnd = ProcessProbe.platformThreadNames();
                        heapAtEnd = ProcessProbe.histogram();
                    }
                }
                settle(probe);
            } finally {
                viewer.close(probe);
            }
            samples.add(probe.sample("viewer closed"));
            List<String> threadsClosed = ProcessProbe.platformThreadNames();
            List<String> virtualClosed = probe.virtualThreadNames();
            Map<String, Long> heapClosed = ProcessProbe.histogram();
            WorkstationAudit audit = viewer.audit();

            AuditRecords audited = AuditRecords.read(audit.trail().log());
            Map<String, Long> served = served(net);
            Map<String, Long> reached = audited.counts(true);
            Map<String, Long> failedReached = audited.failures(true);
            long unreached = audited.retrievals().stream().filter(AuditRecords.Event::unreached).count();
            List<String> unaudited = new ArrayList<>();
            for (var e : served.entrySet()) {
                long a = reached.getOrDefault(e.getKey(), 0L);
                if (a < e.getValue() || a - e.getValue() > failedReached.getOrDefault(e.getKey(), 0L)) {
                    unaudited.add(e.getKey() + ": served " + e.getValue() + ", audited " + a);
                }
            }
            Set<String> soakPatients = patients.stream().map(p -> p.bsn().value()).collect(Collectors.toSet());
            long foreignAudit = audited.retrievals().stream().filter(e -> !soakPatients.contains(e.patientBsn()))
                    .count();
            var verified = AuditLogVerifier.verify(audit.trail().log().file());
            double minutes = (System.nanoTime() - started) / 60e9;

            ProcessProbe.Sample before = samples.getFirst();
            ProcessProbe.Sample reference = samples.stream().filter(s -> s.label().contains("reference"))
                    .findFirst().orElse(before);
            ProcessProbe.Sample end = samples.get(samples.size() - 2);
            ProcessProbe.Sample closed = samples.getLast();
            List<String> grew = new ArrayList<>(BAND.exceeded(reference, end).stream()
                    .map(s -> "while running: " + s).toList());
            grew.addAll(BAND.exceeded(before, closed).stream().map(s -> "after closing: " + s).toList());

            report.line("# Fault soak, " + scale.name() + " size").line("")
                    .line(String.format(Locale.ROOT, "%d timeline queries of %d patients, %d study loads "
                                    + "(%d cancelled half-way), %d images retrieved and decoded (%d frames), "
                                    + "in %.1f min.", rounds, patients.size(), loads, cancelled, imagesRetrieved,
                            framesShown, minutes))
                    .line("").line("Faults named on their source (query and retrieve): " + faultsNamed).line("")
                    .line("Retrieval requests per community and transaction: served (the server's counters) and "
                            + "audited (the workstation's log; requests that reached the server, of which failed):")
                    .line("").line("| community transaction | served | audited | of which failed |")
                    .line("|---|---:|---:|---:|");
            Set<String> keys = new java.util.TreeSet<>(served.keySet());
            keys.addAll(reached.keySet());
            for (String k : keys) {
                report.line("| " + k + " | " + served.getOrDefault(k, 0L) + " | " + reached.getOrDefault(k, 0L)
                        + " | " + failedReached.getOrDefault(k, 0L) + " |");
            }
            long instancesServed = net.communities().stream().mapToLong(n -> n.counters().instancesServed()).sum();
            report.line("").line("Instances the network served (faulted answers included): " + instancesServed)
                    .line("").line("Audit log: " + audited.all().size() + " events, of which " + audited.retrievals().size()
                            + " retrievals (" + unreached + " to a community that was down); chain "
                            + (verified.intact() ? "intact" : "BROKEN") + ".")
                    .line("").line("Process readings (after a full GC). Reference while running: the end of the "
                            + "first cycle; after closing: a first viewer closed before the soak began.")
                    .line("").samples(samples).line("")
                    .line("Band: " + BAND).line("")
                    .line(grew.isEmpty() ? "No growth beyond the band." : "Growth: " + grew).line("")
                    .line("Platform threads at the end that were not there at the reference: "
                            + minus(threadsAtEnd, threadsAtReference)).line("")
                    .line("Platform threads after closing that were not there at the start: "
                            + minus(threadsClosed, threadsBefore) + "; virtual threads: " + virtualClosed).line("")
                    .line("Largest live-heap growth by class, reference to end: "
                            + ProcessProbe.growth(heapAtReference, heapAtEnd, 12)).line("")
                    .line("Largest live-heap growth by class, start to closed: "
                            + ProcessProbe.growth(heapBefore, heapClosed, 12)).line("")
                    .line("Time per fault (all rounds): " + nanosPerFault.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue() / 1_000_000_000 + " s").toList()).line("")
                    .line(problems.isEmpty() ? "Every check held." : "Problems: " + problems);
            Path written = report.write();

            assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.subList(0,
                    Math.min(10, problems.size())) + " (figures in " + written + ")");
            assertTrue(unaudited.isEmpty(), "every retrieval that reached a server is audited, and only failures "
                    + "beyond: " + unaudited);
            assertEquals(0, foreignAudit, "every audited retrieval names a patient of the soak");
            assertTrue(verified.intact(), "the audit log's chain is intact");
            assertEquals(0, audit.trail().failures(), "no audit event was lost");
            assertTrue(imagesRetrieved >= scale.images(), imagesRetrieved + " images");
            assertTrue(faultsNamed.keySet().containsAll(Set.of(Fault.DOWN, Fault.ERROR_ANSWERS, Fault.TRUNCATED,
                    Fault.WRONG_PATIENT, Fault.OVERSIZED)), "every fault was met and named: " + faultsNamed);
            assertTrue(grew.isEmpty(), "growth beyond the band: " + grew + " (figures in " + written + ")");
        } finally {
            quiet.restore();
        }
    }

    // ------------------------------------------------------------------------------------------------ one round

    private void round(EmbeddedDuoNetwork net, DuoImagingService service, DemoCatalogue catalogue,
                       DemoPatient patient, Fault fault, Network a, Network b, Network c, int quota,
                       Map<String, Integer> cursor, String where) throws Exception {
        Bsn bsn = patient.bsn();
        Set<Network> localised = catalogue.holders(bsn).stream().map(Institution::network)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        // the timeline, with the fault on A
        queryFault(net.community(a), fault);
        Timeline timeline = service.startTimeline(bsn);
        TimelineSnapshot snap = settled(timeline, localised, where);
        healthy(net);
        if (snap == null) {
            service.releasePatient(bsn);
            return;
        }
        checkTimeline(snap, patient, fault, a, localised, where);

        // a study of B's, retrieved with the fault on B
        Map<String, TimelineEntry> entries = snap.entries().stream()
                .collect(Collectors.toMap(TimelineEntry::studyInstanceUid, e -> e));
        if (fault != Fault.HEALTHY) {
            DemoStudy target = candidates(patient, b).getFirst();
            TimelineEntry entry = entries.get(target.studyInstanceUid());
            if (entry == null) {
                problems.add(where + ": " + target.studyInstanceUid() + " of " + b + " is not on the timeline");
            } else {
                retrieveFault(net.community(b), fault, where);
                LoadWatch watch = open(service, catalogue, patient, entry);
                String end = watch.await(where);
                checkFaultedLoad(fault, target, watch, end, where);
                healthy(net);
            }
        }

        // healthy studies of C until the round's share of images is in
        int got = 0;
        List<DemoStudy> healthy = candidates(patient, c);
        for (int tries = 0; got < quota && tries < healthy.size(); tries++) {
            DemoStudy study = next(healthy, cursor, bsn.value() + c);
            TimelineEntry entry = entries.get(study.studyInstanceUid());
            if (entry == null) {
                problems.add(where + ": healthy " + study.studyInstanceUid() + " of " + c + " not on the timeline");
                continue;
            }
            LoadWatch watch = open(service, catalogue, patient, entry);
            String end = watch.await(where);
            if (!end.isEmpty() || watch.done.get() != study.instanceCount()) {
                problems.add(where + ": a healthy study of " + c + " ended with '" + end + "' after "
                        + watch.done.get() + " of " + study.instanceCount() + " images");
            }
            got += watch.done.get();
            imagesRetrieved += watch.done.get();
        }
        if (fault == Fault.SLOW_DRIP) {
            retrieveFault(net.community(b), fault, where);
            cancelHalfWay(service, catalogue, patient, entries, b, cursor);
            healthy(net);
        }
        service.releasePatient(bsn);
    }

    private void checkTimeline(TimelineSnapshot snap, DemoPatient patient, Fault fault, Network a,
                               Set<Network> localised, String where) {
        Set<String> own = patient.studies().stream().map(DemoStudy::studyInstanceUid).collect(Collectors.toSet());
        for (TimelineEntry e : snap.entries()) {
            if (!e.patient().equals(patient.bsn()) || !own.contains(e.studyInstanceUid())) {
                problems.add(where + ": the timeline of " + patient.bsn().masked() + " shows a study of another "
                        + "patient: " + e.studyInstanceUid());
            }
        }
        SourceStatus.State expected = switch (fault) {
            case DOWN, ERROR_ANSWERS, WRONG_PATIENT, OVERSIZED -> SourceStatus.State.FAILED;
            case HEALTHY, SLOW_DRIP, TRUNCATED -> SourceStatus.State.COMPLETE;
        };
        String marker = switch (fault) {
            case DOWN -> "not reachable";
            case ERROR_ANSWERS -> "server error";
            case WRONG_PATIENT -> "another patient";
            case OVERSIZED -> "answer rejected";
            case HEALTHY, SLOW_DRIP, TRUNCATED -> "";
        };
        Set<Network> shown = new java.util.HashSet<>();
        for (Network n : localised) {
            SourceStatus s = snap.sources().stream().filter(x -> x.sourceId().equals(n.homeCommunityId()))
                    .findFirst().orElse(null);
            if (s == null) {
                problems.add(where + ": no status for " + n);
                continue;
            }
            SourceStatus.State want = n == a ? expected : SourceStatus.State.COMPLETE;
            boolean named = n != a || marker.isEmpty()
                    || s.message().contains(n.displayName()) && s.message().contains(marker);
            if (s.state() != want || !named) {
                problems.add(where + ": " + fault + " on " + a + ", " + n + " is " + s.state() + " '" + s.message()
                        + "', expected " + want + (n == a && !marker.isEmpty() ? " naming '" + marker + "'" : ""));
            } else if (n == a && want == SourceStatus.State.FAILED) {
                faultsNamed.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
            }
            if (s.state() == SourceStatus.State.COMPLETE) {
                shown.add(n);
            }
        }
        // what the complete sources published is there, all of it; nothing of a failed source
        Set<String> expectedUids = patient.studies().stream()
                .filter(st -> st.publications().stream().anyMatch(p -> shown.contains(p.institution().network())))
                .map(DemoStudy::studyInstanceUid).collect(Collectors.toSet());
        Set<String> got = snap.entries().stream().map(TimelineEntry::studyInstanceUid).collect(Collectors.toSet());
        if (!expectedUids.equals(got)) {
            problems.add(where + ": the timeline holds " + got.size() + " studies, the complete sources published "
                    + expectedUids.size());
        }
        for (TimelineEntry e : snap.entries()) {
            for (StudyRecord r : e.records()) {
                if (r.source().homeCommunityId().equals(a.homeCommunityId())
                        && expected != SourceStatus.State.COMPLETE) {
                    problems.add(where + ": a record of the failed source " + a + " is on the timeline");
                }
            }
        }
    }

    private void checkFaultedLoad(Fault fault, DemoStudy target, LoadWatch watch, String end, String where) {
        String institution = target.institution().name();
        if (fault == Fault.SLOW_DRIP) {
            if (!end.isEmpty() || watch.done.get() != target.instanceCount()) {
                problems.add(where + ": a slow study ended with '" + end + "', " + watch.done.get() + " of "
                        + target.instanceCount());
            }
            imagesRetrieved += watch.done.get();
            return;
        }
        // the load ends with a typed reason naming the source (the view words it); the detail is in the log
        String marker = switch (fault) {
            case WRONG_PATIENT -> "WrongPatient";
            case DOWN, ERROR_ANSWERS, TRUNCATED, OVERSIZED -> "";
            case HEALTHY, SLOW_DRIP -> throw new IllegalArgumentException();
        };
        if (end.isEmpty() || !end.contains(institution) || !end.contains(marker)) {
            problems.add(where + ": " + fault + " while retrieving from " + institution + " ended with '" + end
                    + "', expected a failure naming it and '" + marker + "'");
        } else {
            faultsNamed.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        }
        if (fault == Fault.WRONG_PATIENT && watch.frames.get() > 0) {
            problems.add(where + ": " + watch.frames.get() + " frames shown from a source sending another patient");
        }
    }

    /** Opens a second study of the slow community and lets the patient go while it streams. */
    private void cancelHalfWay(DuoImagingService service, DemoCatalogue catalogue, DemoPatient patient,
                               Map<String, TimelineEntry> entries, Network b, Map<String, Integer> cursor)
            throws InterruptedException {
        List<DemoStudy> studies = candidates(patient, b).stream().filter(s -> s.instanceCount() > 2).toList();
        if (studies.isEmpty()) {
            return;
        }
        TimelineEntry entry = entries.get(next(studies, cursor, "cancel" + patient.bsn().value() + b)
                .studyInstanceUid());
        if (entry == null) {
            return;
        }
        LoadWatch watch = open(service, catalogue, patient, entry);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watch.total == 0 && !watch.end.isDone() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // the manifest is in and the images are dripping in
        service.releasePatient(patient.bsn());
        watch.load.cancel();
        cancelled++;
    }

    // ------------------------------------------------------------------------------------------------ faults

    private static void queryFault(CommunityNode n, Fault fault) {
        FaultProfile f = n.faults();
        switch (fault) {
            case DOWN -> n.setDown(true);
            case SLOW_DRIP -> f.slowDrip(8 * 1024, Duration.ofMillis(4));
            case ERROR_ANSWERS -> f.errorRate(1.0, 7);
            case WRONG_PATIENT -> f.wrongPatient(true);
            case OVERSIZED -> f.oversized((int) ANSWER_CAP + (1 << 20));
            case HEALTHY, TRUNCATED -> { }
        }
    }

    private static void retrieveFault(CommunityNode n, Fault fault, String where) {
        FaultProfile f = n.faults();
        switch (fault) {
            case DOWN -> n.setDown(true);
            case SLOW_DRIP -> f.slowDrip(16 * 1024, Duration.ofMillis(2));
            case ERROR_ANSWERS -> f.errorRate(1.0, 11);
            // cut inside the first image, at a point that moves from round to round
            case TRUNCATED -> f.truncateImagesAfter(3000 + Math.floorMod(where.hashCode(), 6000));
            case WRONG_PATIENT -> f.wrongPatientImages(true);
            case OVERSIZED -> f.oversizedRetrieve((int) ANSWER_CAP + (1 << 20));
            case HEALTHY -> { }
        }
    }

    /** Every community healthy and up again; the counters keep counting. */
    private static void healthy(EmbeddedDuoNetwork net) {
        for (CommunityNode n : net.communities()) {
            n.faults().reset();
            if (n.isDown()) {
                n.setDown(false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The network's client configuration as IT would write it, with a tighter cap on answers (2 MiB). */
    private Path clientConfig(EmbeddedDuoNetwork net) throws IOException {
        Path file = net.writeClientConfig(dir.resolve("duoviewer.properties"));
        String text = Files.readString(file).replaceAll("(?m)^duo\\.limits\\.queryResponseBytes=.*$",
                "duo.limits.queryResponseBytes=" + ANSWER_CAP);
        Files.writeString(file, text);
        return file;
    }

    /** The patient's studies held by one institution of the network, smallest first, within the size limit. */
    private static List<DemoStudy> candidates(DemoPatient patient, Network n) {
        return patient.studies().stream()
                .filter(s -> !s.performanceStudy() && s.publications().size() == 1
                        && s.institution().network() == n && s.instanceCount() <= MAX_STUDY_IMAGES)
                .sorted(Comparator.comparingInt(DemoStudy::instanceCount).thenComparing(DemoStudy::studyInstanceUid))
                .toList();
    }

    private static DemoStudy next(List<DemoStudy> studies, Map<String, Integer> cursor, String key) {
        int i = cursor.merge(key, 1, Integer::sum) - 1;
        return studies.get(i % studies.size());
    }

    private TimelineSnapshot settled(Timeline timeline, Set<Network> localised, String where)
            throws InterruptedException {
        CompletableFuture<TimelineSnapshot> done = new CompletableFuture<>();
        Consumer<TimelineSnapshot> watch = s -> {
            boolean all = localised.stream().allMatch(n -> s.sources().stream().anyMatch(
                    x -> x.sourceId().equals(n.homeCommunityId()) && x.state() != SourceStatus.State.QUERYING));
            if (all) {
                done.complete(s);
            }
        };
        timeline.addListener(watch);
        watch.accept(timeline.snapshot());
        try {
            return done.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            problems.add(where + ": the timeline did not settle within 90 s: " + timeline.snapshot().sources());
            return null;
        } finally {
            timeline.removeListener(watch);
        }
    }

    private LoadWatch open(DuoImagingService service, DemoCatalogue catalogue, DemoPatient patient,
                           TimelineEntry entry) {
        LoadWatch watch = new LoadWatch(catalogue, patient, entry.studyInstanceUid());
        loads++;
        watch.load = service.openStudy(entry, watch);
        return watch;
    }

    /** Waits until no retrieval or query of the viewer is still running (cancelled work ends on its own). */
    private static void settle(ProcessProbe probe) {
        ProcessProbe.settle(30, () -> probe.virtualThreadNames().stream()
                .noneMatch(n -> n.startsWith("study-retrieval") || n.startsWith("duoviewer-timeline")));
    }

    /** Server-side retrieval requests per community and transaction, keyed as the audit counts them. */
    private static Map<String, Long> served(EmbeddedDuoNetwork net) {
        Map<String, Long> out = new TreeMap<>();
        for (CommunityNode n : net.communities()) {
            Counters c = n.counters();
            put(out, n.network().key() + " " + AuditRecords.Kind.DOCUMENT, c.get(Counters.Kind.DOCUMENT_RETRIEVE));
            put(out, n.network().key() + " " + AuditRecords.Kind.IMAGING, c.get(Counters.Kind.IMAGE_RETRIEVE));
            put(out, n.network().key() + " " + AuditRecords.Kind.WADO, c.get(Counters.Kind.WADO));
        }
        return out;
    }

    /** What {@code a} holds more of than {@code b}, as a multiset. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> left = new ArrayList<>(a);
        b.forEach(left::remove);
        return left;
    }

    private static void put(Map<String, Long> m, String k, long v) {
        if (v > 0) {
            m.put(k, v);
        }
    }

    /** A typed load failure as "Type: source", for the checks and the problem list. */
    static String describe(LoadFailure reason) {
        String source = switch (reason) {
            case LoadFailure.SourceUnreachable r -> r.source();
            case LoadFailure.TimedOut r -> r.source();
            case LoadFailure.ManifestUnusable r -> r.source();
            case LoadFailure.WrongPatient r -> r.source();
            case LoadFailure.WrongStudy r -> r.source();
            case LoadFailure.Incomplete r -> r.source();
            case LoadFailure.RetrievalFailed r -> r.source();
            case LoadFailure.ConsentRefused r -> "";
            case LoadFailure.NetworkUnavailable r -> "";
            case LoadFailure.DecodeFailed r -> "";
        };
        return reason.getClass().getSimpleName() + ": " + source;
    }

    /** One study load as the viewer would see it; checks every frame it is handed, keeps none. */
    private final class LoadWatch implements StudyLoadListener {
        final CompletableFuture<String> end = new CompletableFuture<>();
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        private final DemoCatalogue catalogue;
        private final DemoPatient patient;
        private final String studyUid;
        volatile StudyLoad load;
        volatile int total;

        LoadWatch(DemoCatalogue catalogue, DemoPatient patient, String studyUid) {
            this.catalogue = catalogue;
            this.patient = patient;
            this.studyUid = studyUid;
        }

        @Override
        public void frameDecoded(DecodedFrame frame) {
            frames.incrementAndGet();
            boolean own = frame.studyInstanceUid().equals(studyUid)
                    && catalogue.patientOfStudy(frame.studyInstanceUid()).map(p -> p.bsn().equals(patient.bsn()))
                    .orElse(false)
                    && catalogue.study(studyUid).flatMap(s -> s.series(frame.seriesInstanceUid())).isPresent();
            if (!own) {
                synchronized (problems) {
                    problems.add("a frame of study " + frame.studyInstanceUid() + " series "
                            + frame.seriesInstanceUid() + " was handed over for " + studyUid + " of "
                            + patient.bsn().masked());
                }
            }
        }

        @Override
        public void progress(int instancesDone, int instancesTotal) {
            total = instancesTotal;
            done.accumulateAndGet(instancesDone, Math::max);
        }

        @Override
        public void completed() {
            end.complete("");
        }

        @Override
        public void failed(LoadFailure reason) {
            end.complete(describe(reason));
        }

        /** The end: empty when complete, the user's message when failed. */
        String await(String where) throws InterruptedException {
            try {
                String e = end.get(120, TimeUnit.SECONDS);
                framesShown += frames.get();
                return e;
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                problems.add(where + ": a load of " + studyUid + " did not end within 120 s");
                load.cancel();
                return "(timed out)";
            }
        }
    }

    /** The viewer's own INFO lines (one per load and per timeline) stay out of the soak's output. */
    private record QuietLogs(List<java.util.logging.Logger> held, List<java.util.logging.Level> levels) {
        static QuietLogs apply() {
            List<java.util.logging.Logger> loggers = List.of(java.util.logging.Logger.getLogger("nl.duoviewer"));
            List<java.util.logging.Level> old = loggers.stream().map(java.util.logging.Logger::getLevel).toList();
            loggers.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
            return new QuietLogs(loggers, new ArrayList<>(old));
        }

        void restore() {
            for (int i = 0; i < held.size(); i++) {
                held.get(i).setLevel(levels.get(i));
            }
        }
    }
}
