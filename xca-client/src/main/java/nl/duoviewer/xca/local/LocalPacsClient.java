package nl.duoviewer.xca.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.SeriesOutcome;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.LocalPacsSettings;
import nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode;
import nl.duoviewer.xca.io.CappedInputStream;
import nl.duoviewer.xca.manifest.ManifestInstance;
import nl.duoviewer.xca.manifest.ManifestSeries;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.wado.WadoRsTransfer;

/**
 * The hospital's own PACS as a timeline source, over DICOMweb: QIDO-RS finds the patient's studies, WADO-RS
 * retrieves a study's instances (through the client's one WADO-RS exchange, {@link WadoRsTransfer}). These are the
 * institution's own studies: no Mitz question is asked and no consent gate is passed (decision record 29); the
 * workstation's TLS identity (mTLS) is what the PACS authorises. Every record is checked against the patient (Patient
 * ID and its issuer, decision record 30) whatever the PACS filtered on, and records of another patient are dropped and
 * counted. Every QIDO-RS search and WADO-RS retrieval is audited with this source. Thread-safe.
 */
public final class LocalPacsClient implements AutoCloseable {

    /** Issuers under which a BSN is filed when the PACS names one: HL7 v2's NLMINBIZA and the BSN OID. */
    private static final Set<String> BSN_ISSUERS = Set.of("NLMINBIZA", Bsn.OID);
    private static final long MAX_QIDO_BYTES = 32L << 20;
    private static final String STUDY_FIELDS = "includefield=" + QidoJson.ISSUER_OF_PATIENT_ID + "&includefield="
            + QidoJson.STUDY_DESCRIPTION + "&includefield=" + QidoJson.MODALITIES_IN_STUDY + "&includefield="
            + QidoJson.ACCESSION_NUMBER + "&includefield=" + QidoJson.STUDY_TIME;

    private final LocalPacsSettings settings;
    private final SourceInstitution source;
    private final HttpClient http;
    private final AuditSink audit;
    private final Clock clock;
    private final List<String> transferSyntaxes;
    private final long maxInstanceBytes;
    private final ObjectMapper json;
    /** The Patient ID the PACS files each patient under, as found by the last query for that patient. */
    private final Map<Bsn, String> patientIds = new ConcurrentHashMap<>();

    private LocalPacsClient(LocalPacsSettings settings, HttpClient http, AuditSink audit, Clock clock) {
        this.settings = settings;
        this.source = SourceInstitution.local(settings.name(), settings.ura());
        this.http = http;
        this.audit = audit;
        this.clock = clock;
        this.transferSyntaxes = DuoClientConfig.DEFAULT_TRANSFER_SYNTAXES;
        this.maxInstanceBytes = 1L << 30;
        this.json = JsonMapper.builder().build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(1 << 20).build());
    }

    /**
     * A client for the settings, with their TLS identity.
     *
     * @throws ConfigException when a trust or key store cannot be opened (naming the setting)
     */
    public static LocalPacsClient open(LocalPacsSettings settings, AuditSink audit, Clock clock) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor());
        SSLContext tls = tls(settings);
        if (tls != null) {
            b.sslContext(tls);
        }
        return new LocalPacsClient(settings, b.build(), audit, clock);
    }

    private static SSLContext tls(LocalPacsSettings s) {
        if (s.trustStore() == null && s.keyStore() == null) {
            return null;
        }
        try {
            TrustManagerFactory tmf = null;
            if (s.trustStore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(pkcs12(s.trustStore(), s.trustStorePassword(), "duo.local.trustStore"));
            }
            KeyManagerFactory kmf = null;
            if (s.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(pkcs12(s.keyStore(), s.keyStorePassword(), "duo.local.keyStore"), s.keyStorePassword());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("duo.local: TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(Path file, char[] password, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("key '" + key + "': cannot open " + file + " as PKCS#12: " + e.getMessage(), e);
        }
    }

    public LocalPacsSettings settings() {
        return settings;
    }

    /** The source its studies carry on the timeline (and its status row's id, {@link SourceInstitution#LOCAL}). */
    public SourceInstitution source() {
        return source;
    }

    // ---- QIDO-RS -------------------------------------------------------------------------------------------------

    /**
     * Searches the patient's studies. Blocks for at most two requests, each bounded by the configured timeout; never
     * throws for what the PACS does: a PACS that is down, slow or answers garbage gives a typed failure.
     */
    public LocalQueryResult query(Bsn patient) {
        try {
            String patientId;
            if (settings.patientIdMode() == PatientIdMode.BSN) {
                patientId = patient.value();
            } else {
                Optional<String> number = hospitalNumber(patient);
                if (number.isEmpty()) {
                    patientIds.remove(patient);
                    return new LocalQueryResult(List.of(), 0, 0, Optional.empty());
                }
                patientId = number.get();
            }
            List<QidoJson> answer = qido(patient, "PatientID=" + encode(patientId) + "&" + STUDY_FIELDS,
                    "studies of Patient ID " + describeId());
            List<StudyRecord> studies = new ArrayList<>();
            int rejected = 0;
            int malformed = 0;
            for (QidoJson study : answer) {
                if (!belongs(study, patientId)) {
                    rejected++;
                    continue;
                }
                String uid = study.string(QidoJson.STUDY_INSTANCE_UID);
                if (!uid.matches("[0-9]+(\\.[0-9]+)*") || uid.length() > 64) {
                    malformed++;
                    continue;
                }
                studies.add(new StudyRecord(uid, patient, study.studyDateTime(),
                        new TreeSet<>(study.strings(QidoJson.MODALITIES_IN_STUDY)), "",
                        study.string(QidoJson.STUDY_DESCRIPTION), study.string(QidoJson.ACCESSION_NUMBER), source,
                        new DocumentLocator(SourceInstitution.LOCAL, settings.qidoBase().toString(), uid,
                                "application/dicom+json")));
            }
            patientIds.put(patient, patientId);
            return new LocalQueryResult(studies, rejected, malformed, Optional.empty());
        } catch (LocalPacsFailure f) {
            return LocalQueryResult.failed(f.reason(), f.detail());
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return LocalQueryResult.failed(LocalQueryResult.Reason.TIMED_OUT, "cancelled");
        } catch (IOException e) {
            return LocalQueryResult.failed(LocalQueryResult.Reason.UNREACHABLE, e.getClass().getSimpleName());
        }
    }

    /** The Patient ID the PACS files this patient's instances under, once a query has found it. */
    public Optional<String> patientIdOf(Bsn patient) {
        return Optional.ofNullable(patientIds.get(patient));
    }

    /** Forgets what was found for the patient (on patient switch). */
    public void clearPatient(Bsn patient) {
        patientIds.remove(patient);
    }

    /**
     * The hospital's number for the BSN: the Patient ID of the studies whose Other Patient IDs hold the BSN, under
     * the configured issuer. Two different numbers are a refusal, not a choice.
     */
    private Optional<String> hospitalNumber(Bsn patient) throws IOException {
        List<QidoJson> answer = qido(patient, "OtherPatientIDs=" + encode(patient.value()) + "&includefield="
                + QidoJson.ISSUER_OF_PATIENT_ID + "&includefield=" + QidoJson.OTHER_PATIENT_IDS,
                "hospital patient number for the BSN (Other Patient IDs)");
        Set<String> numbers = new LinkedHashSet<>();
        for (QidoJson study : answer) {
            if (settings.issuer().equals(study.string(QidoJson.ISSUER_OF_PATIENT_ID))
                    && study.strings(QidoJson.OTHER_PATIENT_IDS).contains(patient.value())
                    && !study.string(QidoJson.PATIENT_ID).isEmpty()) {
                numbers.add(study.string(QidoJson.PATIENT_ID));
            }
        }
        if (numbers.size() > 1) {
            throw new LocalPacsFailure(LocalQueryResult.Reason.AMBIGUOUS_PATIENT, numbers.size() + " numbers");
        }
        return numbers.stream().findFirst();
    }

    /** True when the study is filed under this Patient ID and, as far as it names one, an issuer that fits. */
    private boolean belongs(QidoJson study, String patientId) {
        if (!patientId.equals(study.string(QidoJson.PATIENT_ID))) {
            return false;
        }
        String issuer = study.string(QidoJson.ISSUER_OF_PATIENT_ID);
        if (settings.patientIdMode() == PatientIdMode.LOCAL) {
            return settings.issuer().equals(issuer);
        }
        return issuer.isEmpty() || issuer.equals(settings.issuer()) || BSN_ISSUERS.contains(issuer);
    }

    private String describeId() {
        return settings.patientIdMode() == PatientIdMode.BSN ? "(BSN)" : "(hospital number, issuer "
                + settings.issuer() + ")";
    }

    /** One QIDO-RS search under {@code /studies}, audited; the answer must be a DICOM JSON array. */
    private List<QidoJson> qido(Bsn patient, String query, String what) throws IOException {
        return qidoAt(patient, "/studies", query, what, null);
    }

    private List<QidoJson> qidoAt(Bsn patient, String path, String query, String what, String studyUid)
            throws IOException {
        URI url = URI.create(base(settings.qidoBase()) + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Accept", "application/dicom+json").GET().build();
        try {
            List<QidoJson> answer = exchange(request);
            auditQido(patient, url, studyUid, AuditEvent.Outcome.SUCCESS, answer.size() + " results; " + what);
            return answer;
        } catch (LocalPacsFailure f) {
            auditQido(patient, url, studyUid, AuditEvent.Outcome.FAILURE, f.getMessage() + "; " + what);
            throw f;
        }
    }

    private List<QidoJson> exchange(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new LocalPacsFailure(LocalQueryResult.Reason.TIMED_OUT, settings.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("QIDO-RS search cancelled");
        } catch (IOException e) {
            throw new LocalPacsFailure(LocalQueryResult.Reason.UNREACHABLE, e.getClass().getSimpleName());
        }
        try (InputStream body = new CappedInputStream(response.body(), MAX_QIDO_BYTES, "QIDO-RS answer")) {
            int status = response.statusCode();
            if (status == 204) {
                return List.of(); // no match
            }
            if (status == 401 || status == 403) {
                throw new LocalPacsFailure(LocalQueryResult.Reason.REFUSED, "HTTP " + status);
            }
            if (status != 200) {
                throw new LocalPacsFailure(LocalQueryResult.Reason.HTTP_ERROR, "HTTP " + status);
            }
            JsonNode root;
            try {
                root = json.readTree(body);
            } catch (JacksonException e) {
                throw new LocalPacsFailure(LocalQueryResult.Reason.MALFORMED, "not JSON");
            }
            if (root == null || root.isMissingNode() || !root.isArray()) {
                throw new LocalPacsFailure(LocalQueryResult.Reason.MALFORMED, "not a DICOM JSON array");
            }
            List<QidoJson> out = new ArrayList<>();
            for (JsonNode n : root) {
                if (!n.isObject()) {
                    throw new LocalPacsFailure(LocalQueryResult.Reason.MALFORMED, "not a DICOM JSON array");
                }
                out.add(new QidoJson(n));
            }
            return out;
        } catch (java.net.http.HttpTimeoutException e) {
            throw new LocalPacsFailure(LocalQueryResult.Reason.TIMED_OUT, settings.timeout().toSeconds() + " s");
        } catch (LocalPacsFailure | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // a capped or broken body
            throw new LocalPacsFailure(LocalQueryResult.Reason.MALFORMED, e.getClass().getSimpleName());
        }
    }

    private void auditQido(Bsn patient, URI url, String studyUid, AuditEvent.Outcome outcome, String detail) {
        audit.record(AuditEvent.of(clock.instant(), AuditEvent.Transaction.QIDO_RS, patient).institution(source)
                .community("").endpoint(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath())
                .study(studyUid).query(url.getRawQuery() == null ? "" : url.getRawQuery())
                .outcome(outcome).detail(detail).build());
    }

    // ---- WADO-RS -------------------------------------------------------------------------------------------------

    /**
     * Retrieves the study from the PACS: first checks with QIDO-RS that the study is filed under the patient's
     * Patient ID, lists its instances (the "manifest" a KOS gives on DUO, handed to {@code onManifest}), then fetches
     * series by series with WADO-RS, each instance to the consumer as it arrives. Returns at once.
     */
    public StudyRetrieval retrieveStudy(Bsn patient, TimelineEntry entry, Consumer<StudyManifest> onManifest,
                                        InstanceConsumer consumer) {
        CompletableFuture<StudyRetrievalResult> result = new CompletableFuture<>();
        Set<String> received = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        InstanceConsumer guarded = (instance, data) -> {
            if (cancelled.get()) {
                throw new InterruptedIOException("study retrieval cancelled");
            }
            if (received.add(instance.sopInstanceUid())) {
                consumer.accept(instance, data);
            }
        };
        Thread worker = Thread.ofVirtual().name("local-study-retrieval").start(() -> {
            try {
                result.complete(retrieve(patient, entry.studyInstanceUid(), onManifest, guarded, received));
            } catch (InterruptedIOException | CancellationException e) {
                result.completeExceptionally(new CancellationException("study retrieval cancelled"));
            } catch (Exception e) {
                result.completeExceptionally(cancelled.get() ? new CancellationException("study retrieval cancelled")
                        : e);
            }
        });
        return new StudyRetrieval(result, () -> {
            cancelled.set(true);
            worker.interrupt();
            result.completeExceptionally(new CancellationException("study retrieval cancelled"));
        });
    }

    private StudyRetrievalResult retrieve(Bsn patient, String studyUid, Consumer<StudyManifest> onManifest,
                                          InstanceConsumer consumer, Set<String> received) throws IOException {
        if (!studyUid.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalArgumentException("not a UID: " + studyUid);
        }
        String patientId = patientIds.get(patient);
        if (patientId == null) {
            throw new RetrieveException(settings.name() + ": the patient was not found in the PACS");
        }
        List<QidoJson> study;
        List<QidoJson> instances;
        try {
            study = qidoAt(patient, "/studies", "StudyInstanceUID=" + studyUid + "&PatientID=" + encode(patientId)
                    + "&includefield=" + QidoJson.ISSUER_OF_PATIENT_ID, "the study before retrieval", studyUid);
            if (study.size() != 1 || !belongs(study.getFirst(), patientId)
                    || !studyUid.equals(study.getFirst().string(QidoJson.STUDY_INSTANCE_UID))) {
                throw new RetrieveException(settings.name() + ": the study is not filed under this patient");
            }
            instances = qidoAt(patient, "/studies/" + studyUid + "/instances", "", "instances of the study",
                    studyUid);
        } catch (LocalPacsFailure f) {
            throw new RetrieveException(settings.name() + ": " + f.getMessage(), f);
        }
        Map<String, List<ManifestInstance>> bySeries = new LinkedHashMap<>();
        for (QidoJson i : instances) {
            String series = i.string(QidoJson.SERIES_INSTANCE_UID);
            String sop = i.string(QidoJson.SOP_INSTANCE_UID);
            if (series.matches("[0-9]+(\\.[0-9]+)*") && !sop.isEmpty()) {
                bySeries.computeIfAbsent(series, k -> new ArrayList<>())
                        .add(new ManifestInstance(i.string(QidoJson.SOP_CLASS_UID), sop));
            }
        }
        String issuer = study.getFirst().string(QidoJson.ISSUER_OF_PATIENT_ID);
        List<ManifestSeries> series = new ArrayList<>();
        bySeries.forEach((uid, list) -> series.add(new ManifestSeries(uid, null,
                URI.create(base(settings.wadoBase()) + "/studies/" + studyUid + "/series/" + uid), list)));
        StudyManifest manifest = new StudyManifest("", patientId, issuer, studyUid, series, List.of());
        onManifest.accept(manifest);
        List<SeriesOutcome> outcomes = new ArrayList<>();
        for (ManifestSeries s : series) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("study retrieval cancelled");
            }
            outcomes.add(new SeriesOutcome(s.seriesInstanceUid(), "WADO-RS",
                    retrieveSeries(patient, studyUid, s, consumer)));
        }
        List<String> missing = new ArrayList<>();
        for (ManifestSeries s : series) {
            s.sopInstanceUids().stream().filter(u -> !received.contains(u)).forEach(missing::add);
        }
        return new StudyRetrievalResult(source, manifest, outcomes, List.copyOf(received), missing);
    }

    private RetrieveOutcome retrieveSeries(Bsn patient, String studyUid, ManifestSeries s, InstanceConsumer consumer)
            throws IOException {
        URI url = s.retrieveUrl();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Accept", WadoRsTransfer.dicomAccept(transferSyntaxes)).GET().build();
        WadoRsTransfer.Result r;
        try {
            r = WadoRsTransfer.exchange(http, request, settings.name(), settings.timeout(), maxInstanceBytes,
                    studyUid, s.seriesInstanceUid(), SourceInstitution.LOCAL, false, consumer);
        } catch (IOException | RuntimeException e) {
            auditWado(patient, url, studyUid, s.seriesInstanceUid(), AuditEvent.Outcome.FAILURE,
                    String.valueOf(e.getMessage()));
            throw e;
        }
        if (!r.answered()) {
            auditWado(patient, url, studyUid, s.seriesInstanceUid(), AuditEvent.Outcome.FAILURE,
                    "HTTP " + r.httpStatus());
            return new RetrieveOutcome(RetrieveOutcome.Status.FAILED, r.received(), s.sopInstanceUids(), List.of(),
                    settings.name() + ": WADO-RS HTTP " + r.httpStatus());
        }
        List<String> missing = s.sopInstanceUids().stream().filter(u -> !r.received().contains(u)).toList();
        RetrieveOutcome.Status status = missing.isEmpty() ? RetrieveOutcome.Status.COMPLETE
                : RetrieveOutcome.Status.PARTIAL;
        auditWado(patient, url, studyUid, s.seriesInstanceUid(), missing.isEmpty() ? AuditEvent.Outcome.SUCCESS
                : AuditEvent.Outcome.PARTIAL, r.received().size() + " instances");
        return new RetrieveOutcome(status, r.received(), missing, List.of(), "");
    }

    private void auditWado(Bsn patient, URI url, String studyUid, String seriesUid, AuditEvent.Outcome outcome,
                           String detail) {
        audit.record(AuditEvent.of(clock.instant(), AuditEvent.Transaction.WADO_RS, patient).institution(source)
                .community("").endpoint(url).study(studyUid).series(seriesUid).outcome(outcome).detail(detail)
                .build());
    }

    private static String base(URI base) {
        String b = base.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        patientIds.clear();
        http.close();
    }
}
