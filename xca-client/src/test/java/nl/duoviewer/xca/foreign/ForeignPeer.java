package nl.duoviewer.xca.foreign;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.OrganisationIdentity;
import nl.duoviewer.xca.config.Secret;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.consent.MitzClient;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.consent.TestPermits;
import nl.duoviewer.xca.retrieve.DocumentRetriever;
import nl.duoviewer.xca.retrieve.ImagingRetriever;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.TestKeys;
import nl.duoviewer.xca.security.ClientTls;
import nl.duoviewer.xca.soap.SoapPorts;

/**
 * Test-only: the client's real SOAP and Mitz transports (CXF/IPF ports, the JDK HTTP client, a real signing key)
 * aimed at one foreign peer on loopback, as one community behind a local gateway (ITI-43, RAD-69) and as Mitz.
 */
public final class ForeignPeer implements AutoCloseable {

    public static final Bsn PATIENT = Bsn.parse("999999011");
    public static final String HOME = "urn:oid:1.3.6.1.4.1.21367.13.70.200";
    public static final SourceInstitution SOURCE = new SourceInstitution("Foreign archive", "00000666", HOME);
    public static final RequesterIdentity REQUESTER = new RequesterIdentity(new OrganisationIdentity("90001234",
            "Test", "V4", "TREAT"), new UserIdentity("900012345", "01.015", "Test", IdentitySource.UZI_PAS));

    private final DuoClientConfig config;
    private final AssertionProvider assertions;
    private final SoapPorts ports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ForeignPeer(DuoClientConfig config, AssertionProvider assertions, OrganisationCredentials org) {
        this.config = config;
        this.assertions = assertions;
        this.ports = new SoapPorts(assertions, loopbackTls(org), 8L << 20, 8L << 20, 64L << 20);
    }

    /** A TLS context for peers on plain loopback http, where it is never used (anchored on the test key itself). */
    public static ClientTls loopbackTls(OrganisationCredentials org) {
        return ClientTls.create(List.of(org.certificate()), TrustSettings.Revocation.NONE, List.of(), null, org);
    }

    /** Every endpoint of the peer at {@code peer}; a signing key made in {@code dir} (keytool, about a second). */
    public static ForeignPeer at(URI peer, Path dir) throws Exception {
        return at(peer, dir, Duration.ofSeconds(10));
    }

    /** As {@link #at(URI, Path)}, with this timeout (and stall limit) for the community. */
    public static ForeignPeer at(URI peer, Path dir, Duration timeout) throws Exception {
        Clock clock = Clock.systemUTC();
        OrganisationCredentials org = OrganisationCredentials.load(TestKeys.create(dir.resolve("org.p12"), "Org"));
        AssertionProvider assertions = new AssertionProvider(new SamlAssertionFactory(org, REQUESTER,
                REQUESTER.issuerUri(), clock), clock);
        CommunityEndpoint community = new CommunityEndpoint("peer", SOURCE.name(), HOME, peer, peer, peer, null,
                timeout);
        MitzSettings mitz = new MitzSettings(peer, peer, true, MitzSettings.DEFAULT_AUDIENCE, "GGC002",
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        DuoClientConfig config = new DuoClientConfig(ActorPosition.BEHIND_LOCAL_GATEWAY, List.of(community), mitz,
                REQUESTER.organisation(), IdentitySettings.demo(), KeystoreSettings.pkcs12(Path.of("unused.p12"),
                        "org", new Secret.Prompt()), new TrustSettings(Path.of("unused.pem"), null,
                        TrustSettings.Revocation.NONE, List.of(), null, null, true), null,
                DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES, 0, 0, 8L << 20, 8L << 20, 64L << 20);
        return new ForeignPeer(config, assertions, org);
    }

    public ImagingRetriever images() {
        return new ImagingRetriever(config, ports, Clock.systemUTC(), AuditSink.NONE);
    }

    public DocumentRetriever documents() {
        return new DocumentRetriever(config, ports, Clock.systemUTC(), AuditSink.NONE);
    }

    public MitzClient mitz() {
        return new MitzClient(config.mitz(), REQUESTER, assertions, http, Clock.systemUTC(), null);
    }

    /** A permit for the peer's institution and these of its repositories, for five minutes. */
    public static RetrievalPermit permit(String... repositories) {
        return TestPermits.grant(PATIENT, SOURCE, java.util.Set.of(repositories),
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Override
    public void close() {
        ports.close();
        http.close();
    }
}
