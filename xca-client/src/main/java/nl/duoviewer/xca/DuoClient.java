package nl.duoviewer.xca;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.consent.ConsentGate;
import nl.duoviewer.xca.consent.Localisation;
import nl.duoviewer.xca.consent.MitzClient;
import nl.duoviewer.xca.consent.RetrievalPermit;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.query.TimelineQuery;
import nl.duoviewer.xca.retrieve.DocumentRetriever;
import nl.duoviewer.xca.retrieve.ImagingRetriever;
import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.SeriesRequest;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.ClientSecurity;
import nl.duoviewer.xca.security.CredentialsException;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.SecretResolver;
import nl.duoviewer.xca.soap.SoapPorts;
import nl.duoviewer.xca.wado.WadoRsClient;

/**
 * The viewer's entry point to the DUO network. Builds a patient's timeline (Mitz localisation, then parallel
 * queries to the localised communities) and retrieves documents and images, each retrieval passing the consent
 * gate first. Thread-safe; one instance per configuration and user: every request carries that user's identity, so
 * a client cannot exist without one (no identity, no query).
 */
public final class DuoClient implements AutoCloseable {

    private final DuoClientConfig config;
    private final HttpClient http;
    private final SoapPorts ports;
    private final ConsentGate gate;
    private final TimelineQuery timelineQuery;
    private final DocumentRetriever documents;
    private final ImagingRetriever images;
    private final WadoRsClient wado;
    private final StudyRetriever studies;
    private final UserIdentity user;
    /** Closed with the client when the client opened it itself. */
    private final ClientSecurity ownSecurity;

    private DuoClient(DuoClientConfig config, ClientSecurity security, boolean ownsSecurity, UserIdentity user,
                      AuditSink sink, Clock clock) {
        this.config = config;
        if (!config.identity().allows(user.source())) {
            throw new IllegalArgumentException("this deployment does not accept a user identified by "
                    + user.source());
        }
        this.user = user;
        this.ownSecurity = ownsSecurity ? security : null;
        RequesterIdentity requester = new RequesterIdentity(config.organisation(), user);
        // every event names who asked: the requester every request of this client is sent for
        AuditSink audit = e -> sink.record(e.requester() != null ? e : e.withRequester(requester));
        AssertionProvider assertions = new AssertionProvider(new SamlAssertionFactory(security.organisation(),
                requester, config.samlIssuer(), clock), clock);
        this.http = security.tls().apply(HttpClient.newBuilder()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.ports = new SoapPorts(assertions, security.tls(), config.maxQueryResponseBytes(),
                config.maxDocumentBytes(), config.maxInstanceBytes());
        this.gate = new ConsentGate(new MitzClient(config.mitz(), requester, assertions, http, clock,
                security.mitzSigner().orElse(null)), config.mitz(),
                hcid -> config.communityByHomeId(hcid).map(CommunityEndpoint::consent)
                        .orElse(nl.duoviewer.xca.config.ConsentMode.MITZ), clock, audit);
        this.timelineQuery = new TimelineQuery(config, ports, audit, clock);
        this.documents = new DocumentRetriever(config, ports, clock, audit);
        this.images = new ImagingRetriever(config, ports, clock, audit);
        this.wado = new WadoRsClient(config, http, assertions, clock, audit);
        this.studies = new StudyRetriever(config, gate, documents, images, wado);
    }

    /**
     * A client for a configuration whose secrets need no user (held in memory or in the environment) and whose user is
     * the demo user (the embedded network), logging nowhere.
     *
     * @throws IllegalStateException when the configuration names no identity that needs nobody at the keyboard
     */
    public static DuoClient open(DuoClientConfig config) {
        return open(config, AuditSink.NONE, Clock.systemUTC());
    }

    /**
     * As {@link #open(DuoClientConfig)}, auditing into {@code audit} on {@code clock} (the soak and consent tests'
     * stepping clock).
     */
    public static DuoClient open(DuoClientConfig config, AuditSink audit, Clock clock) {
        if (!config.identity().allows(IdentitySource.DEMO)) {
            throw new IllegalStateException("no identity: this configuration takes the user from the UZI-pas or the "
                    + "EHR, so it needs DuoClient.open with the signed-in user");
        }
        ClientSecurity security;
        try {
            security = ClientSecurity.open(config, SecretResolver.environmentOnly());
        } catch (CredentialsException e) {
            throw new nl.duoviewer.xca.config.ConfigException(e.getMessage());
        }
        try {
            return new DuoClient(config, security, true, UserIdentity.demo(), audit, clock);
        } catch (RuntimeException e) {
            security.close();
            throw e;
        }
    }

    /**
     * A client on behalf of {@code user}, connecting with {@code security} (which stays the caller's to close).
     *
     * @throws IllegalArgumentException when the configuration does not accept this kind of identity
     */
    public static DuoClient open(DuoClientConfig config, ClientSecurity security, UserIdentity user, AuditSink audit,
                                 Clock clock) {
        return new DuoClient(config, security, false, java.util.Objects.requireNonNull(user, "user"), audit, clock);
    }

    /** The person every request of this client is sent for. */
    public UserIdentity user() {
        return user;
    }

    public DuoClientConfig config() {
        return config;
    }

    /**
     * Starts building a patient's timeline: asks Mitz where data may be, then queries those communities in
     * parallel. Switching to another patient forgets everything about the previous one first. When Mitz cannot be
     * asked, the timeline stays empty with one FAILED source "Mitz" carrying the neutral message.
     */
    public TimelineSession queryTimeline(Bsn patient) {
        return queryTimeline(new Timeline(patient));
    }

    /**
     * As {@link #queryTimeline(Bsn)}, filling a timeline the caller created (and may already be showing) for its
     * patient, so that listeners registered before Mitz answers see every change.
     */
    public TimelineSession queryTimeline(Timeline timeline) {
        Bsn patient = timeline.patient();
        Localisation localisation;
        try {
            localisation = gate.localise(patient);
        } catch (ConsentDeniedException e) {
            timeline.updateSource(new SourceStatus("mitz", "Mitz", SourceStatus.State.FAILED, e.getMessage()));
            return new TimelineSession(timeline, null, null, config);
        }
        List<CommunityEndpoint> targets = config.communities().stream()
                .filter(c -> localisation.communities().contains(c.homeCommunityId()))
                .toList();
        // records are shown, and answers heard, only while this localisation's session is the gate's current one
        TimelineQuery.Run run = timelineQuery.start(timeline, targets, s -> gate.covers(localisation, s),
                (c, basis, types) -> gate.reportQueryAnswer(localisation, c.homeCommunityId(), basis, types));
        return new TimelineSession(timeline, localisation, run, config);
    }

    /** Forgets the current patient, localisation and cached consent decisions (on patient switch or logout). */
    public void clearPatient() {
        gate.clear();
    }

    /** ITI-39 (ITI-43) retrieve of a study's KOS manifest, after the consent gate. */
    public RetrieveOutcome retrieveManifest(Bsn patient, StudyRecord study, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        RetrievalPermit permit = gate.authorise(patient, study.source(),
                java.util.Set.of(study.manifest().repositoryUniqueId()));
        return documents.retrieve(permit, patient, study.source(), study.manifest(), consumer);
    }

    /**
     * ITI-39 (ITI-43) retrieve of a report document, after the consent gate. A report registered for another patient
     * than the one asked for is refused before anything is sent; the document's community must be the one the permit
     * names (checked by the retriever).
     */
    public RetrieveOutcome retrieveReport(Bsn patient, ReportRecord report, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        if (!patient.equals(report.patient())) {
            throw new ConsentDeniedException("report is registered for another patient");
        }
        RetrievalPermit permit = gate.authorise(patient, report.source(),
                java.util.Set.of(report.document().repositoryUniqueId()));
        return documents.retrieve(permit, patient, report.source(), report.document(), consumer);
    }

    /** RAD-75 (RAD-69) retrieve of one series from the institution holding it, after the consent gate. */
    public RetrieveOutcome retrieveSeries(Bsn patient, SourceInstitution source, SeriesRequest series,
                                          InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        RetrievalPermit permit = gate.authorise(patient, source, java.util.Set.of(series.repositoryUniqueId()));
        return images.retrieveSeries(permit, patient, source, series, consumer);
    }

    /** WADO-RS retrieve of one series, after the consent gate. */
    public RetrieveOutcome retrieveSeriesWado(Bsn patient, SourceInstitution source, String studyUid,
                                              String seriesUid, InstanceConsumer consumer)
            throws ConsentDeniedException, IOException {
        RetrievalPermit permit = gate.authorise(patient, source);
        return wado.retrieveSeries(permit, patient, studyUid, seriesUid, consumer);
    }

    /** WADO-RS retrieve of a whole study, after the consent gate. */
    public RetrieveOutcome retrieveStudyWado(Bsn patient, SourceInstitution source, String studyUid,
                                             InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        RetrievalPermit permit = gate.authorise(patient, source);
        return wado.retrieveStudy(permit, patient, studyUid, consumer);
    }

    /** WADO-RS frames of one instance, after the consent gate. */
    public RetrieveOutcome retrieveFramesWado(Bsn patient, SourceInstitution source, String studyUid,
                                              String seriesUid, String sopUid, List<Integer> frames,
                                              InstanceConsumer consumer) throws ConsentDeniedException, IOException {
        RetrievalPermit permit = gate.authorise(patient, source);
        return wado.retrieveFrames(permit, patient, studyUid, seriesUid, sopUid, frames, consumer);
    }

    /**
     * Retrieves a whole study from one of the sources of a timeline entry: consent gate, KOS manifest (ITI-39/43),
     * then every series (WADO-RS when the manifest gives a Retrieve URL under the community's WADO-RS base, else
     * RAD-75/69), each instance handed to the consumer as it arrives. Returns at once; cancel through the handle.
     */
    public StudyRetrieval retrieveStudy(Bsn patient, TimelineEntry entry, InstanceConsumer consumer) {
        return studies.start(patient, entry, manifest -> { }, consumer);
    }

    /**
     * As {@link #retrieveStudy(Bsn, TimelineEntry, InstanceConsumer)}, also telling {@code onManifest} what the
     * study holds (series and instance counts) once its KOS manifest is in, before the first instance is requested.
     */
    public StudyRetrieval retrieveStudy(Bsn patient, TimelineEntry entry, Consumer<StudyManifest> onManifest,
                                        InstanceConsumer consumer) {
        return studies.start(patient, entry, onManifest, consumer);
    }

    /** The consent gate, for callers that drive retrievers themselves. */
    public ConsentGate consentGate() {
        return gate;
    }

    @Override
    public void close() {
        gate.clear();
        ports.close();
        http.close();
        if (ownSecurity != null) {
            ownSecurity.close();
        }
    }
}
