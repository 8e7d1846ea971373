package nl.duoviewer.audit.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLContext;

import nl.duoviewer.audit.log.AuditLog;

/**
 * Delivers the local audit log to the audit repository, in order, on one background thread. The log is the durable
 * queue: the forwarder only remembers (in {@code FILE.sent}) up to which record delivery is confirmed, and after any
 * failure, or a restart of the viewer, it sends again from there. So nothing is lost while the repository is down;
 * what was written in the last moments before a connection broke may arrive twice, with the same log id and
 * sequence number.
 *
 * <p>Confirmation: syslog has no acknowledgement, so records count as delivered when, after writing them and
 * waiting {@link #SETTLE}, the connection is still open (the repository has read them without closing). Only one
 * viewer process on a workstation forwards a given log at a time ({@code FILE.forwarder.lock}).
 */
public final class SyslogForwarder implements AutoCloseable {

    /** How long after the last write a connection must stay open before what was written counts as delivered. */
    static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(SyslogForwarder.class.getName());

    private final AuditLog log;
    private final SyslogSettings settings;
    private final String hostname;
    private final Path cursorFile;
    private final Path forwarderLock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long confirmed;
    private volatile boolean connected;
    private boolean signalled;

    public SyslogForwarder(AuditLog log, SyslogSettings settings, String hostname) {
        this.log = log;
        this.settings = settings;
        this.hostname = hostname;
        this.cursorFile = log.file().resolveSibling(log.file().getFileName() + ".sent");
        this.forwarderLock = log.file().resolveSibling(log.file().getFileName() + ".forwarder.lock");
        this.thread = Thread.ofPlatform().daemon().name("duoviewer-audit-syslog").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Tells the forwarder that records were appended. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The last record whose delivery is confirmed. */
    public long confirmed() {
        return confirmed;
    }

    /** True while a connection to the repository is open. */
    public boolean connected() {
        return connected;
    }

    /**
     * Stops after delivering what it can within {@code grace}; what is left is sent by the next viewer started on
     * this log.
     */
    public void close(Duration grace) {
        deadlineNanos = System.nanoTime() + grace.toNanos();
        stopping = true;
        wake();
        try {
            thread.join(grace.plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }

    private void run() {
        try (FileChannel ch = FileChannel.open(forwarderLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = null;
            while (held == null && !stopping) {
                held = ch.tryLock(); // another viewer on this workstation forwards the same log meanwhile
                if (held == null) {
                    await(Duration.ofSeconds(5));
                }
            }
            if (held != null) {
                try (FileLock _ = held) {
                    forward();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit forwarding stopped: {0}", e.toString());
        }
    }

    private void forward() throws IOException {
        SSLContext ctx = settings.sslContext();
        long done = readCursor();
        confirmed = done;
        long doneOffset = log.offsetAfter(done);
        long sent = done;
        long sentOffset = doneOffset;
        long lastWrite = 0;
        Duration backoff = Duration.ofSeconds(1);
        TlsSyslogConnection conn = null;
        try {
            while (!stopping || (log.lastSeq() > done && System.nanoTime() < deadlineNanos)) {
                if (conn == null) {
                    try {
                        conn = TlsSyslogConnection.open(ctx, settings);
                        connected = true;
                        backoff = Duration.ofSeconds(1);
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "Audit repository {0} unreachable: {1}", settings,
                                e.toString());
                        if (stopping) {
                            break;
                        }
                        await(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
                        continue;
                    }
                }
                List<AuditLog.Positioned> batch = log.readFrom(sentOffset, 200);
                if (!batch.isEmpty()) {
                    try {
                        for (AuditLog.Positioned p : batch) {
                            conn.write(SyslogFrame.of(p.record(), log.logId(), hostname));
                            sent = p.record().seq();
                            sentOffset = p.end();
                        }
                        lastWrite = System.nanoTime();
                    } catch (IOException e) {
                        conn = drop(conn);
                        sent = done;
                        sentOffset = doneOffset;
                    }
                    continue;
                }
                if (sent > done) {
                    long wait = lastWrite + SETTLE.toNanos() - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait);
                    }
                    if (conn.alive()) {
                        done = sent;
                        doneOffset = sentOffset;
                        writeCursor(done);
                        confirmed = done;
                    } else {
                        conn = drop(conn); // the repository went away: send again what it may not have read
                        sent = done;
                        sentOffset = doneOffset;
                    }
                    continue;
                }
                if (stopping) {
                    break;
                }
                if (!await(Duration.ofSeconds(2)) && !conn.alive()) {
                    conn = drop(conn); // idle and gone: reconnect before the next record is written into a void
                }
            }
        } finally {
            if (conn != null) {
                conn.close();
            }
            connected = false;
        }
    }

    private TlsSyslogConnection drop(TlsSyslogConnection conn) {
        conn.close();
        connected = false;
        return null;
    }

    /** Waits for a wake-up or the timeout; true when woken. */
    private boolean await(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!signalled && !stopping && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            boolean woken = signalled;
            signalled = false;
            return woken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long readCursor() throws IOException {
        if (!Files.exists(cursorFile)) {
            return 0;
        }
        String[] f = Files.readString(cursorFile, StandardCharsets.UTF_8).strip().split(" ");
        if (f.length != 2 || !f[0].equals(log.logId())) {
            return 0; // another log was here before: send this one from its start
        }
        try {
            return Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void writeCursor(long seq) throws IOException {
        Path tmp = cursorFile.resolveSibling(cursorFile.getFileName() + ".tmp");
        Files.writeString(tmp, log.logId() + " " + seq + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, cursorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, cursorFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
