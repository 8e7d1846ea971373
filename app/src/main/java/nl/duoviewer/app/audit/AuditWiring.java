package nl.duoviewer.app.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.syslog.SyslogSettings;
import nl.duoviewer.xca.config.AuditConfig;
import nl.duoviewer.xca.config.DuoConfigFile;

/**
 * Where the workstation's audit trail goes: the {@code duo.audit.*} block of the configuration file in use (named by
 * {@code --config}, else the user's or the system's), or, for the demo network, a local log in the user's data
 * folder. The log folder is, in order: {@code duo.audit.log.folder},
 * the system property {@value #FOLDER_PROPERTY} (tests), {@code $XDG_DATA_HOME/duoviewer/audit} or
 * {@code ~/.local/share/duoviewer/audit}.
 */
public final class AuditWiring {

    /** System property that moves the default audit folder (the tests use a folder of the build). */
    public static final String FOLDER_PROPERTY = "duoviewer.auditDir";

    private AuditWiring() {
    }

    /**
     * The settings for a run with this configuration file (empty: the demo network).
     *
     * @throws nl.duoviewer.xca.config.ConfigException naming the file and key at fault
     */
    public static AuditSettings settings(Optional<Path> configFile) {
        AuditConfig c = configFile.map(DuoConfigFile::loadAudit).orElse(AuditConfig.DEFAULT);
        return settings(c);
    }

    /**
     * Checks the {@code duo.audit} block before a window opens, including that the repository's trust store and the
     * client key open with their passwords.
     *
     * @throws nl.duoviewer.xca.config.ConfigException naming the file and key at fault
     */
    public static void validate(Path configFile) {
        AuditSettings s = settings(Optional.of(configFile));
        if (s.repository().isPresent()) {
            try {
                s.repository().get().sslContext();
            } catch (java.io.IOException e) {
                throw new nl.duoviewer.xca.config.ConfigException(configFile + ": duo.audit.repository: "
                        + e.getMessage(), e);
            }
        }
    }

    static AuditSettings settings(AuditConfig c) {
        String override = System.getProperty(FOLDER_PROPERTY);
        Path folder = c.logFolder().orElseGet(() -> override != null && !override.isBlank() ? Path.of(override)
                : AuditSettings.defaultFolder());
        Optional<SyslogSettings> repo = c.repository().map(r -> new SyslogSettings(r.host(), r.port(),
                r.trustStore(), r.trustStorePassword(), r.keyStore(), r.keyStorePassword(), Duration.ofSeconds(10)));
        return new AuditSettings(folder.resolve(AuditSettings.LOG_FILE_NAME), repo, c.anchorEvery(),
                c.anchorInterval(), null);
    }
}
