package nl.duoviewer.launch.smart;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * How this deployment takes SMART launches: the viewer's client_id at the EHR, the EHR FHIR servers ({@code iss}) it
 * accepts launches from, and whether the EHR's signed-in user becomes the requester identity.
 *
 * <p>Keys in the deployment's configuration file:
 * <pre>
 * duo.launch.smart.clientId           the viewer's client_id, registered at the EHR (public client, PKCE)
 * duo.launch.smart.issuers            comma-separated FHIR base URLs (iss) launches are accepted from; without
 *                                     it SMART launches are refused
 * duo.launch.smart.trustEhrIdentity   true | false (default false): the EHR user's UZI number and role become the
 *                                     requester identity (asks the extra scopes user/Practitioner.read and
 *                                     user/PractitionerRole.read; a launch whose user lacks either is refused)
 * duo.launch.smart.timeout            how long the user may take to sign in (default PT5M)
 * </pre>
 *
 * @param clientId             the registered client_id
 * @param trustedIssuers       accepted {@code iss} values, without trailing slash
 * @param trustEhrIdentity     whether the EHR vouches for the requester (see {@link EhrRequester})
 * @param authorizationTimeout the longest wait for the browser to come back
 */
public record SmartSettings(String clientId, Set<URI> trustedIssuers, boolean trustEhrIdentity,
                            Duration authorizationTimeout) {

    public static final String PREFIX = "duo.launch.smart.";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public SmartSettings {
        clientId = clientId == null ? "" : clientId.strip();
        Set<URI> normalised = new LinkedHashSet<>();
        for (URI u : trustedIssuers == null ? Set.<URI>of() : trustedIssuers) {
            normalised.add(normalise(u));
        }
        trustedIssuers = Set.copyOf(normalised);
        authorizationTimeout = authorizationTimeout == null ? DEFAULT_TIMEOUT : authorizationTimeout;
        if (!trustedIssuers.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a client_id is needed to accept SMART launches");
        }
    }

    /** No SMART launches accepted. */
    public static SmartSettings disabled() {
        return new SmartSettings("", Set.of(), false, DEFAULT_TIMEOUT);
    }

    /**
     * Reads the {@value #PREFIX}* keys. Absent keys mean SMART is off.
     *
     * @throws IllegalArgumentException naming the source and the key at fault
     */
    public static SmartSettings fromProperties(Properties p, String source) {
        Objects.requireNonNull(p);
        String issuers = p.getProperty(PREFIX + "issuers", "").strip();
        Set<URI> trusted = new LinkedHashSet<>();
        for (String s : issuers.isEmpty() ? new String[0] : issuers.split(",")) {
            try {
                URI u = new URI(s.strip());
                if (!u.isAbsolute() || u.getHost() == null
                        || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()) && isLoopback(u))) {
                    throw new URISyntaxException(s, "not an https URL (http only on 127.0.0.1)");
                }
                trusted.add(u);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(source + ": " + PREFIX + "issuers: '" + s.strip()
                        + "' is not usable: " + e.getReason());
            }
        }
        String trust = p.getProperty(PREFIX + "trustEhrIdentity", "false").strip();
        if (!trust.equals("true") && !trust.equals("false")) {
            throw new IllegalArgumentException(source + ": " + PREFIX + "trustEhrIdentity must be true or false");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String t = p.getProperty(PREFIX + "timeout");
        if (t != null) {
            try {
                timeout = t.strip().startsWith("P") ? Duration.parse(t.strip())
                        : Duration.ofSeconds(Long.parseLong(t.strip()));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + PREFIX + "timeout must be a duration, e.g. PT5M");
            }
        }
        String clientId = p.getProperty(PREFIX + "clientId", "").strip();
        if (!trusted.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + PREFIX + "clientId is required with " + PREFIX
                    + "issuers");
        }
        return new SmartSettings(clientId, trusted, Boolean.parseBoolean(trust), timeout);
    }

    /** True when SMART launches can be accepted at all. */
    public boolean enabled() {
        return !trustedIssuers.isEmpty();
    }

    /** True when launches from this {@code iss} are accepted. */
    public boolean trusts(URI iss) {
        return iss != null && trustedIssuers.contains(normalise(iss));
    }

    static URI normalise(URI u) {
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    static boolean isLoopback(URI u) {
        String h = u.getHost();
        return "127.0.0.1".equals(h) || "localhost".equals(h) || "[::1]".equals(h);
    }
}
