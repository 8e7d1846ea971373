package nl.duoviewer.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import nl.duoviewer.audit.atna.AtnaMessages;
import nl.duoviewer.audit.event.AccessEvent;
import nl.duoviewer.audit.log.AuditLog;
import nl.duoviewer.audit.log.LogRecord;
import nl.duoviewer.audit.syslog.SyslogForwarder;

/**
 * The workstation's audit trail: every {@link AccessEvent} becomes a DICOM audit message, appended to the local
 * hash-chained {@link AuditLog} (forced to disk before {@link #record} returns) and, when a repository is configured,
 * delivered to it over TLS syslog by the {@link SyslogForwarder}. Anchors (the chain hash, also sent to the
 * repository) are written every {@code anchorEvery} records, every {@code anchorInterval} when records were added,
 * when the trail opens on a log whose last record is not an anchor, and when it closes.
 *
 * <p>Recording never throws at the user's work: a record that cannot be written is counted in {@link #failures()}
 * and logged.
 */
public final class AuditTrail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());

    private final AuditSettings settings;
    private final Clock clock;
    private final AuditLog log;
    private final AtnaMessages messages;
    private final SyslogForwarder forwarder;
    private final ScheduledExecutorService timer;
    private final AtomicLong failures = new AtomicLong();
    private long lastAnchorSeq;
    private boolean closed;

    private AuditTrail(AuditSettings settings, Clock clock, AuditLog log) {
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.messages = new AtnaMessages(settings.workstation(), Long.toString(ProcessHandle.current().pid()));
        this.forwarder = settings.repository().map(r -> new SyslogForwarder(log, r, settings.workstation()))
                .orElse(null);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("duoviewer-audit-anchor").factory());
    }

    /**
     * Opens (or creates) the local log and starts delivery.
     *
     * @throws IOException when the local log cannot be opened or created
     */
    public static AuditTrail open(AuditSettings settings, Clock clock) throws IOException {
        AuditLog log = AuditLog.open(settings.logFile(), settings.workstation(), clock.instant());
        AuditTrail t = new AuditTrail(settings, clock, log);
        t.start();
        return t;
    }

    private void start() throws IOException {
        // a log left by a crash (or by an older viewer) gets its tail sealed before anything new is added
        if (log.lastKind() == LogRecord.Kind.EVENT) {
            anchor();
        } else {
            lastAnchorSeq = log.lastSeq();
        }
        if (forwarder != null) {
            forwarder.start();
        }
        long period = settings.anchorInterval().toMillis();
        timer.scheduleAtFixedRate(this::anchorIfRecordsAdded, period, period, TimeUnit.MILLISECONDS);
    }

    /** Records one event; returns once it is on disk (delivery to the repository follows in the background). */
    public void record(AccessEvent event) {
        try {
            String xml = messages.toXml(event);
            synchronized (this) {
                if (closed) {
                    throw new IOException("the audit trail is closed");
                }
                log.append(LogRecord.Kind.EVENT, xml, event.time());
                if (log.lastSeq() - lastAnchorSeq >= settings.anchorEvery()) {
                    anchor();
                }
            }
            if (forwarder != null) {
                forwarder.wake();
            }
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "An audit event could not be recorded ({0}): {1}", event,
                    e.toString());
        }
    }

    /** Writes an anchor now when records were added since the last one. */
    public synchronized void anchorIfRecordsAdded() {
        if (!closed && log.lastSeq() > lastAnchorSeq) {
            try {
                anchor();
            } catch (IOException e) {
                failures.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "An audit anchor could not be written: {0}", e.toString());
            }
            if (forwarder != null) {
                forwarder.wake();
            }
        }
    }

    private void anchor() throws IOException {
        lastAnchorSeq = log.appendAnchor(clock.instant()).seq();
    }

    /** Events that could not be written. */
    public long failures() {
        return failures.get();
    }

    public AuditLog log() {
        return log;
    }

    public AuditSettings settings() {
        return settings;
    }

    /** The repository delivery, when one is configured. */
    public Optional<SyslogForwarder> forwarder() {
        return Optional.ofNullable(forwarder);
    }

    /** Writes a last anchor and gives delivery a few seconds to finish. */
    @Override
    public void close() {
        anchorIfRecordsAdded();
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
        if (forwarder != null) {
            forwarder.close(Duration.ofSeconds(3));
        }
    }

    /** When the clock says it is: events made by callers carry their own time. */
    public Instant now() {
        return clock.instant();
    }
}
