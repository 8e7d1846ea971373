package nl.duoviewer.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.duoviewer.bench.e2e.BenchStudies.BenchStudy;
import nl.duoviewer.bench.inputs.VolumeInputs;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.SeriesOutcome;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.retrieve.InstanceConsumer;

/**
 * Gets the benchmark studies ready, untimed by the measurements: retrieves each study once over WADO-RS and once over
 * RAD-75 from the embedded demo network on the benchmark's cache, so every image the runs will ask for is rendered
 * and encoded before any clock starts (the demo network renders on first request). The WADO-RS copy is kept, one
 * Part-10 file per instance in arrival order, for the peer (Orthanc is loaded with exactly these bytes), and a 16 x 16
 * image is written for measuring the peer decoder's start-up, and the same frames regrouped per series
 * ({@link SeriesVolumes}) for timing the peer decoder on a whole study.
 *
 * <p>Writes {@code studies.tsv} (what each study is) and {@code prepare.tsv} (how long each retrieval took: long the
 * first time, when it renders; short once the cache holds the study).
 *
 * <pre>PrepareStudies --cache DIR --out DIR</pre>
 */
public final class PrepareStudies {

    private static final long TIMEOUT_SECONDS = 1800;

    private PrepareStudies() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Quiet.logging();
        Path cache = Path.of(a.required("cache"));
        Path out = Files.createDirectories(Path.of(a.required("out")));
        List<BenchStudy> studies = BenchStudies.select(BenchStudies.catalogue());
        List<String> prepared = new ArrayList<>();
        List<String> described = new ArrayList<>();
        prepared.add("study\tpath\tseconds\tinstances\tbytes");
        described.add("study\tuid\tdescription\tinstitution\tnetwork\tseries\tinstances\ttransfer_syntax\tbytes"
                + "\tfirst_series\tfirst_instance\tfirst_file");
        try (EmbeddedDuoNetwork net = EmbeddedDuoNetwork.start(EmbeddedDuoNetwork.Options.demo(cache)
                .withWorkDir(cache.resolve("keys-prepare")))) {
            DuoClientConfig wado = net.clientConfig();
            DuoClientConfig rad75 = withoutWado(wado);
            for (BenchStudy s : studies) {
                Path dir = out.resolve("peer-data").resolve(s.label());
                Export export = new Export(dir);
                long t0 = System.nanoTime();
                StudyRetrievalResult r = retrieve(wado, s, export);
                prepared.add(row(s.label(), "WADO-RS", t0, export.count.get(), export.bytes.get()));
                requireVia(r, "WADO-RS", s);
                Counter counter = new Counter();
                t0 = System.nanoTime();
                r = retrieve(rad75, s, counter);
                prepared.add(row(s.label(), "RAD-75", t0, counter.count.get(), counter.bytes.get()));
                requireVia(r, "RAD-75", s);
                int frames = SeriesVolumes.write(dir, out.resolve("peer-volumes").resolve(s.label()));
                if (frames != export.count.get()) {
                    throw new IllegalStateException(s.label() + ": " + frames + " frames regrouped from "
                            + export.count.get() + " instances");
                }
                Path first = dir.resolve(Export.name(1));
                DicomFile f = DicomReader.read(first);
                DemoSeries firstSeries = s.study().series().getFirst();
                described.add(String.join("\t", s.label(), s.uid(), s.study().description(),
                        s.study().institution().name(), s.study().institution().network().displayName(),
                        String.valueOf(s.study().series().size()), String.valueOf(export.count.get()),
                        f.transferSyntax().uid(), String.valueOf(export.bytes.get()),
                        firstSeries.seriesInstanceUid(), f.sopInstanceUid(), first.toString()));
                System.out.printf(Locale.ROOT, "  %-8s %4d images, %6.1f MB, %s%n", s.label(), export.count.get(),
                        export.bytes.get() / 1e6, f.transferSyntax().uid());
            }
        }
        VolumeInputs.write(out.resolve("startup"), 2, VolumeInputs.DEFAULT_TINY);
        Files.write(out.resolve("prepare.tsv"), prepared, StandardCharsets.UTF_8);
        Files.write(out.resolve("studies.tsv"), described, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static StudyRetrievalResult retrieve(DuoClientConfig config, BenchStudy s, InstanceConsumer consumer)
            throws Exception {
        try (DuoClient client = DuoClient.open(config)) {
            TimelineSnapshot timeline = client.queryTimeline(CatalogueGenerator.SHOWCASE_PATIENT).completion()
                    .get(120, TimeUnit.SECONDS);
            TimelineEntry entry = timeline.entries().stream()
                    .filter(e -> e.studyInstanceUid().equals(s.uid())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(s.label() + " is not on the timeline"));
            StudyRetrievalResult r = client.retrieveStudy(entry.patient(), entry, consumer).result()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!r.complete()) {
                throw new IllegalStateException(s.label() + ": " + r.missing().size() + " instances missing");
            }
            return r;
        }
    }

    private static void requireVia(StudyRetrievalResult r, String via, BenchStudy s) {
        for (SeriesOutcome o : r.series()) {
            if (!o.via().equals(via)) {
                throw new IllegalStateException(s.label() + ": series " + o.seriesInstanceUid() + " came via "
                        + o.via() + ", not " + via);
            }
        }
    }

    private static DuoClientConfig withoutWado(DuoClientConfig c) {
        List<CommunityEndpoint> endpoints = c.communities().stream().map(e -> new CommunityEndpoint(e.id(),
                e.displayName(), e.homeCommunityId(), e.queryEndpoint(), e.retrieveEndpoint(), e.imagingEndpoint(),
                null, e.timeout())).toList();
        return new DuoClientConfig(c.actorPosition(), endpoints, c.mitz(), c.organisation(), c.identity(),
                c.keystore(), c.trust(), c.samlIssuer(), c.transferSyntaxes(), c.queryRetries(), c.maxQuerySplits(),
                c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
    }

    private static String row(String label, String path, long t0, int count, long bytes) {
        return String.format(Locale.ROOT, "%s\t%s\t%.1f\t%d\t%d", label, path, (System.nanoTime() - t0) / 1e9,
                count, bytes);
    }

    /** Counts what arrives and throws the bytes away. */
    private static class Counter implements InstanceConsumer {
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void accept(nl.duoviewer.xca.retrieve.RetrievedInstance instance, java.io.InputStream data)
                throws IOException {
            bytes.addAndGet(data.transferTo(OutputStream.nullOutputStream()));
            count.incrementAndGet();
        }
    }

    /** Writes each instance to its own file, numbered in arrival order, replacing an earlier export. */
    private static final class Export extends Counter {
        private final Path dir;

        Export(Path dir) throws IOException {
            this.dir = dir;
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".dcm")).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        }

        static String name(int n) {
            return String.format(Locale.ROOT, "%05d.dcm", n);
        }

        @Override
        public void accept(nl.duoviewer.xca.retrieve.RetrievedInstance instance, java.io.InputStream data)
                throws IOException {
            int n = count.incrementAndGet();
            bytes.addAndGet(Files.copy(data, dir.resolve(name(n))));
        }
    }
}
