package nl.duoviewer.audit.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the hospital's audit record repository listens (TLS syslog, RFC 5425) and how the viewer proves who it is.
 *
 * @param host               host name of the repository; its certificate must name it
 * @param port               TLS syslog port (6514 by convention)
 * @param trustStore         PKCS#12 file with the CA certificate(s) that the repository's certificate chains to
 * @param trustStorePassword its password; null when it has none
 * @param keyStore           PKCS#12 file with the workstation's client key and certificate; null when the repository
 *                           does not ask for one
 * @param keyStorePassword   its password (and the key's)
 * @param connectTimeout     how long connecting and the TLS handshake may take
 */
public record SyslogSettings(String host, int port, Path trustStore, char[] trustStorePassword, Path keyStore,
                             char[] keyStorePassword, Duration connectTimeout) {

    /** The IANA port of syslog over TLS. */
    public static final int DEFAULT_PORT = 6514;

    public SyslogSettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        Objects.requireNonNull(trustStore, "trustStore");
        if (keyStore != null) {
            Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    }

    /**
     * The TLS context: the repository is trusted when its chain ends at the trust store's CA; the client key, when
     * given, is offered for mutual authentication.
     *
     * @throws IOException naming the file that cannot be used
     */
    public SSLContext sslContext() throws IOException {
        try {
            KeyStore trust = load(trustStore, trustStorePassword);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                KeyStore keys = load(keyStore, keyStorePassword);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, keyStorePassword);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("the audit repository's TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return ks;
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "SyslogSettings[" + host + ":" + port + "]";
    }
}
