package nl.duoviewer.network.gateway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.TimeRange;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.xca.consent.TemporaryConsentSlot;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Answers FindDocuments stored queries (ITI-38 / ITI-18) from the catalogue: manifests and reports of the patient in
 * this community, filtered by formatCode, typeCode and service start time, with the community's fault profile
 * applied (busy, too many results, partial success, wrong patient, oversized, and the variants of real gateways).
 * GetDocuments by entryUUID is answered too, as the follow-up of an ObjectRef answer. Every request first passes
 * IPF's stored-query validator for its transaction; a rejected one is answered with the registry error IPF names. A community under the
 * TLB pilot reports the patient's temporary consent with every answer ({@link TemporaryConsentSlot}) and returns no
 * data without one that runs.
 */
final class QueryResponder {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private final Network network;
    private final DemoCatalogue catalogue;
    private final FaultProfile faults;
    private final Counters counters;
    private final TemporaryConsents temporaryConsents;

    QueryResponder(Network network, DemoCatalogue catalogue, FaultProfile faults, Counters counters,
                   TemporaryConsents temporaryConsents) {
        this.network = network;
        this.catalogue = catalogue;
        this.faults = faults;
        this.counters = counters;
        this.temporaryConsents = temporaryConsents;
    }

    AdhocQueryResponse respond(AdhocQueryRequest request, SoapTransaction tx) {
        Optional<ErrorInfo> invalid = RequestValidation.query(request, tx, network.homeCommunityId());
        Bsn[] patient = new Bsn[1];
        QueryResponse answer;
        if (invalid.isPresent()) {
            counters.count(Counters.Kind.INVALID_REQUEST);
            answer = new QueryResponse(Status.FAILURE);
            answer.getErrors().add(invalid.get());
        } else {
            answer = answer(request, patient);
        }
        AdhocQueryResponse response = new QueryResponseTransformer(new EbXMLFactory30()).toEbXML(answer)
                .getInternal();
        if (temporaryConsents != null && patient[0] != null) {
            temporaryConsents.end(patient[0]).ifPresent(end -> {
                if (response.getResponseSlotList() == null) {
                    response.setResponseSlotList(new org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim
                            .SlotListType());
                }
                response.getResponseSlotList().getSlot().add(TemporaryConsentSlot.slot(end));
            });
        }
        return response;
    }

    private QueryResponse answer(AdhocQueryRequest request, Bsn[] patient) {
        QueryRegistry registry;
        try {
            registry = new QueryRegistryTransformer().fromEbXML(new EbXMLAdhocQueryRequest30(request));
        } catch (RuntimeException e) {
            return failure(ErrorCode.REGISTRY_ERROR, "Unreadable stored query");
        }
        if (registry.getQuery() instanceof GetDocumentsQuery g) {
            return getDocuments(g);
        }
        if (!(registry.getQuery() instanceof FindDocumentsQuery q)) {
            return failure(ErrorCode.UNKNOWN_STORED_QUERY, "Only FindDocuments and GetDocuments are supported");
        }
        if (q.getHomeCommunityId() != null && !network.homeCommunityId().equals(q.getHomeCommunityId())) {
            return failure(ErrorCode.UNKNOWN_COMMUNITY, "Unknown community " + q.getHomeCommunityId());
        }
        Identifiable pid = q.getPatientId();
        if (pid == null || pid.getAssigningAuthority() == null
                || !Bsn.OID.equals(pid.getAssigningAuthority().getUniversalId()) || !Bsn.isValid(pid.getId())) {
            return failure(ErrorCode.UNKNOWN_PATIENT_ID, "Patient id must be a BSN");
        }
        if (faults.takeRegistryBusy()) {
            return failure(ErrorCode.REGISTRY_BUSY, "Registry busy, try again later");
        }
        Bsn bsn = Bsn.parse(pid.getId());
        patient[0] = bsn;
        if (temporaryConsents != null && !temporaryConsents.running(bsn)) {
            return new QueryResponse(Status.SUCCESS); // the pilot's consent does not run: nothing is released
        }
        List<DocumentEntry> entries = new ArrayList<>();
        for (DemoCatalogue.Registration r : catalogue.registrations(network, bsn)) {
            DocumentEntry e = RegistryMetadata.manifest(bsn, r.study(), r.publication());
            if (matches(q, e, r.study().dateTime())) {
                entries.add(e);
            }
        }
        for (DemoCatalogue.ReportEntry r : catalogue.reports(network, bsn)) {
            DocumentEntry e = RegistryMetadata.report(bsn, r.study(), r.report());
            if (matches(q, e, r.study().dateTime())) {
                entries.add(e);
            }
        }
        DemoPatient registered = catalogue.patient(bsn).orElse(null);
        if (registered != null) {
            LocalDate birthDate = faults.otherBirthDate() ? registered.birthDate().plusYears(1)
                    : registered.birthDate();
            entries.forEach(e -> RegistryMetadata.sourcePatientInfo(e, registered, birthDate));
        }
        if (entries.size() > faults.tooManyResultsAbove()) {
            return failure(ErrorCode.TOO_MANY_RESULTS, entries.size() + " entries match; narrow the query");
        }
        QueryResponse response = new QueryResponse(Status.SUCCESS);
        if (faults.partialSuccess() && !entries.isEmpty()) {
            entries = new ArrayList<>(entries.subList(0, (entries.size() + 1) / 2));
            response.setStatus(Status.PARTIAL_SUCCESS);
            response.getErrors().add(new ErrorInfo(ErrorCode.REGISTRY_NOT_AVAILABLE,
                    "One of the community's registries did not answer", Severity.ERROR, network.homeCommunityId(),
                    null));
        }
        if (faults.wrongPatient()) {
            Bsn other = catalogue.patients().stream().map(DemoPatient::bsn).filter(b -> !b.equals(bsn)).findFirst()
                    .orElseThrow();
            for (DocumentEntry e : entries) {
                Identifiable wrong = new Identifiable(other.value(), new AssigningAuthority(Bsn.OID, "ISO"));
                e.setPatientId(wrong);
                e.setSourcePatientId(wrong);
            }
        }
        if (faults.oversizedBytes() > 0 && !entries.isEmpty()) {
            // padding in a slot value (element text), split so that no single value looks absurd to the parser
            int chunk = 32 * 1024;
            List<String> values = new ArrayList<>();
            for (int left = faults.oversizedBytes(); left > 0; left -= chunk) {
                values.add("x".repeat(Math.min(chunk, left)));
            }
            entries.getFirst().setExtraMetadata(new java.util.HashMap<>(java.util.Map.of("urn:duo:padding", values)));
        }
        entries = variants(entries);
        if (faults.objectRefsOnly()) {
            for (DocumentEntry e : entries) {
                response.getReferences().add(new ObjectReference(e.getEntryUuid(), e.getHomeCommunityId()));
            }
            return response;
        }
        response.getDocumentEntries().addAll(entries);
        return response;
    }

    /** The entries asked for by entryUUID, from any patient's registrations in this community. */
    private QueryResponse getDocuments(GetDocumentsQuery q) {
        if (q.getHomeCommunityId() != null && !network.homeCommunityId().equals(q.getHomeCommunityId())) {
            return failure(ErrorCode.UNKNOWN_COMMUNITY, "Unknown community " + q.getHomeCommunityId());
        }
        List<String> uuids = q.getUuids() == null ? List.of() : q.getUuids();
        if (uuids.size() > FaultProfile.MAX_GET_DOCUMENTS) {
            return failure(ErrorCode.TOO_MANY_RESULTS, "At most " + FaultProfile.MAX_GET_DOCUMENTS
                    + " entries per GetDocuments");
        }
        Set<String> wanted = new HashSet<>(uuids);
        List<DocumentEntry> entries = new ArrayList<>();
        for (DemoPatient p : catalogue.patients()) {
            for (DemoCatalogue.Registration r : catalogue.registrations(network, p.bsn())) {
                DocumentEntry e = RegistryMetadata.manifest(p.bsn(), r.study(), r.publication());
                if (wanted.contains(e.getEntryUuid())) {
                    entries.add(e);
                }
            }
            for (DemoCatalogue.ReportEntry r : catalogue.reports(network, p.bsn())) {
                DocumentEntry e = RegistryMetadata.report(p.bsn(), r.study(), r.report());
                if (wanted.contains(e.getEntryUuid())) {
                    entries.add(e);
                }
            }
        }
        QueryResponse response = new QueryResponse(Status.SUCCESS);
        response.getDocumentEntries().addAll(variants(entries));
        return response;
    }

    /** The variants of real gateways switched on for this community, applied to the entries of one answer. */
    private List<DocumentEntry> variants(List<DocumentEntry> entries) {
        int others = Math.min(faults.otherPatientEntries(), entries.size());
        if (others > 0) {
            Bsn other = otherPatientThan(RegistryMetadata.patientOf(entries.getFirst()));
            for (DocumentEntry e : entries.subList(0, others)) {
                Identifiable wrong = new Identifiable(other.value(), new AssigningAuthority(Bsn.OID, "ISO"));
                e.setPatientId(wrong);
                e.setSourcePatientId(wrong);
            }
        }
        if (faults.bareHomeCommunityId()) {
            for (DocumentEntry e : entries) {
                e.setHomeCommunityId(RegistryMetadata.bare(e.getHomeCommunityId()));
            }
        }
        return entries;
    }

    private Bsn otherPatientThan(Bsn bsn) {
        return catalogue.patients().stream().map(DemoPatient::bsn).filter(b -> !b.equals(bsn)).findFirst()
                .orElseThrow();
    }

    private static boolean matches(FindDocumentsQuery q, DocumentEntry e, java.time.LocalDateTime when) {
        if (q.getFormatCodes() != null && !q.getFormatCodes().isEmpty() && !codeIn(e.getFormatCode(),
                q.getFormatCodes())) {
            return false;
        }
        if (q.getTypeCodes() != null && !q.getTypeCodes().isEmpty() && !codeIn(e.getTypeCode(), q.getTypeCodes())) {
            return false;
        }
        TimeRange range = q.getServiceStartTime();
        Instant t = when.atZone(NL).toInstant();
        if (range != null && range.getFrom() != null && t.isBefore(range.getFrom().getDateTime().toInstant())) {
            return false;
        }
        return range == null || range.getTo() == null || t.isBefore(range.getTo().getDateTime().toInstant());
    }

    private static boolean codeIn(Code c, List<Code> wanted) {
        return c != null && wanted.stream().anyMatch(w -> w.getCode().equals(c.getCode()));
    }

    private QueryResponse failure(ErrorCode code, String context) {
        QueryResponse r = new QueryResponse(Status.FAILURE);
        r.getErrors().add(new ErrorInfo(code, context, Severity.ERROR, network.homeCommunityId(), null));
        return r;
    }
}
