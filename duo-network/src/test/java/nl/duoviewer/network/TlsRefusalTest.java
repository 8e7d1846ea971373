package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.network.pki.TestPki.ServerCertificate;
import nl.duoviewer.network.testing.OcspResponder;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.security.ClientSecurity;
import nl.duoviewer.xca.security.ClientTls;
import nl.duoviewer.xca.security.TlsRefusal;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Real TLS on loopback, refused the way a hospital's viewer must refuse it: a gateway or Mitz whose certificate is
 * expired, for another host, from a CA the deployment does not trust, or revoked (by CRL or OCSP); a client without
 * (or with a foreign) certificate. Each refusal names the endpoint, and the network's counters prove that nothing was
 * asked or retrieved. TLS 1.1 is refused in {@link Tls11RefusalTest}.
 */
class TlsRefusalTest {

    static final nl.duoviewer.core.patient.Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    private static EmbeddedDuoNetwork start(ServerCertificate gateways, ServerCertificate mitz) throws IOException {
        return EmbeddedDuoNetwork.start(EmbeddedDuoNetwork.Options.defaults().withServerCertificates(gateways, mitz));
    }

    private static void nothingReachedAnyCommunity(EmbeddedDuoNetwork net) {
        for (Network n : Network.values()) {
            Counters c = net.community(n).counters();
            assertEquals(0, c.get(Counters.Kind.QUERY), n + ": " + c);
            assertEquals(0, c.retrievals(), n + ": " + c);
            assertEquals(List.of(), c.requesters(), n + ": no assertion reached it");
        }
    }

    /** The timeline, a KOS retrieve and a WADO-RS retrieve against gateways presenting {@code kind}. */
    private static void gatewaysRefused(ServerCertificate kind, TlsRefusal.Reason reason) throws Exception {
        try (EmbeddedDuoNetwork net = start(kind, ServerCertificate.VALID)) {
            gatewaysRefused(net, kind, reason);
        }
    }

    private static void gatewaysRefused(EmbeddedDuoNetwork net, ServerCertificate kind, TlsRefusal.Reason reason)
            throws Exception {
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(90, TimeUnit.SECONDS);
            assertEquals(3, snap.sources().size(), snap.sources()::toString);
            for (SourceStatus s : snap.sources()) {
                URI endpoint = net.clientConfig().communityByHomeId(s.sourceId()).orElseThrow().queryEndpoint();
                assertEquals(SourceStatus.State.FAILED, s.state(), s::toString);
                assertTrue(s.message().contains("secure connection to " + endpoint + " refused: " + reason.text()),
                        kind + ": " + s.message());
            }
            assertEquals(0, snap.entries().size());

            DemoCatalogue.Registration reg = net.catalogue().registrations(Network.FOUNDA, PATIENT).getFirst();
            var record = new nl.duoviewer.core.timeline.StudyRecord(reg.study().studyInstanceUid(), PATIENT, null, null,
                    null, null, null, reg.publication().institution().asSource(),
                    new nl.duoviewer.core.timeline.DocumentLocator(Network.FOUNDA.homeCommunityId(),
                            reg.publication().institution().repositoryUniqueId(), reg.publication().kosDocumentUid(),
                            null));
            RetrieveException kos = assertThrows(RetrieveException.class,
                    () -> client.retrieveManifest(PATIENT, record, (meta, in) -> in.readAllBytes()));
            assertTrue(kos.getMessage().contains("secure connection to "
                    + net.community(Network.FOUNDA).endpoint(SoapTransaction.ITI_39) + " refused: " + reason.text()),
                    kos.getMessage());
            RetrieveException wado = assertThrows(RetrieveException.class, () -> client.retrieveStudyWado(PATIENT,
                    reg.publication().institution().asSource(), reg.study().studyInstanceUid(),
                    (meta, in) -> in.readAllBytes()));
            assertTrue(wado.getMessage().contains("secure connection to " + net.community(Network.FOUNDA).wadoBase())
                    && wado.getMessage().contains(reason.text()), wado.getMessage());
            nothingReachedAnyCommunity(net);
            assertEquals(1, net.mitz().counters().get(Counters.Kind.MITZ_OPEN), "Mitz itself was fine");
        }
    }

    @Test
    void anExpiredServerCertificateIsRefused() throws Exception {
        gatewaysRefused(ServerCertificate.EXPIRED, TlsRefusal.Reason.SERVER_CERTIFICATE_EXPIRED);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        gatewaysRefused(ServerCertificate.WRONG_HOST, TlsRefusal.Reason.HOST_MISMATCH);
    }

    @Test
    void aCertificateFromACaTheDeploymentDoesNotTrustIsRefused() throws Exception {
        gatewaysRefused(ServerCertificate.OTHER_CA, TlsRefusal.Reason.SERVER_NOT_TRUSTED);
    }

    @Test
    void aRevokedCertificateIsRefusedByCrlAndAcceptedOnlyWhenTheCrlClearsIt(@TempDir Path dir) throws Exception {
        try (EmbeddedDuoNetwork net = start(ServerCertificate.REVOKED, ServerCertificate.VALID)) {
            gatewaysRefused(net, ServerCertificate.REVOKED, TlsRefusal.Reason.SERVER_CERTIFICATE_REVOKED);
            TrustSettings t = net.clientConfig().trust();
            Path empty = Files.writeString(dir.resolve("empty.crl"), TestPki.pem("X509 CRL",
                    net.pki().emptyCrl().getEncoded()));
            // the same servers, the same client: only the CRL differs
            assertNull(refusal(net, t.withRevocation(TrustSettings.Revocation.CRL, List.of(empty), null)));
            // no CRL to be had: the status is unknown, which is a refusal (Mitz, asked first, is refused already)
            net.restoreHealthy();
            String unknown = refusal(net, t.withRevocation(TrustSettings.Revocation.CRL, List.of(), null));
            assertTrue(unknown.contains("secure connection to " + net.mitz().openEndpoint() + " refused: "
                    + TlsRefusal.Reason.REVOCATION_UNKNOWN.text()), unknown);
            assertEquals(0, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
            nothingReachedAnyCommunity(net);
        }
    }

    @Test
    void aRevokedCertificateIsRefusedByOcsp() throws Exception {
        try (EmbeddedDuoNetwork net = start(ServerCertificate.REVOKED, ServerCertificate.VALID);
             OcspResponder ocsp = new OcspResponder(net.pki())) {
            TrustSettings t = net.clientConfig().trust();
            // Mitz's certificate is good by OCSP; the gateways' is revoked
            String revoked = refusal(net, t.withRevocation(TrustSettings.Revocation.OCSP, List.of(), ocsp.uri()));
            assertTrue(revoked.contains(TlsRefusal.Reason.SERVER_CERTIFICATE_REVOKED.text())
                    && revoked.contains("secure connection to "
                    + net.community(Network.FOUNDA).endpoint(SoapTransaction.ITI_38)), revoked);
            assertTrue(ocsp.asked() > 0, "the OCSP responder was asked");
            nothingReachedAnyCommunity(net);
        }
        // a good certificate passes OCSP; an unreachable responder is a refusal
        EmbeddedDuoNetwork shared = SharedNetwork.fresh();
        URI unreachable;
        try (OcspResponder ocsp = new OcspResponder(shared.pki())) {
            TrustSettings t = shared.clientConfig().trust();
            assertNull(refusal(shared, t.withRevocation(TrustSettings.Revocation.OCSP, List.of(), ocsp.uri())));
            unreachable = ocsp.uri();
        }
        shared.restoreHealthy();
        String unknown = refusal(shared, shared.clientConfig().trust().withRevocation(TrustSettings.Revocation.OCSP,
                List.of(), unreachable));
        assertTrue(unknown.contains(TlsRefusal.Reason.REVOCATION_UNKNOWN.text()), unknown);
        assertEquals(0, shared.mitz().counters().get(Counters.Kind.MITZ_OPEN));
    }

    /**
     * Localises and queries the patient with these trust settings: null when Mitz and every community answered, else
     * why not (Mitz's refusal, or every community's).
     */
    private static String refusal(EmbeddedDuoNetwork net, TrustSettings trust) throws Exception {
        try (DuoClient client = DuoClient.open(net.clientConfig().withTrust(trust))) {
            try {
                client.consentGate().localise(PATIENT);
            } catch (ConsentDeniedException e) {
                return e.reason();
            }
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(90, TimeUnit.SECONDS);
            if (snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.COMPLETE)) {
                return null;
            }
            assertTrue(snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.FAILED),
                    snap.sources()::toString);
            return String.join("; ", snap.sources().stream().map(SourceStatus::message).toList());
        }
    }

    @Test
    void aMitzWithAnExpiredCertificateLocalisesNothing() throws Exception {
        try (EmbeddedDuoNetwork net = start(ServerCertificate.VALID, ServerCertificate.EXPIRED);
             DuoClient client = DuoClient.open(net.clientConfig())) {
            ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                    () -> client.consentGate().localise(PATIENT));
            assertTrue(e.reason().contains("secure connection to " + net.mitz().openEndpoint() + " refused: "
                    + TlsRefusal.Reason.SERVER_CERTIFICATE_EXPIRED.text()), e.reason());
            TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
            assertEquals(SourceStatus.State.FAILED, snap.sources().getFirst().state());
            assertEquals(0, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
            nothingReachedAnyCommunity(net);
        }
    }

    @Test
    void aClientWithoutACertificateFromTheTrustedCaIsRefusedEverywhere() throws Exception {
        EmbeddedDuoNetwork net = SharedNetwork.fresh();
        DuoClientConfig config = net.clientConfig();
        TestPki pki = net.pki();
        ClientTls anonymous = ClientTls.create(List.of(pki.caCertificate()), TrustSettings.Revocation.NONE, List.of(),
                null, null);
        ClientTls foreign = ClientTls.create(List.of(pki.caCertificate()), TrustSettings.Revocation.NONE, List.of(),
                null, pki.foreignClient());
        for (ClientTls tls : List.of(anonymous, foreign)) {
            try (ClientSecurity security = ClientSecurity.of(pki.organisationCredentials(), tls,
                    pki.mitzSigner().certificate());
                 DuoClient client = DuoClient.open(config, security, UserIdentity.demo(), AuditSink.NONE,
                         Clock.systemUTC())) {
                ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                        () -> client.consentGate().localise(PATIENT));
                // the JDK's HttpsServer (our Mitz) closes without a TLS alert: the client sees the connection end
                assertTrue(e.reason().contains(net.mitz().openEndpoint().toString()), e.reason());
            }
            // the gateways and WADO-RS refuse it just the same
            try (HttpClient http = tls.apply(HttpClient.newBuilder()).build()) {
                for (URI u : List.of(net.community(Network.FOUNDA).endpoint(SoapTransaction.ITI_38),
                        net.community(Network.FOUNDA).endpoint(SoapTransaction.RAD_75))) {
                    IOException io = assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(u)
                            .POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                    assertEquals(TlsRefusal.Reason.CLIENT_CERTIFICATE_REFUSED, TlsRefusal.of(io).orElseThrow()
                            .reason(), u + ": " + io);
                }
                URI wado = URI.create(net.community(Network.FOUNDA).wadoBase() + "/studies/1.2.3");
                assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(wado).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        assertEquals(0, net.mitz().counters().get(Counters.Kind.MITZ_OPEN));
        nothingReachedAnyCommunity(net);
    }
}
