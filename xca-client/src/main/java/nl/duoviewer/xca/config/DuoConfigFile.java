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

import nl.duoviewer.xca.identity.IdentitySource;

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
 * duo.mitz.decisionCacheTtl         how long a Permit is reused (default PT30S; nothing else is ever reused)
 * duo.requester.ura                 URA of the requesting organisation
 * duo.requester.purposeOfUse        TREAT | COC (default TREAT)
 * duo.requester.organisationName    display name
 * duo.requester.facilityType        organisation type code, e.g. V4 (optional)
 * duo.identity.sources              who the user is, in order: UZI_PAS (the user's card), EHR_LAUNCH (the EHR that
 *                                   launched the viewer says so; only where the deployment trusts it), DEMO (a
 *                                   labelled demo user; only for endpoints on this computer). Default UZI_PAS.
 * duo.identity.uzipas.library       PKCS#11 module of the card reader middleware
 * duo.identity.uzipas.slot          slot ID (optional; default: duo.identity.uzipas.slotListIndex, default 0)
 * duo.identity.uzipas.slotListIndex position in the slot list
 * duo.identity.uzipas.trustStore    UZI-register CA certificates (PEM) the card's certificate must chain to
 * duo.keystore.type                 PKCS12 (default) | PKCS11 (an HSM)
 * duo.keystore.path                 PKCS#12 file (PKCS12)
 * duo.keystore.pkcs11.library       PKCS#11 module (PKCS11); .slot / .slotListIndex as for the UZI-pas
 * duo.keystore.password             env:VARIABLE | prompt  (never the password itself)
 * duo.keystore.alias                alias of the organisation key (TLS client certificate, SAML signature)
 * duo.tls.truststore                CA certificates trusted for servers: PEM/DER, or PKCS#12/JKS
 * duo.tls.truststore.password       env:VARIABLE | prompt, for a PKCS#12/JKS trust store (optional)
 * duo.tls.revocation                NONE | OCSP (default) | CRL
 * duo.tls.crls                      comma-separated CRL files for CRL (optional)
 * duo.tls.ocspResponder             OCSP responder overriding the certificates' own (optional)
 * duo.tls.allowLoopbackHttp         true allows http:// to 127.0.0.1/localhost only (default false)
 * duo.mitz.signingCertificate       certificate whose signature every Mitz answer must carry (optional)
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
 * duo.launch.smart.timeout           how long the user may take to sign in (default PT5M)
 * </pre>
 * Whether the EHR's user (UZI number and role) becomes the requester is {@code EHR_LAUNCH} in
 * {@code duo.identity.sources}, not a SMART key. A link that carries the launch token switches an open patient without asking, a SMART launch included; the token
 * never replaces the trusted-issuer check.
 *
 * Relative paths are resolved against the file's folder. Every endpoint must be https (a plain http endpoint on
 * another computer is refused whatever the file says). Every error names the file and the key.
 */
public final class DuoConfigFile {

    private final Properties props;
    private final String source;
    private final Path baseDir;
    /** Every endpoint read, by key, so that the scheme rule can name the key. */
    private final java.util.Map<String, URI> endpoints = new java.util.LinkedHashMap<>();

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
        for (String key : List.of("duo.requester.uzi", "duo.requester.role")) {
            if (props.getProperty(key) != null) {
                throw error(key, "the user is no longer configured: the UZI number and role come from the user's "
                        + "UZI-pas or from the EHR launch (see duo.identity.sources); remove this key");
            }
        }
        OrganisationIdentity organisation = new OrganisationIdentity(digits("duo.requester.ura"),
                optional("duo.requester.organisationName", ""), optional("duo.requester.facilityType", ""),
                optional("duo.requester.purposeOfUse", "TREAT"));
        IdentitySettings identity = identity();
        KeystoreSettings keystore = keystore();
        TrustSettings trust = trust();
        for (java.util.Map.Entry<String, URI> e : endpoints.entrySet()) {
            checkScheme(e.getKey(), e.getValue(), trust.allowLoopbackHttp());
            if (identity.allows(IdentitySource.DEMO) && !isLoopback(e.getValue())) {
                throw error("duo.identity.sources", "the DEMO user may only be used with endpoints on this computer, "
                        + "but " + e.getKey() + " is " + e.getValue());
            }
        }
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
            return new DuoClientConfig(actor, communities, mitz, organisation, identity, keystore, trust,
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

    /** An endpoint URL; its scheme is checked once the TLS settings are known. */
    private URI uri(String key) {
        URI u = url(key);
        endpoints.put(key, u);
        return u;
    }

    private URI url(String key) {
        String v = required(key);
        try {
            URI u = new URI(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw error(key, "expected an https URL, got '" + v + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw error(key, "not a URL: " + e.getMessage());
        }
    }

    private void checkScheme(String key, URI u, boolean allowLoopbackHttp) {
        if ("https".equals(u.getScheme())) {
            return;
        }
        if (!isLoopback(u)) {
            throw error(key, "plain http to another computer is not allowed (no TLS, no server check, the user's "
                    + "identity readable on the wire); use https, got '" + u + "'");
        }
        if (!allowLoopbackHttp) {
            throw error(key, "plain http is not allowed; use https (http to this computer only with "
                    + "duo.tls.allowLoopbackHttp=true), got '" + u + "'");
        }
    }

    /** True for 127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer. */
    static boolean isLoopback(URI u) {
        String host = u.getHost();
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.matches("127(\\.[0-9]{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private IdentitySettings identity() {
        List<IdentitySource> sources = new ArrayList<>();
        String v = optional("duo.identity.sources", IdentitySource.UZI_PAS.name());
        for (String part : v.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                IdentitySource source = IdentitySource.valueOf(name);
                if (!sources.contains(source)) {
                    sources.add(source);
                }
            } catch (IllegalArgumentException e) {
                throw error("duo.identity.sources", "expected UZI_PAS, EHR_LAUNCH or DEMO, got '" + name + "'");
            }
        }
        if (sources.isEmpty()) {
            throw error("duo.identity.sources", "no identity source listed");
        }
        Pkcs11Settings card = null;
        Path cardTrust = null;
        if (sources.contains(IdentitySource.UZI_PAS)) {
            card = pkcs11("duo.identity.uzipas.");
            cardTrust = existingFile("duo.identity.uzipas.trustStore");
        }
        return new IdentitySettings(sources, card, cardTrust);
    }

    private Pkcs11Settings pkcs11(String prefix) {
        Path library = path(prefix + "library");
        String slot = props.getProperty(prefix + "slot");
        Long slotId = null;
        if (slot != null && !slot.isBlank()) {
            try {
                slotId = Long.parseLong(slot.strip());
            } catch (NumberFormatException e) {
                throw error(prefix + "slot", "expected a slot number, got '" + slot.strip() + "'");
            }
        }
        return new Pkcs11Settings(library, slotId, integer(prefix + "slotListIndex", 0, 0, 255));
    }

    private KeystoreSettings keystore() {
        String type = optional("duo.keystore.type", "PKCS12").toUpperCase(java.util.Locale.ROOT);
        Secret password = secret("duo.keystore.password", true);
        String alias = required("duo.keystore.alias");
        return switch (type) {
            case "PKCS12" -> KeystoreSettings.pkcs12(existingFile("duo.keystore.path"), alias, password);
            case "PKCS11" -> KeystoreSettings.pkcs11(pkcs11("duo.keystore.pkcs11."), alias, password);
            default -> throw error("duo.keystore.type", "expected PKCS12 or PKCS11, got '" + type + "'");
        };
    }

    private TrustSettings trust() {
        Path store = existingFile("duo.tls.truststore");
        Secret storePassword = secret("duo.tls.truststore.password", false);
        TrustSettings.Revocation revocation = enumValue("duo.tls.revocation", TrustSettings.Revocation.class,
                TrustSettings.Revocation.OCSP);
        List<Path> crls = new ArrayList<>();
        String list = props.getProperty("duo.tls.crls");
        if (list != null) {
            for (String part : list.split(",")) {
                if (!part.isBlank()) {
                    crls.add(existing("duo.tls.crls", resolve(part.strip())));
                }
            }
        }
        URI ocsp = props.getProperty("duo.tls.ocspResponder") == null
                || props.getProperty("duo.tls.ocspResponder").isBlank() ? null : url("duo.tls.ocspResponder");
        Path mitzSigner = props.getProperty("duo.mitz.signingCertificate") == null
                || props.getProperty("duo.mitz.signingCertificate").isBlank() ? null
                : existingFile("duo.mitz.signingCertificate");
        return new TrustSettings(store, storePassword, revocation, crls, ocsp, mitzSigner,
                bool("duo.tls.allowLoopbackHttp", false));
    }

    private Secret secret(String key, boolean needed) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            if (needed) {
                throw error(key, "missing; use env:VARIABLE (read from the environment) or prompt (asked each "
                        + "session)");
            }
            return null;
        }
        try {
            return Secret.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    private Path path(String key) {
        return resolve(required(key));
    }

    private Path resolve(String value) {
        Path p = Path.of(value);
        return !p.isAbsolute() && baseDir != null ? baseDir.resolve(p) : p;
    }

    private Path existing(String key, Path p) {
        if (!Files.isRegularFile(p)) {
            throw error(key, "no such file: " + p);
        }
        return p;
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
        OrganisationIdentity o = c.organisation();
        p.setProperty("duo.requester.ura", o.ura());
        p.setProperty("duo.requester.purposeOfUse", o.purposeOfUse());
        p.setProperty("duo.requester.organisationName", o.organisationName());
        p.setProperty("duo.requester.facilityType", o.facilityTypeCode());
        IdentitySettings id = c.identity();
        p.setProperty("duo.identity.sources", String.join(",", id.sources().stream().map(Enum::name).toList()));
        if (id.uziPas() != null) {
            putPkcs11(p, "duo.identity.uzipas.", id.uziPas());
            p.setProperty("duo.identity.uzipas.trustStore", id.uziPasTrustStore().toString());
        }
        KeystoreSettings k = c.keystore();
        if (k.onToken()) {
            p.setProperty("duo.keystore.type", "PKCS11");
            putPkcs11(p, "duo.keystore.pkcs11.", k.pkcs11());
        } else {
            p.setProperty("duo.keystore.type", "PKCS12");
            p.setProperty("duo.keystore.path", k.path().toString());
        }
        p.setProperty("duo.keystore.password", k.password().configValue());
        p.setProperty("duo.keystore.alias", k.alias());
        TrustSettings t = c.trust();
        p.setProperty("duo.tls.truststore", t.trustStore().toString());
        if (t.trustStorePassword() != null) {
            p.setProperty("duo.tls.truststore.password", t.trustStorePassword().configValue());
        }
        p.setProperty("duo.tls.revocation", t.revocation().name());
        if (!t.crls().isEmpty()) {
            p.setProperty("duo.tls.crls", String.join(",", t.crls().stream().map(Path::toString).toList()));
        }
        if (t.ocspResponder() != null) {
            p.setProperty("duo.tls.ocspResponder", t.ocspResponder().toString());
        }
        if (t.mitzSigningCertificate() != null) {
            p.setProperty("duo.mitz.signingCertificate", t.mitzSigningCertificate().toString());
        }
        p.setProperty("duo.tls.allowLoopbackHttp", Boolean.toString(t.allowLoopbackHttp()));
        p.setProperty("duo.saml.issuer", c.samlIssuer());
        p.setProperty("duo.retrieve.transferSyntaxes", String.join(",", c.transferSyntaxes()));
        p.setProperty("duo.query.retries", Integer.toString(c.queryRetries()));
        p.setProperty("duo.query.maxSplits", Integer.toString(c.maxQuerySplits()));
        p.setProperty("duo.limits.queryResponseBytes", Long.toString(c.maxQueryResponseBytes()));
        p.setProperty("duo.limits.documentBytes", Long.toString(c.maxDocumentBytes()));
        p.setProperty("duo.limits.instanceBytes", Long.toString(c.maxInstanceBytes()));
        return p;
    }

    private static void putPkcs11(Properties p, String prefix, Pkcs11Settings s) {
        p.setProperty(prefix + "library", s.library().toString());
        if (s.slot() != null) {
            p.setProperty(prefix + "slot", Long.toString(s.slot()));
        } else {
            p.setProperty(prefix + "slotListIndex", Integer.toString(s.slotListIndex()));
        }
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
