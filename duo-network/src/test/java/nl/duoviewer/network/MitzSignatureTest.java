package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.mitz.MitzFault;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.consent.ConsentDeniedException;

/**
 * Mitz's answers carry Mitz's signature over body, Action and RelatesTo, and the viewer checks it when the deployment
 * names Mitz's certificate (the embedded network's configuration does): an unsigned, tampered or foreign-signed
 * answer localises nothing and permits nothing, so no community is asked and nothing is retrieved.
 */
class MitzSignatureTest {

    static final Bsn PATIENT = CatalogueGenerator.SHOWCASE_PATIENT;

    EmbeddedDuoNetwork net;

    @BeforeEach
    void healthy() {
        net = SharedNetwork.fresh();
    }

    private void nothingAsked() {
        for (Network n : Network.values()) {
            assertEquals(0, net.community(n).counters().get(Counters.Kind.QUERY), n.toString());
            assertEquals(0, net.community(n).counters().retrievals(), n.toString());
        }
    }

    @Test
    void anOpenAnswerWithoutMitzsSignatureLocalisesNothing() throws Exception {
        for (MitzFault fault : new MitzFault[] {MitzFault.UNSIGNED, MitzFault.TAMPERED, MitzFault.FOREIGN_SIGNER}) {
            net.restoreHealthy();
            net.mitz().setFault(fault);
            try (DuoClient client = DuoClient.open(net.clientConfig())) {
                ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                        () -> client.consentGate().localise(PATIENT), fault::toString);
                assertTrue(e.reason().contains("Mitz answer refused"), fault + ": " + e.reason());
                TimelineSnapshot snap = client.queryTimeline(PATIENT).completion().get(60, TimeUnit.SECONDS);
                assertEquals(1, snap.sources().size(), snap.sources()::toString);
                assertEquals(SourceStatus.State.FAILED, snap.sources().getFirst().state());
                assertEquals(ConsentDeniedException.NEUTRAL_MESSAGE, snap.sources().getFirst().message());
                assertEquals(0, snap.entries().size());
            }
            assertTrue(net.mitz().counters().get(Counters.Kind.MITZ_OPEN) > 0, "Mitz was asked and answered");
            nothingAsked();
        }
    }

    @Test
    void aClosedAnswerWithoutMitzsSignaturePermitsNothing() throws Exception {
        DemoCatalogue.Registration r = net.catalogue().registrations(Network.FOUNDA, PATIENT).getFirst();
        Institution i = r.publication().institution();
        StudyRecord record = new StudyRecord(r.study().studyInstanceUid(), PATIENT, r.study().dateTime(),
                java.util.Set.of(r.study().modality()), r.study().bodyPart(), r.study().description(),
                r.study().accessionNumber(), i.asSource(), new DocumentLocator(i.network().homeCommunityId(),
                i.repositoryUniqueId(), r.publication().kosDocumentUid(), "application/dicom"));
        for (MitzFault fault : new MitzFault[] {MitzFault.UNSIGNED, MitzFault.TAMPERED, MitzFault.FOREIGN_SIGNER}) {
            net.restoreHealthy();
            try (DuoClient client = DuoClient.open(net.clientConfig())) {
                try {
                    client.consentGate().localise(PATIENT); // a good, signed open answer
                } catch (ConsentDeniedException e) {
                    throw new AssertionError(fault + ": the open question failed: " + e.reason(), e);
                }
                net.mitz().consent().deny(PATIENT, i.ura()); // Mitz's own answer to the closed question: Deny
                net.mitz().setFault(fault);                  // ... unsigned, turned into Permit, or signed by another
                ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                        () -> client.retrieveManifest(PATIENT, record, (meta, in) -> in.readAllBytes()),
                        fault::toString);
                assertTrue(e.reason().contains("Mitz answer refused"), fault + ": " + e.reason());
            }
            assertTrue(net.mitz().counters().get(Counters.Kind.MITZ_CLOSED) > 0);
            assertEquals(0, net.community(Network.FOUNDA).counters().retrievals(), fault.toString());
        }
        // what the check prevents: without it, the Deny turned into Permit opens the door
        net.restoreHealthy();
        TrustSettings t = net.clientConfig().trust();
        try (DuoClient unchecked = DuoClient.open(net.clientConfig().withTrust(new TrustSettings(t.trustStore(),
                t.trustStorePassword(), t.revocation(), t.crls(), t.ocspResponder(), null, t.allowLoopbackHttp())))) {
            unchecked.consentGate().localise(PATIENT);
            net.mitz().consent().deny(PATIENT, i.ura());
            net.mitz().setFault(MitzFault.TAMPERED);
            unchecked.retrieveManifest(PATIENT, record, (meta, in) -> in.readAllBytes());
        }
        assertEquals(1, net.community(Network.FOUNDA).counters().get(Counters.Kind.DOCUMENT_RETRIEVE));
    }

    @Test
    void aSignedAnswerForAnotherRequestIsRefusedToo() throws Exception {
        // the signature covers RelatesTo: a genuinely signed answer to some other question does not fit ours
        net.mitz().setFault(MitzFault.WRONG_RELATES_TO);
        try (DuoClient client = DuoClient.open(net.clientConfig())) {
            ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                    () -> client.consentGate().localise(PATIENT));
            assertTrue(e.reason().contains("RelatesTo"), e.reason());
        }
        nothingAsked();
    }

    @Test
    void withoutMitzsCertificateConfiguredTheSignatureIsNotChecked() throws Exception {
        // what a deployment gets when it names no certificate: documented, not the default of the demo network
        TrustSettings t = net.clientConfig().trust();
        TrustSettings unchecked = new TrustSettings(t.trustStore(), t.trustStorePassword(), t.revocation(), t.crls(),
                t.ocspResponder(), null, t.allowLoopbackHttp());
        net.mitz().setFault(MitzFault.UNSIGNED);
        try (DuoClient client = DuoClient.open(net.clientConfig().withTrust(unchecked))) {
            assertEquals(3, client.consentGate().localise(PATIENT).communities().size());
        }
    }
}
