package nl.duoviewer.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the end-to-end run's {@code raw.tsv} (one value per line: run, target, path, study, phase, metric, value)
 * into medians ({@code results.tsv}) and the Markdown tables of {@code table.md}. The values of one phase (cold, warm,
 * hot, peer) from every run are pooled; each median is over all of them. Ratios are ours / peer, below 1 meaning we are faster.
 *
 * <pre>E2eReport --raw FILE --studies FILE --header FILE --out DIR [--no-peer-reason TEXT]</pre>
 */
public final class E2eReport {

    private record Key(String target, String path, String study, String phase, String metric) {
    }

    private final Map<Key, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, String[]> studies = new LinkedHashMap<>();
    private final List<String> out = new ArrayList<>();

    private E2eReport() {
    }

    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args);
        E2eReport r = new E2eReport();
        r.read(Path.of(a.required("raw")), Path.of(a.required("studies")));
        Path dir = Path.of(a.required("out"));
        r.writeResults(dir.resolve("results.tsv"));
        r.tables(a.get("no-peer-reason", ""));
        Files.write(dir.resolve("table.md"), r.out, StandardCharsets.UTF_8);
    }

    private void read(Path raw, Path studyFile) throws IOException {
        for (String line : Files.readAllLines(raw, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length != 7 || f[0].equals("run")) {
                continue;
            }
            try {
                double v = Double.parseDouble(f[6]);
                values.computeIfAbsent(new Key(f[1], f[2], f[3], f[4], f[5]), k -> new ArrayList<>()).add(v);
            } catch (NumberFormatException e) {
                // not a number: ignored
            }
        }
        for (String line : Files.readAllLines(studyFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (!f[0].equals("study")) {
                studies.put(f[0], f);
            }
        }
    }

    private void writeResults(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("target\tpath\tstudy\tphase\tmetric\tmedian\tmin\tmax\tn");
        List<Key> keys = values.keySet().stream().sorted(Comparator.comparing(Key::study).thenComparing(Key::target)
                .thenComparing(Key::path).thenComparing(Key::phase).thenComparing(Key::metric)).toList();
        for (Key k : keys) {
            List<Double> v = values.get(k);
            lines.add(String.join("\t", k.target(), k.path(), k.study(), k.phase(), k.metric(),
                    num(median(v)), num(v.stream().mapToDouble(d -> d).min().orElse(Double.NaN)),
                    num(v.stream().mapToDouble(d -> d).max().orElse(Double.NaN)), String.valueOf(v.size())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------- tables

    private void tables(String noPeer) {
        timeline();
        if (noPeer.isBlank()) {
            firstImage();
            allImages();
        } else {
            out.add("Peer: " + noPeer + ".");
            out.add("");
        }
        ours();
        memory();
        failures();
    }

    private void timeline() {
        out.add("Timeline of the showcase patient (Mitz localisation, then ITI-38 to the localised communities in "
                + "parallel), ms:");
        out.add("");
        out.add("| | cold (first query in a new process) | warm (new client, same process) "
                + "| hot (same client, patient released and asked again) |");
        out.add("|---|---:|---:|---:|");
        row("client ready (configuration, signing key, SOAP ports)", "connect_ms");
        row("request -> first entry on the timeline", "first_entry_ms");
        row("request -> all communities settled", "settled_ms");
        row("entries", "entries");
        out.add("");
    }

    private void row(String what, String metric) {
        out.add("| " + what + " | " + ms(get("embedded", "XCA", "timeline", "cold", metric)) + " | "
                + ms(get("embedded", "XCA", "timeline", "warm", metric)) + " | "
                + ms(get("embedded", "XCA", "timeline", "hot", metric)) + " |");
    }

    /** The studies this run measured (a run with --only leaves the others out). */
    private List<String> measured() {
        return studies.keySet().stream()
                .filter(s -> values.keySet().stream().anyMatch(k -> k.study().equals(s))).toList();
    }

    private void firstImage() {
        out.add("First image, against Orthanc (same server, same bytes; ours = the viewer's pipeline, whose time "
                + "also holds the consent check and the ITI-39 manifest from the embedded network), ms:");
        out.add("");
        out.add("| study | peer: first instance (curl) | peer: dcmtk decode (start-up subtracted) | peer first image "
                + "| ours, hot | ours/peer | ours: of which manifest (hot) | ours, warm | ours, cold |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String s : measured()) {
            double peer = get("orthanc", "curl+dcmtk", s, "peer", "first_image_ms");
            double hot = get("orthanc", "WADO-RS", s, "hot", "first_image_ms");
            out.add("| " + s + " | " + ms(get("orthanc", "curl+dcmtk", s, "peer", "first_instance_ms")) + " | "
                    + ms(get("orthanc", "curl+dcmtk", s, "peer", "first_decode_ms")) + " | " + ms(peer) + " | "
                    + ms(hot) + " | " + ratio(hot, peer) + " | "
                    + ms(get("orthanc", "WADO-RS", s, "hot", "manifest_ms")) + " | "
                    + ms(get("orthanc", "WADO-RS", s, "warm", "first_image_ms")) + " | "
                    + ms(get("orthanc", "WADO-RS", s, "cold", "first_image_ms")) + " |");
        }
        out.add("");
    }

    private void allImages() {
        out.add("All images, against Orthanc, ms (peer ideal = max(all bytes, dcmtk decode of every instance / 2): "
                + "download and decoding overlapped perfectly on two cores; serial = all bytes, then decode):");
        out.add("");
        out.add("| study | images | MB | peer: first byte | peer: all bytes | peer: decode all (1 core) "
                + "| peer ideal | peer serial | ours, hot | ours/ideal | ours/serial | ours, warm | ours, cold |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String s : measured()) {
            String[] study = studies.get(s);
            double ideal = get("orthanc", "curl+dcmtk", s, "peer", "all_images_ideal_ms");
            double serial = get("orthanc", "curl+dcmtk", s, "peer", "all_images_serial_ms");
            double hot = get("orthanc", "WADO-RS", s, "hot", "all_images_ms");
            out.add("| " + s + " | " + study[6] + " | "
                    + String.format(Locale.ROOT, "%.1f", Double.parseDouble(study[8]) / 1e6) + " | "
                    + ms(get("orthanc", "curl+dcmtk", s, "peer", "study_ttfb_ms")) + " | "
                    + ms(get("orthanc", "curl+dcmtk", s, "peer", "all_bytes_ms")) + " | "
                    + ms(get("orthanc", "curl+dcmtk", s, "peer", "decode_all_ms")) + " | " + ms(ideal) + " | "
                    + ms(serial) + " | " + ms(hot) + " | " + ratio(hot, ideal) + " | " + ratio(hot, serial)
                    + " | " + ms(get("orthanc", "WADO-RS", s, "warm", "all_images_ms")) + " | "
                    + ms(get("orthanc", "WADO-RS", s, "cold", "all_images_ms")) + " |");
        }
        out.add("");
    }

    private void ours() {
        out.add("Ours on the embedded DUO network (consent, ITI-39 manifest, then RAD-75 or WADO-RS; no peer speaks "
                + "XCA-I, so no ratio) and on Orthanc for comparison, ms (cold / warm / hot):");
        out.add("");
        out.add("| study | source | path | manifest, hot | first image, cold / warm / hot "
                + "| all images, cold / warm / hot | images/s, hot |");
        out.add("|---|---|---|---:|---:|---:|---:|");
        for (String s : measured()) {
            for (String[] tp : List.of(new String[] {"embedded", "RAD-75"}, new String[] {"embedded", "WADO-RS"},
                    new String[] {"orthanc", "WADO-RS"})) {
                double all = get(tp[0], tp[1], s, "hot", "all_images_ms");
                if (Double.isNaN(get(tp[0], tp[1], s, "cold", "all_images_ms")) && Double.isNaN(all)) {
                    continue;
                }
                double frames = get(tp[0], tp[1], s, "hot", "frames");
                out.add("| " + s + " | " + (tp[0].equals("embedded") ? "embedded network" : "Orthanc") + " | "
                        + tp[1] + " | " + ms(get(tp[0], tp[1], s, "hot", "manifest_ms")) + " | "
                        + phases(tp, s, "first_image_ms") + " | " + phases(tp, s, "all_images_ms") + " | "
                        + (Double.isNaN(all) || all <= 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", frames / (all / 1000))) + " |");
            }
        }
        out.add("");
    }

    private String phases(String[] tp, String study, String metric) {
        return ms(get(tp[0], tp[1], study, "cold", metric)) + " / " + ms(get(tp[0], tp[1], study, "warm", metric))
                + " / " + ms(get(tp[0], tp[1], study, "hot", metric));
    }

    private void memory() {
        out.add("Memory of the client process (the viewer's pipeline only; the servers run in other processes), "
                + "first load in a new JVM with the heap ./run gives the viewer (half the physical memory); MB:");
        out.add("");
        out.add("| study | source / path | heap before | heap peak during the load | live heap holding the study "
                + "| per image (KB) | process peak RSS (VmHWM) |");
        out.add("|---|---|---:|---:|---:|---:|---:|");
        for (String s : measured()) {
            for (String[] tp : List.of(new String[] {"embedded", "RAD-75"}, new String[] {"embedded", "WADO-RS"},
                    new String[] {"orthanc", "WADO-RS"})) {
                double before = get(tp[0], tp[1], s, "cold", "heap_before_mb");
                if (Double.isNaN(before)) {
                    continue;
                }
                double live = get(tp[0], tp[1], s, "cold", "heap_live_mb");
                double frames = get(tp[0], tp[1], s, "cold", "frames");
                out.add("| " + s + " | " + (tp[0].equals("embedded") ? "embedded" : "Orthanc") + " " + tp[1] + " | "
                        + mb(before) + " | " + mb(get(tp[0], tp[1], s, "cold", "heap_peak_mb")) + " | " + mb(live)
                        + " | " + (frames > 0 ? String.format(Locale.ROOT, "%.0f", (live - before) * 1024 / frames)
                        : "n/a") + " | " + mb(get(tp[0], tp[1], s, "cold", "rss_peak_mb")) + " |");
            }
        }
        out.add("");
    }

    private void failures() {
        int failed = 0;
        for (Map.Entry<Key, List<Double>> e : values.entrySet()) {
            if (e.getKey().metric().equals("failed") || e.getKey().metric().equals("decode_failures")) {
                failed += (int) e.getValue().stream().mapToDouble(d -> d).sum();
            }
        }
        out.add(failed == 0 ? "Every load completed with all its images decoded; every peer decode succeeded."
                : "FAILURES: " + failed + " (loads that did not complete, or peer decodes that failed; see raw.tsv "
                + "and e2e.log).");
    }

    // ------------------------------------------------------------------------------------------------- numbers

    private double get(String target, String path, String study, String phase, String metric) {
        List<Double> v = values.get(new Key(target, path, study, phase, metric));
        return v == null || v.isEmpty() ? Double.NaN : median(v);
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().filter(d -> d >= 0).sorted().toList();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(double ours, double peer) {
        return Double.isNaN(ours) || Double.isNaN(peer) || peer <= 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", ours / peer);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
