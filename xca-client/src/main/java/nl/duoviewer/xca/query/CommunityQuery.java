package nl.duoviewer.xca.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti38.Iti38PortType;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.ConsentMode;
import nl.duoviewer.xca.consent.TemporaryConsentSlot;
import nl.duoviewer.xca.soap.PortLease;
import nl.duoviewer.xca.soap.SoapPorts;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Everything one community is asked for one patient: a manifest query and a report query, each retried after
 * transient failures and narrowed by service-start-time halves after XDSTooManyResults (within a split budget). An
 * answer of ObjectRefs is followed up with GetDocuments by entryUUID in bounded batches (the LeafClass query ITI-38
 * allows). Every entry is checked on its own: one that names another patient is dropped and counted, and the source
 * is shown as partial with that count; an answer that names only other patients is rejected as a whole (decision
 * record 25). The community's data counts only on its consent basis: Mitz (the closed question when asked), or for a community
 * under the TLB pilot's temporary consent a consent that still runs, reported with every answer
 * ({@link TemporaryConsentSlot}); without one nothing it sent is shown.
 */
final class CommunityQuery {

    /**
     * What one community delivered.
     *
     * @param facilityTypes organisation type codes of the institutions it answered for, by URA
     */
    record Result(List<StudyRecord> studies, List<ReportRecord> reports, SourceStatus status,
                  Map<String, String> facilityTypes) {
    }

    /** Sends one stored query and returns the answer as received: the community's SOAP port, or a test double. */
    @FunctionalInterface
    interface Transport {
        AdhocQueryResponse send(AdhocQueryRequest request);
    }

    /** Entry UUIDs asked for in one GetDocuments follow-up of an ObjectRef answer. */
    static final int LEAF_CLASS_BATCH = 50;
    /** ObjectRefs followed up per community and query run; more are reported as not all shown. */
    static final int MAX_REFERENCES = 2_000;

    private final CommunityEndpoint community;
    private final Transport transport;
    private final SoapTransaction transaction;
    private final int retries;
    private final Clock clock;
    private final AuditSink audit;

    private final List<StudyRecord> studies = new ArrayList<>();
    private final List<ReportRecord> reports = new ArrayList<>();
    private final Set<String> partialCodes = new LinkedHashSet<>();
    private final int maxSplits;
    private int splitsLeft;
    private boolean unresolvedTooMany;
    private int malformed;
    private int filtered;
    /** Entries that named the queried patient (whether or not they could be shown). */
    private int ownEntries;
    /** Entries that named another patient (or no valid BSN), dropped unseen. */
    private int otherPatient;
    private int referencesFollowed;
    private boolean unresolvedReferences;
    private List<RegistryError> lastErrors = List.of();
    private final boolean closedQuestion;
    private final Map<String, String> facilityTypes = new HashMap<>();
    /** The earliest temporary consent end any answer reported; null until one did. */
    private ConsentBasis.TemporaryConsent temporaryConsent;
    private boolean temporaryConsentMissing;
    /** The last answer as received, for the identity check IPF's model cannot make ({@link EntryIdentity}). */
    private AdhocQueryResponse lastRaw;

    /** A query that asks the closed question before anything is retrieved (tests of the answer path). */
    CommunityQuery(CommunityEndpoint community, SoapPorts ports, SoapTransaction transaction, int retries,
                   int maxSplits, Clock clock, AuditSink audit) {
        this(community, ports, transaction, retries, maxSplits, true, clock, audit);
    }

    CommunityQuery(CommunityEndpoint community, SoapPorts ports, SoapTransaction transaction, int retries,
                   int maxSplits, boolean closedQuestion, Clock clock, AuditSink audit) {
        this(community, request -> call(ports, community, transaction, request), transaction, retries, maxSplits,
                closedQuestion, clock, audit);
    }

    /** As above, on a transport of the test's own (the fuzz and foreign-answer tests). */
    CommunityQuery(CommunityEndpoint community, Transport transport, SoapTransaction transaction, int retries,
                   int maxSplits, Clock clock, AuditSink audit) {
        this(community, transport, transaction, retries, maxSplits, true, clock, audit);
    }

    CommunityQuery(CommunityEndpoint community, Transport transport, SoapTransaction transaction, int retries,
                   int maxSplits, boolean closedQuestion, Clock clock, AuditSink audit) {
        this.closedQuestion = closedQuestion;
        this.community = community;
        this.transport = transport;
        this.transaction = transaction;
        this.retries = retries;
        this.maxSplits = maxSplits;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Runs both queries. Records from institutions the filter rejects (not localised by Mitz) are dropped without a
     * trace in the result: their absence must not tell the user anything.
     */
    Result run(Bsn patient, Predicate<SourceInstitution> allowed) {
        String name = community.displayName();
        try {
            for (DocumentKind kind : DocumentKind.values()) {
                splitsLeft = maxSplits;
                queryRange(patient, kind, null, allowed);
            }
        } catch (SourceFailure f) {
            audit(patient, AuditEvent.Outcome.FAILURE, f.getMessage());
            // what arrived before the failure is valid (already patient-checked); keep it but mark the source
            return result(status(f.state(), f.getMessage()));
        } catch (RuntimeException e) {
            SourceFailure f = Failures.classify(e, name, community.queryEndpoint(), community.timeout());
            audit(patient, AuditEvent.Outcome.FAILURE, f.getMessage());
            return result(status(f.state(), f.getMessage()));
        }
        if (otherPatient > 0 && ownEntries == 0) {
            // nothing in the answer was for this patient: a swapped or misrouted answer, not one bad entry
            audit(patient, AuditEvent.Outcome.FAILURE, otherPatient + " records of another patient, none of this patient");
            return new Result(List.of(), List.of(), status(SourceStatus.State.FAILED, name
                    + ": returned data for another patient only; its answer was rejected"), Map.of());
        }
        List<String> notes = new ArrayList<>();
        if (!partialCodes.isEmpty()) {
            notes.add("partial answer (" + String.join(", ", partialCodes) + ")");
        }
        if (unresolvedTooMany) {
            notes.add("too many results (" + XdsCodes.TOO_MANY_RESULTS + "), not all shown");
        }
        if (unresolvedReferences) {
            notes.add("more than " + MAX_REFERENCES + " references, not all shown");
        }
        if (malformed > 0) {
            notes.add(malformed + " entries without usable metadata ignored");
        }
        boolean partial = !notes.isEmpty() || otherPatient > 0;
        audit(patient, partial ? AuditEvent.Outcome.PARTIAL : AuditEvent.Outcome.SUCCESS,
                studies.size() + " studies, " + reports.size() + " reports" + (filtered > 0 ? ", " + filtered
                        + " from institutions not localised dropped" : "") + (otherPatient > 0 ? ", " + otherPatient
                        + " records of another patient dropped" : "") + "; basis: " + basis());
        if (!partial) {
            return result(status(SourceStatus.State.COMPLETE, ""));
        }
        // the count of dropped records travels typed (the view words it); the notes are the source's own codes
        return result(status(SourceStatus.State.PARTIAL, notes.isEmpty() ? "" : name + ": " + String.join("; ", notes)));
    }

    /** What may be shown: everything received, unless the community's temporary consent does not run. */
    private Result result(SourceStatus status) {
        if (community.consent() == ConsentMode.TEMPORARY_CONSENT
                && !(basis() instanceof ConsentBasis.TemporaryConsent t && !t.expiredAt(clock.instant()))) {
            return new Result(List.of(), List.of(), status, Map.copyOf(facilityTypes));
        }
        return new Result(List.copyOf(studies), List.copyOf(reports), status, Map.copyOf(facilityTypes));
    }

    /** What this community's data is shown and retrieved on. */
    private ConsentBasis basis() {
        if (community.consent() == ConsentMode.MITZ) {
            return new ConsentBasis.Mitz(closedQuestion);
        }
        if (temporaryConsentMissing || temporaryConsent == null) {
            return new ConsentBasis.Missing();
        }
        return temporaryConsent;
    }

    private SourceStatus status(SourceStatus.State state, String message) {
        return new SourceStatus(community.homeCommunityId(), community.displayName(), state, message, basis(),
                otherPatient);
    }

    private void queryRange(Bsn patient, DocumentKind kind, ServiceTimeRange range,
                            Predicate<SourceInstitution> allowed) throws SourceFailure {
        QueryResponse answer = send(FindDocumentsRequests.findDocuments(patient, community.homeCommunityId(), kind,
                range));
        List<RegistryError> errors = this.lastErrors;
        boolean tooMany = errors.stream().anyMatch(e -> XdsCodes.TOO_MANY_RESULTS.equals(e.code()));
        if (tooMany) {
            ServiceTimeRange r = range != null ? range : ServiceTimeRange.allUntil(LocalDate.now(clock));
            if (splitsLeft >= 2 && !r.singleDay()) {
                splitsLeft -= 2;
                for (ServiceTimeRange half : r.split()) {
                    queryRange(patient, kind, half, allowed);
                }
            } else {
                unresolvedTooMany = true;
            }
            return;
        }
        if (answer.getStatus() == Status.FAILURE) {
            throw new SourceFailure(SourceStatus.State.FAILED, community.displayName() + ": "
                    + describe(errors, "registry failure"), false);
        }
        accept(patient, answer.getDocumentEntries(), EntryIdentity.namingAnother(lastRaw, patient), allowed);
        if (answer.getStatus() == Status.PARTIAL_SUCCESS) {
            partialCodes.add(errors.isEmpty() ? "PartialSuccess" : RegistryErrors.codes(errors));
        }
        followReferences(patient, answer, allowed);
    }

    /**
     * A gateway may answer a LeafClass query with ObjectRefs only (for example when the full metadata would be too
     * large). Those entries are fetched with GetDocuments by entryUUID, a bounded batch at a time, and checked like
     * any other entry; entries the answer already carried in full are not asked again.
     */
    private void followReferences(Bsn patient, QueryResponse answer, Predicate<SourceInstitution> allowed)
            throws SourceFailure {
        Set<String> known = new HashSet<>();
        for (DocumentEntry e : answer.getDocumentEntries()) {
            known.add(e.getEntryUuid());
        }
        List<String> uuids = new ArrayList<>();
        for (ObjectReference r : answer.getReferences()) {
            String id = r.getId();
            if (id != null && !id.isBlank() && known.add(id)) {
                uuids.add(id.strip());
            }
        }
        if (uuids.size() > MAX_REFERENCES - referencesFollowed) {
            unresolvedReferences = true;
            uuids = uuids.subList(0, Math.max(0, MAX_REFERENCES - referencesFollowed));
        }
        referencesFollowed += uuids.size();
        for (int from = 0; from < uuids.size(); from += LEAF_CLASS_BATCH) {
            List<String> batch = uuids.subList(from, Math.min(uuids.size(), from + LEAF_CLASS_BATCH));
            QueryResponse full = send(FindDocumentsRequests.getDocuments(batch, community.homeCommunityId()));
            if (full.getStatus() == Status.FAILURE) {
                throw new SourceFailure(SourceStatus.State.FAILED, community.displayName() + ": "
                        + describe(lastErrors, "registry failure") + " (GetDocuments)", false);
            }
            accept(patient, full.getDocumentEntries(), EntryIdentity.namingAnother(lastRaw, patient), allowed);
            if (full.getStatus() == Status.PARTIAL_SUCCESS) {
                partialCodes.add(lastErrors.isEmpty() ? "PartialSuccess" : RegistryErrors.codes(lastErrors));
            }
        }
    }

    private static String describe(List<RegistryError> errors, String fallback) {
        return errors.isEmpty() ? fallback : RegistryErrors.codes(errors);
    }

    /**
     * Keeps the entries that name this patient and nobody else: IPF's patientId must be this BSN, and no identifier
     * of the entry as received ({@code namingAnother}, by entry id) may name anyone else.
     */
    private void accept(Bsn patient, List<DocumentEntry> entries, Set<String> namingAnother,
                        Predicate<SourceInstitution> allowed) {
        List<StudyRecord> s = new ArrayList<>();
        List<ReportRecord> r = new ArrayList<>();
        for (DocumentEntry e : entries) {
            if (!patient.equals(DocumentEntryMapper.patientOf(e)) || namingAnother.contains(e.getEntryUuid())) {
                // never shown, never echoed (it is another person's identifier); counted for the user
                otherPatient++;
                continue;
            }
            ownEntries++;
            try {
                noteFacilityType(e);
                if (DocumentEntryMapper.isManifest(e)) {
                    StudyRecord study = DocumentEntryMapper.toStudy(e, patient, community.homeCommunityId());
                    if (study == null) {
                        malformed++;
                    } else if (allowed.test(study.source())) {
                        s.add(study);
                    } else {
                        filtered++;
                    }
                } else {
                    ReportRecord report = DocumentEntryMapper.toReport(e, patient, community.homeCommunityId());
                    if (allowed.test(report.source())) {
                        r.add(report);
                    } else {
                        filtered++;
                    }
                }
            } catch (NullPointerException | IllegalArgumentException ex) {
                malformed++;
            }
        }
        studies.addAll(s);
        reports.addAll(r);
    }

    private QueryResponse send(AdhocQueryRequest request) throws SourceFailure {
        SourceFailure last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            AdhocQueryResponse raw;
            try {
                raw = transport.send(request);
            } catch (RuntimeException e) {
                SourceFailure f = Failures.classify(e, community.displayName(), community.queryEndpoint(),
                        community.timeout());
                if (!f.isTransient()) {
                    throw f;
                }
                last = f;
                continue;
            }
            List<RegistryError> errors;
            QueryResponse parsed;
            try {
                errors = RegistryErrors.of(raw);
                parsed = parse(raw);
                lastRaw = raw;
            } catch (RuntimeException e) {
                throw new SourceFailure(SourceStatus.State.FAILED, community.displayName()
                        + ": malformed answer (" + e.getClass().getSimpleName() + ")", false);
            }
            if (community.consent() == ConsentMode.TEMPORARY_CONSENT) {
                noteTemporaryConsent(TemporaryConsentSlot.read(raw, clock.instant()));
            }
            boolean busy = errors.stream().anyMatch(e -> XdsCodes.REGISTRY_BUSY.equals(e.code()));
            if (busy && parsed.getStatus() == Status.FAILURE) {
                last = new SourceFailure(SourceStatus.State.FAILED, community.displayName() + ": "
                        + RegistryErrors.codes(errors) + " (tried " + (attempt + 1) + "x)", true);
                continue;
            }
            lastErrors = errors;
            return parsed;
        }
        throw last;
    }

    /** The holder's organisation type, which the closed question sends when Mitz's open answer did not name it. */
    private void noteFacilityType(DocumentEntry e) {
        var code = e.getHealthcareFacilityTypeCode();
        if (code == null || code.getCode() == null || !code.getCode().matches("[A-Za-z0-9.]{1,16}")) {
            return;
        }
        String ura = DocumentEntryMapper.institution(e, community.homeCommunityId()).ura();
        if (!ura.isEmpty() && facilityTypes.size() < 1000) {
            facilityTypes.putIfAbsent(ura, code.getCode());
        }
    }

    /** Every answer must carry the consent; the earliest end counts, and one answer without it spoils all. */
    private void noteTemporaryConsent(ConsentBasis reported) {
        if (reported instanceof ConsentBasis.TemporaryConsent t) {
            if (temporaryConsent == null || t.expiresAt().isBefore(temporaryConsent.expiresAt())) {
                temporaryConsent = t;
            }
        } else {
            temporaryConsentMissing = true;
        }
    }

    /** The answer as IPF's model; any exception means the answer is malformed. */
    static QueryResponse parse(AdhocQueryResponse raw) {
        if (raw == null) {
            throw new IllegalArgumentException("no AdhocQueryResponse");
        }
        QueryResponse parsed = new QueryResponseTransformer(new EbXMLFactory30()).fromEbXML(
                new EbXMLQueryResponse30(raw));
        if (parsed.getStatus() == null) {
            throw new IllegalArgumentException("AdhocQueryResponse without a known status");
        }
        return parsed;
    }

    private static AdhocQueryResponse call(SoapPorts ports, CommunityEndpoint community, SoapTransaction transaction,
                                           AdhocQueryRequest request) {
        if (transaction == SoapTransaction.ITI_38) {
            try (PortLease<Iti38PortType> lease = ports.lease(community, transaction, Iti38PortType.class)) {
                return lease.port().documentRegistryRegistryStoredQuery(request);
            }
        }
        try (PortLease<Iti18PortType> lease = ports.lease(community, transaction, Iti18PortType.class)) {
            return lease.port().documentRegistryRegistryStoredQuery(request);
        }
    }

    private static void pause(int attempt) throws SourceFailure {
        try {
            Thread.sleep(Math.min(2000, 150L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure(SourceStatus.State.FAILED, "cancelled", false);
        }
    }

    private void audit(Bsn patient, AuditEvent.Outcome outcome, String detail) {
        audit.record(AuditEvent.of(clock.instant(), AuditEvent.Transaction.ofLabel(transaction.label()), patient)
                .community(community.homeCommunityId()).endpoint(community.queryEndpoint())
                .query("FindDocuments " + org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryType.FIND_DOCUMENTS.getId() + " $XDSDocumentEntryPatientId '"
                        + patient.toCx() + "' (" + java.util.Arrays.stream(DocumentKind.values())
                        .map(Enum::name).collect(java.util.stream.Collectors.joining(", ")) + ")")
                .outcome(outcome).detail(community.displayName() + ": " + detail).build());
    }
}
