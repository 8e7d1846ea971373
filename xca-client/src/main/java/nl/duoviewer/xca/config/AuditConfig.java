package nl.duoviewer.xca.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code duo.audit.*} block of the configuration file: where the workstation keeps its local audit log and
 * which audit record repository (TLS syslog, RFC 5425) receives the ATNA messages. The application turns it into the
 * audit module's settings.
 *
 * @param logFolder      folder of the local hash-chained log; empty for the user's data folder
 * @param anchorEvery    records between anchors
 * @param anchorInterval longest time between anchors while records are added
 * @param repository     the audit record repository; empty to keep the local log only
 */
public record AuditConfig(Optional<Path> logFolder, int anchorEvery, Duration anchorInterval,
                          Optional<Repository> repository) {

    public static final int DEFAULT_ANCHOR_EVERY = 100;
    public static final Duration DEFAULT_ANCHOR_INTERVAL = Duration.ofMinutes(15);
    public static final int DEFAULT_PORT = 6514;

    /** The defaults: local log in the user's data folder, no repository. */
    public static final AuditConfig DEFAULT = new AuditConfig(Optional.empty(), DEFAULT_ANCHOR_EVERY,
            DEFAULT_ANCHOR_INTERVAL, Optional.empty());

    /**
     * The audit record repository and the workstation's TLS identity towards it.
     *
     * @param host               host name (the repository's certificate must name it)
     * @param port               TLS syslog port
     * @param trustStore         PKCS#12 with the CA certificate(s) of the repository
     * @param trustStorePassword its password, from the environment; null when it has none
     * @param keyStore           PKCS#12 with the workstation's client key; null when the repository asks for none
     * @param keyStorePassword   its password, from the environment
     */
    public record Repository(String host, int port, Path trustStore, char[] trustStorePassword, Path keyStore,
                             char[] keyStorePassword) {

        /** Never the passwords. */
        @Override
        public String toString() {
            return "Repository[" + host + ":" + port + "]";
        }
    }
}
