package nl.duoviewer.xca.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The viewer's own access log: one tab-separated line per event appended to a local file. Patient numbers arrive
 * masked. Write failures are counted (see {@link #failures()}) rather than thrown at the user's work.
 */
public final class LocalAccessLog implements AuditSink {

    private final Path file;
    private final AtomicLong failures = new AtomicLong();

    public LocalAccessLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(AuditEvent e) {
        String line = String.join("\t", e.time().toString(), clean(e.transaction()), clean(e.patient()),
                clean(e.target()), clean(e.outcome()), clean(e.detail())) + System.lineSeparator();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(line);
        } catch (IOException ex) {
            failures.incrementAndGet();
        }
    }

    /** How many events could not be written. */
    public long failures() {
        return failures.get();
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
