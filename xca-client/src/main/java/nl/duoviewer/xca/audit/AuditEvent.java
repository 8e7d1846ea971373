package nl.duoviewer.xca.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.config.RequesterIdentity;

/**
 * One access-relevant step of the client, with what NEN 7513 logging and an IHE ATNA (ITI-20) audit message need:
 * who asked (the requester; {@link nl.duoviewer.xca.DuoClient} fills in the configured one), which patient (the full
 * BSN), which institution and community, which endpoint, repository and objects, how it ended and when. Build with
 * {@link #of}.
 *
 * @param time               when
 * @param transaction        what the client did
 * @param patient            the patient
 * @param requester          on whose behalf; null until the client stamps it
 * @param homeCommunityId    {@code urn:oid:...} of the community addressed; empty for Mitz
 * @param institution        the institution whose data was asked for; null for a whole community or Mitz
 * @param endpoint           URL addressed
 * @param repositoryUniqueId repository of retrieved documents or images; may be empty
 * @param studyUids          studies concerned
 * @param seriesUids         series concerned
 * @param documentUids       documents concerned (KOS manifests, reports)
 * @param query              the query asked (queries and consent questions); may be empty
 * @param outcome            how it ended
 * @param decision           a consent decision (XACML Permit, Deny, NotApplicable, Indeterminate; or the gate's
 *                           PERMIT / DENY); may be empty
 * @param detail             short free text (error codes, counts)
 */
public record AuditEvent(Instant time, Transaction transaction, Bsn patient, RequesterIdentity requester,
                         String homeCommunityId, SourceInstitution institution, String endpoint,
                         String repositoryUniqueId, List<String> studyUids, List<String> seriesUids,
                         List<String> documentUids, String query, Outcome outcome, String decision, String detail) {

    /** What the client did. */
    public enum Transaction {
        MITZ_OPEN("ITI-56"),
        MITZ_CLOSED("XACML"),
        CONSENT_GATE("CONSENT-GATE"),
        ITI_38("ITI-38"),
        ITI_18("ITI-18"),
        ITI_39("ITI-39"),
        ITI_43("ITI-43"),
        RAD_75("RAD-75"),
        RAD_69("RAD-69"),
        WADO_RS("WADO-RS"),
        /** A DICOMweb QIDO-RS search of the hospital's own PACS. */
        QIDO_RS("QIDO-RS");

        private final String label;

        Transaction(String label) {
            this.label = label;
        }

        /** The IHE name (or the step's name), e.g. ITI-38. */
        public String label() {
            return label;
        }

        /** The transaction with this IHE label, e.g. from {@code SoapTransaction.label()}. */
        public static Transaction ofLabel(String label) {
            for (Transaction t : values()) {
                if (t.label.equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no audited transaction " + label);
        }
    }

    /** How it ended. */
    public enum Outcome { SUCCESS, PARTIAL, DENIED, FAILURE }

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(patient, "patient");
        homeCommunityId = homeCommunityId == null ? "" : homeCommunityId;
        endpoint = endpoint == null ? "" : endpoint;
        repositoryUniqueId = repositoryUniqueId == null ? "" : repositoryUniqueId;
        studyUids = List.copyOf(studyUids == null ? List.of() : studyUids);
        seriesUids = List.copyOf(seriesUids == null ? List.of() : seriesUids);
        documentUids = List.copyOf(documentUids == null ? List.of() : documentUids);
        query = query == null ? "" : query;
        Objects.requireNonNull(outcome, "outcome");
        decision = decision == null ? "" : decision;
        detail = detail == null ? "" : detail;
    }

    /** Starts an event. */
    public static Builder of(Instant time, Transaction transaction, Bsn patient) {
        return new Builder(time, transaction, patient);
    }

    /** The same event on behalf of {@code who}. */
    public AuditEvent withRequester(RequesterIdentity who) {
        return new AuditEvent(time, transaction, patient, who, homeCommunityId, institution, endpoint,
                repositoryUniqueId, studyUids, seriesUids, documentUids, query, outcome, decision, detail);
    }

    /** Collects the optional parts. */
    public static final class Builder {
        private final Instant time;
        private final Transaction transaction;
        private final Bsn patient;
        private String community = "";
        private SourceInstitution institution;
        private String endpoint = "";
        private String repository = "";
        private final List<String> studies = new ArrayList<>();
        private final List<String> series = new ArrayList<>();
        private final List<String> documents = new ArrayList<>();
        private String query = "";
        private Outcome outcome = Outcome.SUCCESS;
        private String decision = "";
        private String detail = "";

        private Builder(Instant time, Transaction transaction, Bsn patient) {
            this.time = time;
            this.transaction = transaction;
            this.patient = patient;
        }

        public Builder community(String homeCommunityId) {
            community = homeCommunityId;
            return this;
        }

        /** The institution, and its community when none was given. */
        public Builder institution(SourceInstitution source) {
            institution = source;
            if (source != null && community.isEmpty()) {
                community = source.homeCommunityId();
            }
            return this;
        }

        public Builder endpoint(Object url) {
            endpoint = url == null ? "" : url.toString();
            return this;
        }

        public Builder repository(String uid) {
            repository = uid;
            return this;
        }

        public Builder study(String uid) {
            if (uid != null && !uid.isEmpty()) {
                studies.add(uid);
            }
            return this;
        }

        public Builder series(String uid) {
            if (uid != null && !uid.isEmpty()) {
                series.add(uid);
            }
            return this;
        }

        public Builder document(String uid) {
            if (uid != null && !uid.isEmpty()) {
                documents.add(uid);
            }
            return this;
        }

        public Builder query(String q) {
            query = q;
            return this;
        }

        public Builder outcome(Outcome o) {
            outcome = o;
            return this;
        }

        public Builder decision(String d) {
            decision = d;
            return this;
        }

        public Builder detail(String d) {
            detail = d;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(time, transaction, patient, null, community, institution, endpoint, repository,
                    studies, series, documents, query, outcome, decision, detail);
        }
    }
}
