package nl.duoviewer.xca.retrieve;

import java.io.IOException;
import java.time.Clock;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;
import org.openehealth.ipf.commons.ihe.xds.rad75.Rad75PortType;

import nl.duoviewer.core.patient.Bsn;
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
 * RAD-75 (or RAD-69 behind a local gateway) retrieve of one series, streaming each instance to the consumer as its
 * MTOM part arrives. Requires a {@link RetrievalPermit} for the series' institution, community and repository (the
 * manifest's Retrieve Location UID).
 */
public final class ImagingRetriever {

    private final DuoClientConfig config;
    private final SoapPorts ports;
    private final Clock clock;
    private final AuditSink audit;

    public ImagingRetriever(DuoClientConfig config, SoapPorts ports, Clock clock, AuditSink audit) {
        this.config = config;
        this.ports = ports;
        this.clock = clock;
        this.audit = audit;
    }

    /** The request as sent on the wire (also used to check it against the XDS-I schema). */
    public static RetrieveImagingDocumentSetRequestType request(SeriesRequest series, String homeCommunityId,
                                                                java.util.List<String> transferSyntaxes) {
        RetrieveImagingDocumentSetRequestType req = new RetrieveImagingDocumentSetRequestType();
        var study = new RetrieveImagingDocumentSetRequestType.StudyRequest();
        study.setStudyInstanceUID(series.studyInstanceUid());
        var s = new RetrieveImagingDocumentSetRequestType.SeriesRequest();
        s.setSeriesInstanceUID(series.seriesInstanceUid());
        for (String uid : series.sopInstanceUids()) {
            var d = new RetrieveDocumentSetRequestType.DocumentRequest();
            d.setHomeCommunityId(homeCommunityId);
            d.setRepositoryUniqueId(series.repositoryUniqueId());
            d.setDocumentUniqueId(uid);
            s.getDocumentRequests().add(d);
        }
        study.getSeriesRequest().add(s);
        req.getStudyRequest().add(study);
        req.getTransferSyntaxUIDList().getTransferSyntaxUID().addAll(transferSyntaxes);
        return req;
    }

    /**
     * Retrieves one series.
     *
     * @param holder the institution whose manifest named the series
     * @throws ConsentDeniedException when the permit does not cover this patient, institution, community and
     *                                repository (nothing is sent)
     * @throws IOException            when the exchange fails; instances already handed over stay valid
     */
    public RetrieveOutcome retrieveSeries(RetrievalPermit permit, Bsn patient, SourceInstitution holder,
                                          SeriesRequest series, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        String hcid = holder.homeCommunityId();
        permit.check(patient, holder, hcid, series.repositoryUniqueId(), clock.instant());
        CommunityEndpoint community = config.communityByHomeId(hcid)
                .orElseThrow(() -> new ConsentDeniedException("community not configured: " + hcid));
        SoapTransaction tx = SoapTransaction.imagingRetrieve(config.actorPosition());
        RetrieveImagingDocumentSetRequestType req = request(series, hcid, config.transferSyntaxes());
        RetrieveOutcome outcome;
        AuditEvent.Builder event = AuditEvent.of(clock.instant(), AuditEvent.Transaction.ofLabel(tx.label()), patient)
                .institution(permit.source()).endpoint(community.imagingEndpoint())
                .repository(series.repositoryUniqueId()).study(series.studyInstanceUid())
                .series(series.seriesInstanceUid());
        try (StallGuard guard = new StallGuard(community.timeout())) {
            try {
                if (tx == SoapTransaction.RAD_75) {
                    try (PortLease<Rad75PortType> lease = ports.lease(community, tx, Rad75PortType.class)) {
                        outcome = stream(call(() -> lease.port().documentRepositoryRetrieveImagingDocumentSet(req),
                                community, community.imagingEndpoint()), series, community, consumer, guard);
                    }
                } else {
                    try (PortLease<Rad69PortType> lease = ports.lease(community, tx, Rad69PortType.class)) {
                        outcome = stream(call(() -> lease.port().documentRepositoryRetrieveImagingDocumentSet(req),
                                community, community.imagingEndpoint()), series, community, consumer, guard);
                    }
                }
            } catch (IOException | RuntimeException e) {
                IOException failure = ResponseStreamer.stalledOr(e, guard, community.displayName(),
                        community.timeout());
                audit.record(event.outcome(AuditEvent.Outcome.FAILURE).detail(failure.getMessage()).build());
                throw failure;
            }
        }
        audit.record(event.outcome(outcome(outcome)).detail(outcome.received().size() + "/"
                + series.sopInstanceUids().size() + " instances").build());
        return outcome;
    }

    /** The audit outcome of a retrieve. */
    static AuditEvent.Outcome outcome(RetrieveOutcome o) {
        return switch (o.status()) {
            case COMPLETE -> AuditEvent.Outcome.SUCCESS;
            case PARTIAL -> AuditEvent.Outcome.PARTIAL;
            case FAILED -> AuditEvent.Outcome.FAILURE;
        };
    }

    private RetrieveOutcome stream(RetrieveDocumentSetResponseType response, SeriesRequest series,
                                   CommunityEndpoint community, InstanceConsumer consumer, StallGuard guard)
            throws IOException {
        guard.progress();
        try {
            return ResponseStreamer.stream(response, series.sopInstanceUids(), series.studyInstanceUid(),
                    series.seriesInstanceUid(), community.displayName(), config.maxInstanceBytes(), consumer, guard);
        } catch (RuntimeException e) {
            throw ResponseStreamer.failure(e, community.displayName());
        }
    }

    static RetrieveDocumentSetResponseType call(java.util.function.Supplier<RetrieveDocumentSetResponseType> call,
                                                CommunityEndpoint community, java.net.URI endpoint)
            throws RetrieveException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            var tls = nl.duoviewer.xca.security.TlsRefusal.describe(e, endpoint);
            if (tls.isPresent()) {
                throw new RetrieveException(community.displayName() + ": " + tls.get(), e);
            }
            throw ResponseStreamer.failure(e, community.displayName());
        }
    }
}
