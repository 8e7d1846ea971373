package nl.duoviewer.xca.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes the deployment's network configuration, a {@link Properties} file that IT maintains.
 *
 * <p>Keys (durations are ISO-8601 like {@code PT30S} or plain seconds; sizes are bytes):
 * <pre>
 * duo.actor                          INITIATING_GATEWAY (ITI-38/39, RAD-75) | BEHIND_LOCAL_GATEWAY (ITI-18/43, RAD-69)
 * duo.communities                    comma-separated community keys, e.g. founda,enovation,alphatron
 * duo.community.KEY.name             display name
 * duo.community.KEY.homeCommunityId  urn:oid:...
 * duo.community.KEY.query            ITI-38 / ITI-18 endpoint URL
 * duo.community.KEY.retrieve         ITI-39 / ITI-43 endpoint URL
 * duo.community.KEY.imaging          RAD-75 / RAD-69 endpoint URL
 * duo.community.KEY.wado             WADO-RS base URL (optional)
 * duo.community.KEY.timeout          per-request timeout (default PT30S)
 * duo.mitz.open                      Mitz open question (ITI-56) endpoint
 * duo.mitz.closed                    Mitz closed question (XACML) endpoint
 * duo.mitz.askClosedQuestion         true | false (default true)
 * duo.mitz.audience                  SAML audience for Mitz (default urn:oid:2.16.840.1.113883.2.4.3.111.2.1)
 * duo.mitz.dataCategory              data category asked for (default GGC002)
 * duo.mitz.timeout                   default PT10S
 * duo.mitz.decisionCacheTtl          how long a Permit is reused (default PT30S; nothing else is ever reused)
 * duo.requester.ura                  URA of the requesting organisation
 * duo.requester.uzi                  UZI number of the user
 * duo.requester.role                 UZI role code, e.g. 01.015
 * duo.requester.purposeOfUse         TREAT | COC (default TREAT)
 * duo.requester.organisationName     display name
 * duo.requester.facilityType         organisation type code, e.g. V4 (optional)
 * duo.keystore.path                  PKCS#12 file; relative paths are resolved against the config file's folder
 * duo.keystore.password              keystore (and key) password
 * duo.keystore.alias                 alias of the signing key
 * duo.saml.issuer                    SAML Issuer (default urn:oid:2.16.528.1.1007.3.3.URA)
 * duo.retrieve.transferSyntaxes      comma-separated UIDs offered in RAD-69/75, most preferred first
 * duo.query.retries                  automatic retries per community (default 1)
 * duo.query.maxSplits                extra queries spent narrowing after XDSTooManyResults (default 32)
 * duo.limits.queryResponseBytes      default 33554432
 * duo.limits.documentBytes           default 67108864
 * duo.limits.instanceBytes           default 1073741824
 * </pre>
 *
 * <p>The hospital's own PACS as a timeline source (decision records 29 and 30; the whole block is optional, and
 * without {@code duo.local.qidoBase} no other {@code duo.local} key may be set):
 * <pre>
 * duo.local.qidoBase                 QIDO-RS base URL of the hospital's PACS (its DICOMweb root, e.g.
 *                                    https://pacs.ziekenhuis.nl/dicom-web)
 * duo.local.wadoBase                 WADO-RS base URL (default: the QIDO-RS base)
 * duo.local.name                     the source's name on screen (default PACS)
 * duo.local.patientIdMode            BSN (Patient ID is the BSN; default) | LOCAL (Patient ID is the hospital's own
 *                                    number under duo.local.issuer, the BSN in Other Patient IDs)
 * duo.local.issuer                   Issuer of Patient ID the PACS files the number under (required with LOCAL;
 *                                    with BSN, studies naming another issuer are dropped as another patient's)
 * duo.local.timeout                  per-request timeout (default PT30S)
 * duo.local.trustStore               PKCS#12 with the CA certificate(s) of the PACS (default: the JDK's trust)
 * duo.local.trustStorePassword       env:NAME (optional)
 * duo.local.keyStore                 PKCS#12 with the workstation's TLS client key, for mTLS (optional)
 * duo.local.keyStorePassword         env:NAME (required with keyStore)
 * </pre>
 * The own institution's URA on screen and in the audit trail is {@code duo.requester.ura} when the file has one.
 *
 * <p>The audit trail ({@link #loadAudit}; every key optional):
 * <pre>
 * duo.audit.log.folder                     folder of the local hash-chained audit log (default
 *                                          $XDG_DATA_HOME/duoviewer/audit, else ~/.local/share/duoviewer/audit)
 * duo.audit.anchor.every                   records between anchors (default 100)
 * duo.audit.anchor.interval                longest time between anchors while records are added (default PT15M)
 * duo.audit.repository.host                the hospital's audit record repository (TLS syslog, RFC 5425); without it
 *                                          events stay in the local log only
 * duo.audit.repository.port                default 6514
 * duo.audit.repository.trustStore          PKCS#12 with the CA certificate(s) of the repository (required with host)
 * duo.audit.repository.trustStorePassword  env:NAME, the environment variable holding it (optional)
 * duo.audit.repository.keyStore            PKCS#12 with the workstation's TLS client key (optional)
 * duo.audit.repository.keyStorePassword    env:NAME (required with keyStore)
 * </pre>
 * Passwords of the audit block are never written in the file: {@code env:NAME} names the environment variable that
 * holds one.
 *
 * <p>Consent and launch (decision records 12 to 14):
 * <pre>
 * duo.mitz.localisationTtl           how long Mitz's open answer is used before it is asked again (default PT10M)
 * duo.community.KEY.consent          MITZ (default) | TEMPORARY_CONSENT (the TLB pilot's 28-day consent, which the
 *                                    community reports with its ITI-38 answer)
 * duo.launch.tokenSha256             hex SHA-256 of the token an EHR puts in duoviewer:// links (token=...) to switch
 *                                    an open patient without asking the user (optional; see {@link LaunchSettings})
 * </pre>
 *
 * <p>SMART on FHIR launch (decision records 23 and 24), in the same file, read by the app's {@code SmartSettingsFile}
 * into {@code nl.duoviewer.launch.smart.SmartSettings} (module ehr-launch, which this module does not see):
 * <pre>
 * duo.launch.smart.clientId          the viewer's client_id, registered at the EHR (public client, PKCE)
 * duo.launch.smart.issuers           comma-separated FHIR base URLs (iss) launches are accepted from; without it SMART
 *                                    launches are refused
 * duo.launch.smart.trustEhrIdentity  true | false (default false): the EHR user's UZI number and role become the
 *                                    requester identity
 * duo.launch.smart.timeout           how long the user may take to sign in (default PT5M)
 * </pre>
 * A link that carries the launch token switches an open patient without asking, a SMART launch included; the token
 * never replaces the trusted-issuer check. Every error names the file and the key.
 */
public final class DuoConfigFile {

    private final Properties props;
    private final String source;
    private final Path baseDir;

    private DuoConfigFile(Properties props, String source, Path baseDir) {
        this.props = props;
        this.source = source;
        this.baseDir = baseDir;
    }

    /** Loads and validates a configuration file. */
    public static DuoClientConfig load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read network configuration " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Malformed network configuration " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new DuoConfigFile(p, file.toString(), dir).parse();
    }

    /** Parses properties already in memory; {@code source} is used in messages, relative paths resolve to baseDir. */
    public static DuoClientConfig parse(Properties properties, String source, Path baseDir) {
        return new DuoConfigFile(properties, source, baseDir).parse();
    }

    private DuoClientConfig parse() {
        ActorPosition actor = enumValue("duo.actor", ActorPosition.class, ActorPosition.INITIATING_GATEWAY);
        List<CommunityEndpoint> communities = new ArrayList<>();
        String keys = required("duo.communities");
        for (String key : keys.split(",")) {
            String k = key.strip();
            if (k.isEmpty()) {
                continue;
            }
            if (!k.matches("[A-Za-z0-9_-]+")) {
                throw error("duo.communities", "community key '" + k + "' may only hold letters, digits, - and _");
            }
            communities.add(community(k));
        }
        if (communities.isEmpty()) {
            throw error("duo.communities", "no community listed");
        }
        MitzSettings mitz = new MitzSettings(uri("duo.mitz.open"), uri("duo.mitz.closed"),
                bool("duo.mitz.askClosedQuestion", true),
                optional("duo.mitz.audience", MitzSettings.DEFAULT_AUDIENCE),
                optional("duo.mitz.dataCategory", "GGC002"),
                duration("duo.mitz.timeout", Duration.ofSeconds(10)),
                duration("duo.mitz.decisionCacheTtl", MitzSettings.DEFAULT_DECISION_CACHE_TTL),
                duration("duo.mitz.localisationTtl", MitzSettings.DEFAULT_LOCALISATION_TTL));
        RequesterIdentity requester = new RequesterIdentity(digits("duo.requester.ura"), digits("duo.requester.uzi"),
                required("duo.requester.role"), optional("duo.requester.purposeOfUse", "TREAT"),
                optional("duo.requester.organisationName", ""), optional("duo.requester.facilityType", ""));
        Path ks = Path.of(required("duo.keystore.path"));
        if (!ks.isAbsolute() && baseDir != null) {
            ks = baseDir.resolve(ks);
        }
        KeystoreSettings keystore = new KeystoreSettings(ks, required("duo.keystore.password").toCharArray(),
                required("duo.keystore.alias"));
        List<String> syntaxes = DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES;
        String ts = props.getProperty("duo.retrieve.transferSyntaxes");
        if (ts != null && !ts.isBlank()) {
            syntaxes = Arrays.stream(ts.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (String uid : syntaxes) {
                if (!uid.matches("[0-9]+(\\.[0-9]+)*")) {
                    throw error("duo.retrieve.transferSyntaxes", "'" + uid + "' is not a UID");
                }
            }
        }
        launchSettings(props, source); // a bad launch key ends the start too, naming file and key
        try {
            return new DuoClientConfig(actor, communities, mitz, requester, keystore,
                    props.getProperty("duo.saml.issuer"), syntaxes,
                    integer("duo.query.retries", 1, 0, 10), integer("duo.query.maxSplits", 32, 0, 256),
                    size("duo.limits.queryResponseBytes", 32L << 20), size("duo.limits.documentBytes", 64L << 20),
                    size("duo.limits.instanceBytes", 1L << 30));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    /** Loads the {@code duo.audit.*} block of a configuration file (see the class comment). */
    public static AuditConfig loadAudit(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read network configuration " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Malformed network configuration " + file + ": " + e.getMessage(), e);
        }
        return parseAudit(p, file.toString(), file.toAbsolutePath().getParent(), System::getenv);
    }

    /** Parses the {@code duo.audit.*} block; {@code env} resolves {@code env:NAME} secrets. */
    public static AuditConfig parseAudit(Properties properties, String source, Path baseDir,
                                         java.util.function.UnaryOperator<String> env) {
        return new DuoConfigFile(properties, source, baseDir).audit(env);
    }

    private AuditConfig audit(java.util.function.UnaryOperator<String> env) {
        String folder = props.getProperty("duo.audit.log.folder");
        java.util.Optional<Path> logFolder = folder == null || folder.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(file("duo.audit.log.folder"));
        int every = integer("duo.audit.anchor.every", AuditConfig.DEFAULT_ANCHOR_EVERY, 1, 1_000_000);
        Duration interval = duration("duo.audit.anchor.interval", AuditConfig.DEFAULT_ANCHOR_INTERVAL);
        String host = props.getProperty("duo.audit.repository.host");
        if (host == null || host.isBlank()) {
            for (String k : props.stringPropertyNames()) {
                if (k.startsWith("duo.audit.repository.")) {
                    throw error("duo.audit.repository.host", "missing (" + k + " is set)");
                }
            }
            return new AuditConfig(logFolder, every, interval, java.util.Optional.empty());
        }
        host = host.strip();
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw error("duo.audit.repository.host", "not a host name: '" + host + "'");
        }
        int port = integer("duo.audit.repository.port", AuditConfig.DEFAULT_PORT, 1, 65535);
        Path trust = existingFile("duo.audit.repository.trustStore");
        char[] trustPassword = props.getProperty("duo.audit.repository.trustStorePassword") == null ? null
                : secret("duo.audit.repository.trustStorePassword", env);
        Path keys = null;
        char[] keyPassword = null;
        if (props.getProperty("duo.audit.repository.keyStore") != null) {
            keys = existingFile("duo.audit.repository.keyStore");
            keyPassword = secret("duo.audit.repository.keyStorePassword", env);
        }
        return new AuditConfig(logFolder, every, interval, java.util.Optional.of(
                new AuditConfig.Repository(host, port, trust, trustPassword, keys, keyPassword)));
    }

    /** Loads the {@code duo.local.*} block of a configuration file; empty when the hospital's PACS is not configured. */
    public static java.util.Optional<LocalPacsSettings> loadLocal(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Malformed configuration " + file + ": " + e.getMessage(), e);
        }
        return parseLocal(p, file.toString(), file.toAbsolutePath().getParent(), System::getenv);
    }

    /** Parses the {@code duo.local.*} block; {@code env} resolves {@code env:NAME} secrets. */
    public static java.util.Optional<LocalPacsSettings> parseLocal(Properties properties, String source, Path baseDir,
                                                                  java.util.function.UnaryOperator<String> env) {
        return new DuoConfigFile(properties, source, baseDir).local(env);
    }

    private static final java.util.Set<String> LOCAL_KEYS = java.util.Set.of("duo.local.qidoBase",
            "duo.local.wadoBase", "duo.local.name", "duo.local.patientIdMode", "duo.local.issuer",
            "duo.local.timeout", "duo.local.trustStore", "duo.local.trustStorePassword", "duo.local.keyStore",
            "duo.local.keyStorePassword");

    private java.util.Optional<LocalPacsSettings> local(java.util.function.UnaryOperator<String> env) {
        for (String k : new java.util.TreeSet<>(props.stringPropertyNames())) {
            if (k.startsWith("duo.local.") && !LOCAL_KEYS.contains(k)) {
                throw error(k, "unknown key (the duo.local block knows " + new java.util.TreeSet<>(LOCAL_KEYS) + ")");
            }
        }
        String qido = props.getProperty("duo.local.qidoBase");
        if (qido == null || qido.isBlank()) {
            for (String k : new java.util.TreeSet<>(props.stringPropertyNames())) {
                if (k.startsWith("duo.local.")) {
                    throw error("duo.local.qidoBase", "missing (" + k + " is set)");
                }
            }
            return java.util.Optional.empty();
        }
        URI qidoBase = uri("duo.local.qidoBase");
        String wado = props.getProperty("duo.local.wadoBase");
        URI wadoBase = wado == null || wado.isBlank() ? qidoBase : uri("duo.local.wadoBase");
        LocalPacsSettings.PatientIdMode mode = enumValue("duo.local.patientIdMode",
                LocalPacsSettings.PatientIdMode.class, LocalPacsSettings.PatientIdMode.BSN);
        String issuer = optional("duo.local.issuer", "");
        if (mode == LocalPacsSettings.PatientIdMode.LOCAL && issuer.isEmpty()) {
            throw error("duo.local.issuer", "missing (patientIdMode LOCAL files studies under the hospital's own "
                    + "number, which needs its issuer)");
        }
        if (issuer.length() > 64 || issuer.chars().anyMatch(ch -> ch < 0x20 || ch == '\\')) {
            throw error("duo.local.issuer", "not an Issuer of Patient ID (LO, at most 64 characters, no backslash)");
        }
        Path trust = null;
        char[] trustPassword = null;
        if (props.getProperty("duo.local.trustStore") != null) {
            trust = existingFile("duo.local.trustStore");
            trustPassword = props.getProperty("duo.local.trustStorePassword") == null ? null
                    : secret("duo.local.trustStorePassword", env);
        } else if (props.getProperty("duo.local.trustStorePassword") != null) {
            throw error("duo.local.trustStore", "missing (duo.local.trustStorePassword is set)");
        }
        Path keys = null;
        char[] keyPassword = null;
        if (props.getProperty("duo.local.keyStore") != null) {
            keys = existingFile("duo.local.keyStore");
            keyPassword = secret("duo.local.keyStorePassword", env);
        } else if (props.getProperty("duo.local.keyStorePassword") != null) {
            throw error("duo.local.keyStore", "missing (duo.local.keyStorePassword is set)");
        }
        String ura = props.getProperty("duo.requester.ura", "").strip();
        return java.util.Optional.of(new LocalPacsSettings(optional("duo.local.name", "PACS"),
                ura.matches("[0-9]{1,20}") ? ura : "", qidoBase, wadoBase, mode, issuer,
                duration("duo.local.timeout", LocalPacsSettings.DEFAULT_TIMEOUT), trust, trustPassword, keys,
                keyPassword));
    }

    /** A path; relative paths are resolved against the configuration file's folder. */
    private Path file(String key) {
        try {
            Path p = Path.of(required(key));
            return !p.isAbsolute() && baseDir != null ? baseDir.resolve(p) : p;
        } catch (java.nio.file.InvalidPathException e) {
            throw error(key, "not a file name: " + e.getMessage());
        }
    }

    private Path existingFile(String key) {
        Path p = file(key);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw error(key, "file not found or not readable: " + p);
        }
        return p;
    }

    /** A secret given as {@code env:NAME}: the value of that environment variable; plain text is refused. */
    private char[] secret(String key, java.util.function.UnaryOperator<String> env) {
        String v = required(key);
        if (!v.startsWith("env:") || !v.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error(key, "must name an environment variable as env:NAME (a password is not written in the "
                    + "file)");
        }
        String value = env.apply(v.substring(4));
        if (value == null || value.isEmpty()) {
            throw error(key, "environment variable " + v.substring(4) + " is not set");
        }
        return value.toCharArray();
    }

    // ---- launch settings (decision record 14): read apart, so a file without network keys can still carry them ----

    /** The launch settings of a configuration file; a missing file or key means {@link LaunchSettings#NONE}. */
    public static LaunchSettings launchSettings(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Malformed configuration " + file + ": " + e.getMessage(), e);
        }
        return launchSettings(p, file.toString());
    }

    /** The launch settings of properties already in memory; {@code source} is used in messages. */
    public static LaunchSettings launchSettings(Properties properties, String source) {
        String hex = properties.getProperty("duo.launch.tokenSha256");
        if (hex == null || hex.isBlank()) {
            return LaunchSettings.NONE;
        }
        String h = hex.strip();
        if (!h.matches("[0-9a-fA-F]{64}")) {
            // the value itself is not repeated: it is the digest of a secret
            throw new ConfigException(source + ": key 'duo.launch.tokenSha256': expected 64 hex digits (SHA-256)");
        }
        return LaunchSettings.withTokenDigest(java.util.HexFormat.of().parseHex(h));
    }

    private CommunityEndpoint community(String k) {
        String prefix = "duo.community." + k + ".";
        String hcid = required(prefix + "homeCommunityId");
        if (!hcid.matches("urn:oid:[0-9]+(\\.[0-9]+)*")) {
            throw error(prefix + "homeCommunityId", "expected urn:oid:<OID>, got '" + hcid + "'");
        }
        String wado = props.getProperty(prefix + "wado");
        return new CommunityEndpoint(k, optional(prefix + "name", k), hcid, uri(prefix + "query"),
                uri(prefix + "retrieve"), uri(prefix + "imaging"),
                wado == null || wado.isBlank() ? null : uri(prefix + "wado"),
                duration(prefix + "timeout", Duration.ofSeconds(30)),
                enumValue(prefix + "consent", ConsentMode.class, ConsentMode.MITZ));
    }

    private ConfigException error(String key, String what) {
        return new ConfigException(source + ": key '" + key + "': " + what);
    }

    private String required(String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw error(key, "missing");
        }
        return v.strip();
    }

    private String optional(String key, String fallback) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private String digits(String key) {
        String v = required(key);
        if (!v.matches("[0-9]{1,20}")) {
            throw error(key, "expected digits, got '" + v + "'");
        }
        return v;
    }

    private URI uri(String key) {
        String v = required(key);
        try {
            URI u = new URI(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw error(key, "expected an http(s) URL, got '" + v + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw error(key, "not a URL: " + e.getMessage());
        }
    }

    private boolean bool(String key, boolean fallback) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(key, "expected true or false, got '" + v.strip() + "'");
        };
    }

    private Duration duration(String key, Duration fallback) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String s = v.strip();
        Duration d;
        try {
            d = s.matches("[0-9]+") ? Duration.ofSeconds(Long.parseLong(s)) : Duration.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw error(key, "expected a duration like PT30S or a number of seconds, got '" + s + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw error(key, "must be positive");
        }
        return d;
    }

    private int integer(String key, int fallback, int min, int max) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw error(key, "must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, got '" + v.strip() + "'");
        }
    }

    private long size(String key, long fallback) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long l = Long.parseLong(v.strip());
            if (l <= 0) {
                throw error(key, "must be positive");
            }
            return l;
        } catch (NumberFormatException e) {
            throw error(key, "expected a number of bytes, got '" + v.strip() + "'");
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw error(key, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + v.strip() + "'");
        }
    }

    /** The properties that {@link #load(Path)} reads back into an equal configuration. */
    public static Properties toProperties(DuoClientConfig c) {
        Properties p = new Properties();
        p.setProperty("duo.actor", c.actorPosition().name());
        p.setProperty("duo.communities", String.join(",", c.communities().stream().map(CommunityEndpoint::id).toList()));
        for (CommunityEndpoint e : c.communities()) {
            String prefix = "duo.community." + e.id() + ".";
            p.setProperty(prefix + "name", e.displayName());
            p.setProperty(prefix + "homeCommunityId", e.homeCommunityId());
            p.setProperty(prefix + "query", e.queryEndpoint().toString());
            p.setProperty(prefix + "retrieve", e.retrieveEndpoint().toString());
            p.setProperty(prefix + "imaging", e.imagingEndpoint().toString());
            if (e.wadoBase() != null) {
                p.setProperty(prefix + "wado", e.wadoBase().toString());
            }
            p.setProperty(prefix + "timeout", e.timeout().toString());
            p.setProperty(prefix + "consent", e.consent().name());
        }
        MitzSettings m = c.mitz();
        p.setProperty("duo.mitz.open", m.openQuestionEndpoint().toString());
        p.setProperty("duo.mitz.closed", m.closedQuestionEndpoint().toString());
        p.setProperty("duo.mitz.askClosedQuestion", Boolean.toString(m.askClosedQuestion()));
        p.setProperty("duo.mitz.audience", m.audience());
        p.setProperty("duo.mitz.dataCategory", m.dataCategory());
        p.setProperty("duo.mitz.timeout", m.timeout().toString());
        p.setProperty("duo.mitz.decisionCacheTtl", m.decisionCacheTtl().toString());
        p.setProperty("duo.mitz.localisationTtl", m.localisationTtl().toString());
        RequesterIdentity r = c.requester();
        p.setProperty("duo.requester.ura", r.ura());
        p.setProperty("duo.requester.uzi", r.uziNumber());
        p.setProperty("duo.requester.role", r.roleCode());
        p.setProperty("duo.requester.purposeOfUse", r.purposeOfUse());
        p.setProperty("duo.requester.organisationName", r.organisationName());
        p.setProperty("duo.requester.facilityType", r.facilityTypeCode());
        p.setProperty("duo.keystore.path", c.keystore().path().toString());
        p.setProperty("duo.keystore.password", new String(c.keystore().password()));
        p.setProperty("duo.keystore.alias", c.keystore().alias());
        p.setProperty("duo.saml.issuer", c.samlIssuer());
        p.setProperty("duo.retrieve.transferSyntaxes", String.join(",", c.transferSyntaxes()));
        p.setProperty("duo.query.retries", Integer.toString(c.queryRetries()));
        p.setProperty("duo.query.maxSplits", Integer.toString(c.maxQuerySplits()));
        p.setProperty("duo.limits.queryResponseBytes", Long.toString(c.maxQueryResponseBytes()));
        p.setProperty("duo.limits.documentBytes", Long.toString(c.maxDocumentBytes()));
        p.setProperty("duo.limits.instanceBytes", Long.toString(c.maxInstanceBytes()));
        return p;
    }

    /** Writes the configuration as a sorted, commented properties file. */
    public static void write(DuoClientConfig c, Path file, String comment) throws IOException {
        Properties p = toProperties(c);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# DUO network configuration");
            w.write(System.lineSeparator());
            if (comment != null && !comment.isBlank()) {
                for (String line : comment.split("\\R")) {
                    w.write("# " + line + System.lineSeparator());
                }
            }
            // Properties.store would escape ':' and reorder keys; a sorted plain listing is easier for IT to read
            for (var e : new TreeMap<>(p).entrySet()) {
                w.write(escape(e.getKey().toString(), true) + "=" + escape(e.getValue().toString(), false));
                w.write(System.lineSeparator());
            }
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        b.append('\\');
                    }
                    b.append(ch);
                }
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
