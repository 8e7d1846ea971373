package nl.duoviewer.xca.wado;

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
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.OrganisationIdentity;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.config.Secret;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.consent.TestPermits;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.TestKeys;

/**
 * Test-only: {@link WadoRsClient}s for one WADO-RS community, with a real signing key, one shared HTTP client (closed
 * with this) and a granted permit.
 */
public final class TestWadoClients implements AutoCloseable {

    public static final Bsn PATIENT = Bsn.parse("999999011");
    public static final SourceInstitution SOURCE = new SourceInstitution("WADO-RS peer", "90000102",
            "urn:oid:1.3.6.1.4.1.21367.13.70.42");
    private static final RequesterIdentity REQUESTER = new RequesterIdentity(new OrganisationIdentity("90001234",
            "Test", "V4", "TREAT"), UserIdentity.demo());

    private final AssertionProvider assertions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestWadoClients(AssertionProvider assertions) {
        this.assertions = assertions;
    }

    /** Makes a signing key in {@code dir} (keytool, about a second). */
    public static TestWadoClients create(Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        OrganisationCredentials org = OrganisationCredentials.load(TestKeys.create(dir.resolve("org.p12"), "Org"));
        return new TestWadoClients(new AssertionProvider(new SamlAssertionFactory(org, REQUESTER,
                REQUESTER.issuerUri(), clock), clock));
    }

    /** A client whose only community has {@code wadoBase}, offering {@code transferSyntaxes}. */
    public WadoRsClient client(URI wadoBase, List<String> transferSyntaxes, AuditSink audit) {
        URI unused = URI.create("http://127.0.0.1:9/unused"); // only the WADO-RS base is used
        CommunityEndpoint community = new CommunityEndpoint("peer", SOURCE.name(), SOURCE.homeCommunityId(),
                unused, unused, unused, wadoBase, Duration.ofSeconds(20));
        MitzSettings mitz = new MitzSettings(unused, unused, false, MitzSettings.DEFAULT_AUDIENCE, "GGC002",
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        DuoClientConfig config = new DuoClientConfig(ActorPosition.BEHIND_LOCAL_GATEWAY, List.of(community), mitz,
                REQUESTER.organisation(), IdentitySettings.demo(), KeystoreSettings.pkcs12(Path.of("unused.p12"), "org",
                        new Secret.Prompt()), new TrustSettings(Path.of("unused.pem"), null,
                        TrustSettings.Revocation.NONE, List.of(), null, null, true), null, transferSyntaxes,
                0, 0, 1 << 20, 1 << 20, 256L << 20);
        return new WadoRsClient(config, http, assertions, Clock.systemUTC(), audit);
    }

    /** A permit for {@link #PATIENT} at {@link #SOURCE}, valid for five minutes. */
    public static RetrievalPermit permit() {
        return TestPermits.grant(PATIENT, SOURCE, Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Override
    public void close() {
        http.close();
    }
}
