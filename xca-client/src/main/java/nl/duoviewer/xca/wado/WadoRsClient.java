package nl.duoviewer.xca.wado;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.security.AssertionProvider;

/**
 * DICOMweb WADO-RS retrieve (RAD-107 style): studies, series, instances as multipart/related application/dicom and
 * frames as application/octet-stream, each part streamed to the consumer as it arrives. Only URLs under the
 * community's configured WADO-RS base are ever requested, and only with a {@link RetrievalPermit} for that
 * community; the requester's signed assertion travels in the Authorization header ({@code SAML <base64>}).
 */
public final class WadoRsClient {

    private final DuoClientConfig config;
    private final HttpClient http;
    private final AssertionProvider assertions;
    private final Clock clock;
    private final AuditSink audit;

    public WadoRsClient(DuoClientConfig config, HttpClient http, AssertionProvider assertions, Clock clock,
                        AuditSink audit) {
        this.config = config;
        this.http = http;
        this.assertions = assertions;
        this.clock = clock;
        this.audit = audit;
    }

    /** The community's WADO-RS base for the permit, or a refusal when it has none. */
    private CommunityEndpoint community(RetrievalPermit permit, Bsn patient) throws ConsentDeniedException {
        String hcid = permit.source().homeCommunityId();
        // WADO-RS addresses no repository: the scope is the institution's community and its WADO-RS base
        permit.check(patient, permit.source(), hcid, null, clock.instant());
        CommunityEndpoint c = config.communityByHomeId(hcid)
                .orElseThrow(() -> new ConsentDeniedException("community not configured: " + hcid));
        if (c.wadoBase() == null) {
            throw new ConsentDeniedException("community has no WADO-RS endpoint: " + c.displayName());
        }
        return c;
    }

    public RetrieveOutcome retrieveStudy(RetrievalPermit permit, Bsn patient, String studyUid,
                                         InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        CommunityEndpoint c = community(permit, patient);
        return get(c, patient, permit, path(c, "studies", studyUid), studyUid, "", dicomAccept(), consumer);
    }

    public RetrieveOutcome retrieveSeries(RetrievalPermit permit, Bsn patient, String studyUid, String seriesUid,
                                          InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        CommunityEndpoint c = community(permit, patient);
        return get(c, patient, permit, path(c, "studies", studyUid, "series", seriesUid), studyUid, seriesUid,
                dicomAccept(), consumer);
    }

    public RetrieveOutcome retrieveInstance(RetrievalPermit permit, Bsn patient, String studyUid, String seriesUid,
                                            String sopUid, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        CommunityEndpoint c = community(permit, patient);
        return get(c, patient, permit, path(c, "studies", studyUid, "series", seriesUid, "instances", sopUid),
                studyUid, seriesUid, dicomAccept(), consumer);
    }

    /** Frames (1-based numbers) of one instance, as uncompressed pixel data parts. */
    public RetrieveOutcome retrieveFrames(RetrievalPermit permit, Bsn patient, String studyUid, String seriesUid,
                                          String sopUid, List<Integer> frames, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        return retrieveFrames(permit, patient, studyUid, seriesUid, sopUid, frames, FrameEncoding.UNCOMPRESSED,
                consumer);
    }

    /**
     * Frames (1-based numbers) of one instance, one part per frame in the encoding asked for; the part's MIME type
     * names its transfer syntax ({@link FrameEncoding#transferSyntaxOf}).
     */
    public RetrieveOutcome retrieveFrames(RetrievalPermit permit, Bsn patient, String studyUid, String seriesUid,
                                          String sopUid, List<Integer> frames, FrameEncoding encoding,
                                          InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        if (frames.isEmpty() || frames.stream().anyMatch(f -> f < 1)) {
            throw new IllegalArgumentException("frame numbers start at 1");
        }
        CommunityEndpoint c = community(permit, patient);
        String list = frames.stream().map(String::valueOf).collect(Collectors.joining(","));
        return get(c, patient, permit, path(c, "studies", studyUid, "series", seriesUid, "instances", sopUid,
                "frames", list), studyUid, seriesUid, encoding.accept(), true, consumer);
    }

    /**
     * Follows a KOS Retrieve URL (0008,1190). It must lie under the community's WADO-RS base: the requester's
     * assertion is never sent anywhere else.
     */
    public RetrieveOutcome retrieveUrl(RetrievalPermit permit, Bsn patient, URI retrieveUrl, String studyUid,
                                       InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        CommunityEndpoint c = community(permit, patient);
        URI url = retrieveUrl.normalize();
        String base = c.wadoBase().normalize().toString();
        base = base.endsWith("/") ? base : base + "/";
        if (!url.toString().startsWith(base) || url.getRawQuery() != null && url.getRawQuery().contains("@")) {
            throw new ConsentDeniedException("Retrieve URL outside the community's WADO-RS base: " + url);
        }
        return get(c, patient, permit, url, studyUid, "", dicomAccept(), consumer);
    }

    private String dicomAccept() {
        return WadoRsTransfer.dicomAccept(config.transferSyntaxes());
    }

    private static URI path(CommunityEndpoint c, String... segments) {
        StringBuilder b = new StringBuilder(c.wadoBase().toString());
        if (b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        for (String s : segments) {
            if (!s.matches("[0-9.,]+") && !s.matches("[a-z]+")) {
                throw new IllegalArgumentException("not a UID: " + s);
            }
            b.append('/').append(s);
        }
        return URI.create(b.toString());
    }

    private RetrieveOutcome get(CommunityEndpoint c, Bsn patient, RetrievalPermit permit, URI url, String studyUid,
                                String seriesUid, String accept, InstanceConsumer consumer) throws IOException {
        return get(c, patient, permit, url, studyUid, seriesUid, accept, false, consumer);
    }

    private RetrieveOutcome get(CommunityEndpoint c, Bsn patient, RetrievalPermit permit, URI url, String studyUid,
                                String seriesUid, String accept, boolean frames, InstanceConsumer consumer)
            throws IOException {
        String assertion = Base64.getEncoder().encodeToString(assertions.assertionBytes(c.homeCommunityId()));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(c.timeout())
                .header("Accept", accept)
                .header("Authorization", "SAML " + assertion)
                .GET().build();
        WadoRsTransfer.Result r;
        try {
            r = WadoRsTransfer.exchange(http, request, c.displayName(), c.timeout(), config.maxInstanceBytes(),
                    studyUid, seriesUid, c.homeCommunityId(), frames, consumer);
        } catch (IOException | RuntimeException e) {
            audit(patient, permit, url, studyUid, seriesUid, AuditEvent.Outcome.FAILURE, String.valueOf(
                    e.getMessage()));
            throw e;
        }
        int status = r.httpStatus();
        if (!r.answered()) {
            String outcome = status == 404 ? "not found" : status == 401 || status == 403 ? "refused"
                    : "HTTP " + status;
            audit(patient, permit, url, studyUid, seriesUid, AuditEvent.Outcome.FAILURE, "HTTP " + status);
            return new RetrieveOutcome(RetrieveOutcome.Status.FAILED, r.received(), List.of(), List.of(),
                    c.displayName() + ": WADO-RS " + outcome);
        }
        RetrieveOutcome.Status s = status == 206 ? RetrieveOutcome.Status.PARTIAL : RetrieveOutcome.Status.COMPLETE;
        audit(patient, permit, url, studyUid, seriesUid, s == RetrieveOutcome.Status.PARTIAL
                ? AuditEvent.Outcome.PARTIAL : AuditEvent.Outcome.SUCCESS, r.received().size() + " parts");
        return new RetrieveOutcome(s, r.received(), List.of(), List.of(),
                s == RetrieveOutcome.Status.PARTIAL ? c.displayName() + ": partial content (WADO-RS)" : "");
    }

    private void audit(Bsn patient, RetrievalPermit permit, URI url, String studyUid, String seriesUid,
                       AuditEvent.Outcome outcome, String detail) {
        audit.record(AuditEvent.of(clock.instant(), AuditEvent.Transaction.WADO_RS, patient)
                .institution(permit.source()).endpoint(url).study(studyUid).series(seriesUid).outcome(outcome)
                .detail(detail).build());
    }
}
