package nl.duoviewer.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.audit.syslog.SyslogSettings;

/**
 * How the audit trail is kept on this workstation.
 *
 * @param logFile        the local hash-chained log (the one place a patient's full BSN is on disk)
 * @param repository     the hospital's audit record repository (TLS syslog); empty to keep the local log only
 * @param anchorEvery    write an anchor after this many records
 * @param anchorInterval ... or when this much time has passed since the last one and records were added
 * @param workstation    the host name recorded as the workstation in every event
 */
public record AuditSettings(Path logFile, Optional<SyslogSettings> repository, int anchorEvery,
                            Duration anchorInterval, String workstation) {

    public static final int DEFAULT_ANCHOR_EVERY = 100;
    public static final Duration DEFAULT_ANCHOR_INTERVAL = Duration.ofMinutes(15);
    /** File name of the log in its folder. */
    public static final String LOG_FILE_NAME = "audit.log";

    public AuditSettings {
        Objects.requireNonNull(logFile, "logFile");
        repository = repository == null ? Optional.empty() : repository;
        if (anchorEvery < 1) {
            throw new IllegalArgumentException("anchorEvery must be at least 1");
        }
        Objects.requireNonNull(anchorInterval, "anchorInterval");
        if (anchorInterval.isNegative() || anchorInterval.isZero()) {
            throw new IllegalArgumentException("anchorInterval must be positive");
        }
        workstation = workstation == null || workstation.isBlank() ? localHostName() : workstation;
    }

    /** A local log in {@code folder} only, anchored by default, on this host. */
    public static AuditSettings localOnly(Path folder) {
        return new AuditSettings(folder.resolve(LOG_FILE_NAME), Optional.empty(), DEFAULT_ANCHOR_EVERY,
                DEFAULT_ANCHOR_INTERVAL, null);
    }

    /** The user's data folder for the log: {@code $XDG_DATA_HOME/duoviewer/audit}, else ~/.local/share/... */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("duoviewer").resolve("audit");
    }

    /** This computer's host name, the workstation of every event. */
    public static String localHostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }
}
