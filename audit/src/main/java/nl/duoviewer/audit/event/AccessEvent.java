package nl.duoviewer.audit.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One audited access to a patient's data: who (requester), what (action, transaction), which patient (the full BSN:
 * the audit trail is where it belongs), where (institution, community, endpoint, repository), which objects (study,
 * series, document UIDs), how it ended and when. Build with {@link #builder}.
 *
 * @param time              when it happened
 * @param action            what was done
 * @param transaction       the IHE transaction or step, e.g. {@code ITI-38}, {@code RAD-75}, {@code WADO-RS}; empty
 *                          for the viewer's own actions
 * @param requester         who
 * @param patientBsn        the patient's nine-digit BSN
 * @param institution       the institution addressed or shown; null when none (a query to a whole community)
 * @param homeCommunityId   {@code urn:oid:...} of the community addressed; may be empty
 * @param endpoint          URL of the service addressed; may be empty
 * @param repositoryUniqueId the repository of retrieved documents or images; may be empty
 * @param studyUids         studies concerned
 * @param seriesUids        series concerned
 * @param documentUids      documents (KOS, reports) concerned
 * @param query             the query sent (query actions); may be empty
 * @param outcome           how it ended
 * @param decision          a consent decision as answered (Permit, Deny, NotApplicable, Indeterminate); may be empty
 * @param detail            short free text (error codes, counts, export destination)
 */
public record AccessEvent(Instant time, Action action, String transaction, Requester requester, String patientBsn,
                          Institution institution, String homeCommunityId, String endpoint,
                          String repositoryUniqueId, List<String> studyUids, List<String> seriesUids,
                          List<String> documentUids, String query, Outcome outcome, String decision,
                          String detail) {

    /** OID of the BSN assigning authority. */
    public static final String BSN_OID = "2.16.840.1.113883.2.4.6.3";

    public AccessEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        transaction = transaction == null ? "" : transaction;
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(patientBsn, "patientBsn");
        if (!patientBsn.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("a BSN has nine digits");
        }
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

    /** The patient as an ISO CX identifier, {@code <BSN>^^^&2.16.840.1.113883.2.4.6.3&ISO}. */
    public String patientCx() {
        return patientBsn + "^^^&" + BSN_OID + "&ISO";
    }

    /** Never the BSN: events end up in exception messages and debuggers. */
    @Override
    public String toString() {
        return "AccessEvent[" + action + " " + transaction + " " + outcome + " at " + time + "]";
    }

    public static Builder builder(Instant time, Action action, Requester requester, String patientBsn) {
        return new Builder(time, action, requester, patientBsn);
    }

    /** Collects the optional parts of an event. */
    public static final class Builder {
        private final Instant time;
        private final Action action;
        private final Requester requester;
        private final String patientBsn;
        private String transaction = "";
        private Institution institution;
        private String homeCommunityId = "";
        private String endpoint = "";
        private String repositoryUniqueId = "";
        private final List<String> studyUids = new ArrayList<>();
        private final List<String> seriesUids = new ArrayList<>();
        private final List<String> documentUids = new ArrayList<>();
        private String query = "";
        private Outcome outcome = Outcome.SUCCESS;
        private String decision = "";
        private String detail = "";

        private Builder(Instant time, Action action, Requester requester, String patientBsn) {
            this.time = time;
            this.action = action;
            this.requester = requester;
            this.patientBsn = patientBsn;
        }

        public Builder transaction(String t) {
            transaction = t;
            return this;
        }

        public Builder institution(Institution i) {
            institution = i;
            return this;
        }

        public Builder community(String hcid) {
            homeCommunityId = hcid;
            return this;
        }

        public Builder endpoint(String url) {
            endpoint = url;
            return this;
        }

        public Builder repository(String uid) {
            repositoryUniqueId = uid;
            return this;
        }

        public Builder studies(List<String> uids) {
            studyUids.addAll(uids);
            return this;
        }

        public Builder series(List<String> uids) {
            seriesUids.addAll(uids);
            return this;
        }

        public Builder documents(List<String> uids) {
            documentUids.addAll(uids);
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

        public AccessEvent build() {
            return new AccessEvent(time, action, transaction, requester, patientBsn, institution, homeCommunityId,
                    endpoint, repositoryUniqueId, studyUids, seriesUids, documentUids, query, outcome, decision,
                    detail);
        }
    }
}
