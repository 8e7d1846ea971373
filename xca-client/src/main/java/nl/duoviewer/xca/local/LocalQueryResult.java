package nl.duoviewer.xca.local;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.core.timeline.StudyRecord;

/**
 * What the hospital's PACS answered for one patient: the studies that belong on the timeline, how many records were
 * dropped because they name another patient (counted and shown like DUO's, never silent), and why the source failed,
 * when it did. The reasons are typed so that the screen says them in the user's language.
 *
 * @param studies   the patient's studies, each checked against the patient
 * @param rejected  records dropped for naming another patient (another Patient ID or another issuer)
 * @param malformed records without a Study Instance UID, ignored
 * @param failure   why nothing (more) could be used; empty when the PACS answered
 */
public record LocalQueryResult(List<StudyRecord> studies, int rejected, int malformed, Optional<Failure> failure) {

    /** Why the hospital's PACS could not be used for this patient. */
    public enum Reason {
        /** No connection (refused, TLS failed, name unknown). */
        UNREACHABLE,
        /** No answer within the configured timeout. */
        TIMED_OUT,
        /** HTTP 401 or 403: the PACS does not accept this workstation. */
        REFUSED,
        /** Any other HTTP error; the detail is the status. */
        HTTP_ERROR,
        /** The answer is not DICOM JSON (or too large to be one). */
        MALFORMED,
        /** The BSN leads to more than one hospital patient number: nothing is shown rather than a mix. */
        AMBIGUOUS_PATIENT
    }

    /** A typed failure with a short technical detail (an HTTP status, a count), never patient data. */
    public record Failure(Reason reason, String detail) {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    public LocalQueryResult {
        studies = List.copyOf(studies);
        Objects.requireNonNull(failure, "failure");
    }

    static LocalQueryResult failed(Reason reason, String detail) {
        return new LocalQueryResult(List.of(), 0, 0, Optional.of(new Failure(reason, detail)));
    }
}
