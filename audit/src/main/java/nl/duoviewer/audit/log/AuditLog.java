package nl.duoviewer.audit.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nl.duoviewer.audit.log.LogRecord.Kind;

/**
 * The local, append-only, hash-chained audit log: one {@link LogRecord} per line, each written and forced to disk
 * before {@link #append} returns. It is the one place on the workstation where a patient's full BSN is written, and
 * it doubles as the durable queue of the syslog forwarder (which remembers only how far it got).
 *
 * <p>Several viewer processes may append to the same log: each append holds an exclusive lock on {@code FILE.lock}
 * and re-reads the tail when the file grew behind its back, so the chain stays one chain. The folder and the file are
 * readable by their owner only.
 */
public final class AuditLog {

    /** Format marker in the first record. */
    static final String FORMAT = "duoviewer-audit-log/1";

    private final Path file;
    private final String logId;
    private long lastSeq;
    private String lastHash;
    private Kind lastKind = Kind.LOG;
    private long size;

    private AuditLog(Path file, String logId, long lastSeq, String lastHash, long size) {
        this.file = file;
        this.logId = logId;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
        this.size = size;
    }

    /**
     * Opens the log, creating it (and its folder, owner-only) with its first record when it does not exist yet.
     *
     * @param workstation named in the first record of a new log
     * @throws IOException when the file cannot be created or read, or does not start like an audit log
     */
    public static AuditLog open(Path file, String workstation, Instant now) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        AuditLog log;
        try (FileChannel lockChannel = lockChannel(file); FileLock _ = lockChannel.lock()) {
            if (!Files.exists(file) || Files.size(file) == 0) {
                createPrivateFile(file);
                String id = UUID.randomUUID().toString();
                log = new AuditLog(file, id, 0, LogRecord.GENESIS, 0);
                log.write(Kind.LOG, FORMAT + " id=" + id + " workstation=" + workstation, now);
            } else {
                String first = firstLine(file);
                LogRecord header;
                try {
                    header = LogRecord.parse(first);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " is not a DUO Viewer audit log: " + e.getMessage(), e);
                }
                String id = header.kind() == Kind.LOG ? field(header.content(), "id") : null;
                if (id == null || !header.content().startsWith(FORMAT)) {
                    throw new IOException(file + " is not a DUO Viewer audit log");
                }
                log = new AuditLog(file, id, 0, LogRecord.GENESIS, -1);
                log.refreshTail();
            }
        }
        return log;
    }

    /** The log's id, from its first record (the syslog PROCID of everything it sends). */
    public String logId() {
        return logId;
    }

    public Path file() {
        return file;
    }

    /** The sequence number of the last record written (by any process). */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** The kind of the last record written (by any process, as of the last append or open). */
    public synchronized Kind lastKind() {
        return lastKind;
    }

    /**
     * Appends an anchor naming the record before it ({@code seq=N hash=H}), under the same lock, so that it names the
     * true predecessor even when another process appended meanwhile.
     */
    public synchronized LogRecord appendAnchor(Instant time) throws IOException {
        try (FileChannel lockChannel = lockChannel(file); FileLock _ = lockChannel.lock()) {
            if (Files.size(file) != size) {
                refreshTail();
            }
            return write(Kind.ANCHOR, "seq=" + lastSeq + " hash=" + lastHash, time);
        }
    }

    /**
     * Appends a record and forces it to disk.
     *
     * @throws IOException when it could not be written; the chain is then unchanged
     */
    public synchronized LogRecord append(Kind kind, String payload, Instant time) throws IOException {
        Objects.requireNonNull(kind);
        if (kind != Kind.EVENT) {
            throw new IllegalArgumentException("LOG starts a new log; anchors go through appendAnchor");
        }
        try (FileChannel lockChannel = lockChannel(file); FileLock _ = lockChannel.lock()) {
            if (Files.size(file) != size) {
                refreshTail(); // another viewer process appended
            }
            return write(kind, payload, time);
        }
    }

    private LogRecord write(Kind kind, String payload, Instant time) throws IOException {
        LogRecord r = LogRecord.chained(lastHash, lastSeq + 1, time, kind, payload);
        byte[] bytes = (r.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
            size = ch.size();
        }
        lastSeq = r.seq();
        lastHash = r.hash();
        lastKind = r.kind();
        return r;
    }

    /** Reads the last complete record; a torn last line (a crash mid-write) is closed so the chain goes on after it. */
    private void refreshTail() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            if (end > 0 && !endsWithNewline(ch, end)) {
                ch.position(end);
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
                ch.force(false);
                end = ch.size();
            }
            String last = lastCompleteRecord(ch, end);
            LogRecord r = LogRecord.parse(last);
            lastSeq = r.seq();
            lastHash = r.hash();
            lastKind = r.kind();
            size = end;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the last record cannot be read (" + e.getMessage()
                    + "); run audit-verify on it", e);
        }
    }

    private static boolean endsWithNewline(FileChannel ch, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, end - 1);
        return one.get(0) == '\n';
    }

    /** The last line that parses as a record, searching back from the end in growing windows. */
    private static String lastCompleteRecord(FileChannel ch, long end) throws IOException {
        int window = 64 * 1024;
        while (true) {
            long start = Math.max(0, end - window);
            ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
            ch.read(buf, start);
            String text = new String(buf.array(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            for (int i = lines.length - 1; i >= (start == 0 ? 0 : 1); i--) {
                if (!lines[i].isEmpty()) {
                    try {
                        LogRecord.parse(lines[i]);
                        return lines[i];
                    } catch (IllegalArgumentException torn) {
                        // a torn line closed by refreshTail: the record before it is the last one
                    }
                }
            }
            if (start == 0) {
                throw new IllegalArgumentException("no record found");
            }
            window *= 4;
        }
    }

    /** A record and the byte offset just after its line, where the next read continues. */
    public record Positioned(LogRecord record, long end) {
    }

    /**
     * Up to {@code max} complete records starting at byte {@code offset} (0, or an {@link Positioned#end} seen
     * before). Lines that are not records (a torn write) are skipped.
     */
    public List<Positioned> readFrom(long offset, int max) throws IOException {
        List<Positioned> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            long pos = offset;
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int n;
            outer:
            while (pos < end && (n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    pos++;
                    if (buf[i] == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        try {
                            out.add(new Positioned(LogRecord.parse(text), pos));
                        } catch (IllegalArgumentException torn) {
                            continue;
                        }
                        if (out.size() >= max) {
                            break outer;
                        }
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
        }
        return out;
    }

    /** The byte offset just after the record with sequence number {@code seq} (0 for seq 0). */
    public long offsetAfter(long seq) throws IOException {
        if (seq <= 0) {
            return 0;
        }
        long offset = 0;
        while (true) {
            List<Positioned> batch = readFrom(offset, 1000);
            if (batch.isEmpty()) {
                return offset;
            }
            for (Positioned p : batch) {
                if (p.record().seq() >= seq) {
                    return p.end();
                }
            }
            offset = batch.getLast().end();
        }
    }

    static String field(String content, String name) {
        for (String part : content.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? "" : line;
        }
    }

    private static FileChannel lockChannel(Path file) throws IOException {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        if (!Files.exists(lock)) {
            createPrivateFile(lock);
        }
        return FileChannel.open(lock, StandardOpenOption.WRITE);
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (supportsPosix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    static void createPrivateFile(Path file) throws IOException {
        try {
            if (supportsPosix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process made it first
        }
    }

    private static boolean supportsPosix(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
