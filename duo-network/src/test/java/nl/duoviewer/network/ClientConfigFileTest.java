package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.config.MitzSettings;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.ClientSecurity;
import nl.duoviewer.xca.security.SecretPrompt;
import nl.duoviewer.xca.security.SecretResolver;

/** The configuration file the network writes is the one IT would write, and a client built from it works. */
class ClientConfigFileTest {

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    @Test
    void writtenConfigurationDrivesARealClient(@TempDir Path dir) throws Exception {
        Path file = net.writeClientConfig(dir.resolve("duo.properties"));
        String text = Files.readString(file);
        for (String line : text.lines().filter(l -> l.contains("://")).toList()) {
            assertTrue(line.contains("=https://127.0.0.1:"), "every endpoint is https: " + line);
        }
        assertTrue(text.contains("duo.keystore.password=env:" + TestPki.PASSWORD_VARIABLE), text);
        assertTrue(!text.contains("duo.keystore.password=" + TestPki.DEMO_PASSWORD), "no password in the file");
        assertTrue(text.contains("duo.tls.truststore="), text);
        assertTrue(text.contains("duo.mitz.signingCertificate="), text);
        DuoClientConfig config = DuoConfigFile.load(file);
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        var bsn = CatalogueGenerator.SHOWCASE_PATIENT;
        // the environment the viewer's process would have (./run exports the variable)
        SecretResolver env = new SecretResolver(name -> TestPki.PASSWORD_VARIABLE.equals(name)
                ? TestPki.DEMO_PASSWORD : null, SecretPrompt.NONE);
        try (ClientSecurity security = ClientSecurity.open(config, env);
             DuoClient client = DuoClient.open(config, security, UserIdentity.demo(), audit::add,
                     java.time.Clock.systemUTC())) {
            TimelineSnapshot snap = client.queryTimeline(bsn).completion().get(60, TimeUnit.SECONDS);
            assertEquals(3, snap.sources().size());
            assertTrue(snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.COMPLETE));
            var record = snap.entries().getFirst().records().getFirst();
            client.retrieveManifest(bsn, record, (meta, in) -> in.readAllBytes());
        }
        // who, which patient, where, what: everything the ATNA message needs, stamped with the configured requester
        assertTrue(audit.stream().allMatch(e -> e.patient().equals(bsn) && new nl.duoviewer.xca.config.RequesterIdentity(config.organisation(), UserIdentity.demo()).equals(e.requester())),
                audit.toString());
        AuditEvent open = audit.stream().filter(e -> e.transaction() == AuditEvent.Transaction.MITZ_OPEN)
                .findFirst().orElseThrow();
        assertEquals(config.mitz().openQuestionEndpoint().toString(), open.endpoint());
        List<AuditEvent> queries = audit.stream().filter(e -> e.transaction() == AuditEvent.Transaction.ITI_38)
                .toList();
        assertEquals(3, queries.size(), "one per community");
        assertTrue(queries.stream().allMatch(e -> e.homeCommunityId().startsWith("urn:oid:")
                && e.outcome() == AuditEvent.Outcome.SUCCESS && e.query().contains(bsn.toCx())), queries.toString());
        AuditEvent retrieve = audit.stream().filter(e -> e.transaction() == AuditEvent.Transaction.ITI_39)
                .findFirst().orElseThrow();
        assertEquals(1, retrieve.documentUids().size());
        assertFalse(retrieve.repositoryUniqueId().isEmpty());
        assertFalse(retrieve.institution().ura().isEmpty(), "the institution's URA");
        assertTrue(audit.stream().anyMatch(e -> e.transaction() == AuditEvent.Transaction.CONSENT_GATE
                && e.decision().equals("PERMIT")));
    }

    @Test
    void withoutTheClosedQuestionTheLocalisationStillGuardsRetrieval() throws Exception {
        DuoClientConfig c = net.clientConfig();
        MitzSettings m = c.mitz();
        DuoClientConfig openOnly = new DuoClientConfig(c.actorPosition(), c.communities(),
                new MitzSettings(m.openQuestionEndpoint(), m.closedQuestionEndpoint(), false, m.audience(),
                        m.dataCategory(), m.timeout(), m.decisionCacheTtl()),
                c.organisation(), c.identity(), c.keystore(), c.trust(), c.samlIssuer(), c.transferSyntaxes(),
                c.queryRetries(),
                c.maxQuerySplits(), c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
        var bsn = CatalogueGenerator.SHOWCASE_PATIENT;
        DemoCatalogue.Registration allowed = net.catalogue().registrations(Network.FOUNDA, bsn).getFirst();
        DemoCatalogue.Registration hidden = net.catalogue().registrations(Network.ALPHATRON, bsn).getFirst();
        net.mitz().consent().unregister(bsn, hidden.publication().institution().ura());
        try (DuoClient client = DuoClient.open(openOnly)) {
            TimelineSnapshot snap = client.queryTimeline(bsn).completion().get(60, TimeUnit.SECONDS);
            var entry = snap.entries().stream()
                    .filter(e -> e.studyInstanceUid().equals(allowed.study().studyInstanceUid())).findFirst()
                    .orElseThrow();
            client.retrieveManifest(bsn, entry.records().getFirst(), (meta, in) -> in.readAllBytes());
            var hiddenRecord = new nl.duoviewer.core.timeline.StudyRecord(hidden.study().studyInstanceUid(), bsn,
                    null, null, null, null, null, hidden.publication().institution().asSource(),
                    new nl.duoviewer.core.timeline.DocumentLocator(Network.ALPHATRON.homeCommunityId(),
                            hidden.publication().institution().repositoryUniqueId(),
                            hidden.publication().kosDocumentUid(), null));
            assertThrows(ConsentDeniedException.class,
                    () -> client.retrieveManifest(bsn, hiddenRecord, (meta, in) -> in.readAllBytes()));
        }
        assertEquals(0, net.mitz().counters().get(Counters.Kind.MITZ_CLOSED));
        assertEquals(1, net.community(Network.FOUNDA).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
        assertEquals(0, net.community(Network.ALPHATRON).counters().retrievals());
    }
}
