package nl.duoviewer.xca.retrieve;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.iti39.Iti39PortType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.soap.PortLease;
import nl.duoviewer.xca.soap.SoapPorts;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * ITI-39 (or ITI-43) retrieve of one registered document, typically a study's KOS manifest, streamed from its MTOM
 * part to the consumer with a size cap. Requires a {@link RetrievalPermit} for the document's institution,
 * community and repository.
 */
public final class DocumentRetriever {

    private final DuoClientConfig config;
    private final SoapPorts ports;
    private final Clock clock;
    private final AuditSink audit;

    public DocumentRetriever(DuoClientConfig config, SoapPorts ports, Clock clock, AuditSink audit) {
        this.config = config;
        this.ports = ports;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Retrieves one document.
     *
     * @param holder the institution the document belongs to, as the timeline's registry metadata says
     * @throws ConsentDeniedException when the permit does not cover this patient, institution, community and
     *                                repository (nothing is sent)
     * @throws IOException            when the exchange fails or the document exceeds the size limit
     */
    public RetrieveOutcome retrieve(RetrievalPermit permit, Bsn patient, SourceInstitution holder,
                                    DocumentLocator document, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        permit.check(patient, holder, document.homeCommunityId(), document.repositoryUniqueId(), clock.instant());
        CommunityEndpoint community = config.communityByHomeId(document.homeCommunityId())
                .orElseThrow(() -> new ConsentDeniedException("community not configured: "
                        + document.homeCommunityId()));
        RetrieveDocumentSetRequestType req = new RetrieveDocumentSetRequestType();
        var d = new RetrieveDocumentSetRequestType.DocumentRequest();
        d.setHomeCommunityId(document.homeCommunityId());
        d.setRepositoryUniqueId(document.repositoryUniqueId());
        d.setDocumentUniqueId(document.documentUniqueId());
        req.getDocumentRequest().add(d);
        SoapTransaction tx = SoapTransaction.documentRetrieve(config.actorPosition());
        RetrieveOutcome outcome;
        AuditEvent.Builder event = AuditEvent.of(clock.instant(), AuditEvent.Transaction.ofLabel(tx.label()), patient)
                .institution(permit.source()).community(document.homeCommunityId())
                .endpoint(community.retrieveEndpoint()).repository(document.repositoryUniqueId())
                .document(document.documentUniqueId());
        try (StallGuard guard = new StallGuard(community.timeout())) {
            try {
                if (tx == SoapTransaction.ITI_39) {
                    try (PortLease<Iti39PortType> lease = ports.lease(community, tx, Iti39PortType.class)) {
                        outcome = stream(ImagingRetriever.call(
                                () -> lease.port().documentRepositoryRetrieveDocumentSet(req), community,
                                community.retrieveEndpoint()), document,
                                community, consumer, guard);
                    }
                } else {
                    try (PortLease<Iti43PortType> lease = ports.lease(community, tx, Iti43PortType.class)) {
                        outcome = stream(ImagingRetriever.call(
                                () -> lease.port().documentRepositoryRetrieveDocumentSet(req), community,
                                community.retrieveEndpoint()), document,
                                community, consumer, guard);
                    }
                }
            } catch (IOException | RuntimeException e) {
                IOException failure = ResponseStreamer.stalledOr(e, guard, community.displayName(),
                        community.timeout());
                audit.record(event.outcome(AuditEvent.Outcome.FAILURE).detail(failure.getMessage()).build());
                throw failure;
            }
        }
        audit.record(event.outcome(ImagingRetriever.outcome(outcome)).detail(outcome.message()).build());
        return outcome;
    }

    private RetrieveOutcome stream(RetrieveDocumentSetResponseType response, DocumentLocator document,
                                   CommunityEndpoint community, InstanceConsumer consumer, StallGuard guard)
            throws IOException {
        guard.progress();
        try {
            return ResponseStreamer.stream(response, List.of(document.documentUniqueId()), "", "",
                    community.displayName(), config.maxDocumentBytes(), consumer, guard);
        } catch (RuntimeException e) {
            throw ResponseStreamer.failure(e, community.displayName());
        }
    }
}
