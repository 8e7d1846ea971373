package nl.duoviewer.app.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one soak, written as Markdown to {@code target/soak/} (or where {@value #DIR_PROPERTY} says) rather
 * than to the test output, which stays quiet. {@code benchmarks/soak.sh} prints them; docs/soak.md publishes them.
 */
public final class SoakReport {

    static final String DIR_PROPERTY = "duoviewer.soakReportDir";

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    public SoakReport(String name) {
        String dir = System.getProperty(DIR_PROPERTY);
        Path base = dir == null || dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "duoviewer-soak")
                : Path.of(dir);
        this.file = base.resolve(name + ".md");
    }

    public SoakReport line(String s) {
        lines.add(s);
        return this;
    }

    /** A Markdown table of samples. */
    public SoakReport samples(List<ProcessProbe.Sample> samples) {
        lines.add("| point | platform threads | virtual threads | thread containers | open fds | sockets "
                + "| live heap MB |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        for (ProcessProbe.Sample s : samples) {
            lines.add("| " + s.tsv().replace("\t", " | ") + " |");
        }
        return this;
    }

    /** Writes what was collected so far (also when the soak fails, so the figures show where). */
    public Path write() {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
