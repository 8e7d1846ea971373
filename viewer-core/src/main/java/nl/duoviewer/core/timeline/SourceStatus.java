package nl.duoviewer.core.timeline;

import java.util.Objects;

/**
 * How far one source (a community) got in answering the timeline query, shown per source so that a user always sees
 * which source is missing and can retry it.
 *
 * @param sourceId    stable id of the source, the community's homeCommunityId
 * @param displayName name shown to the user, e.g. "Enovation"
 * @param state       where the query stands
 * @param message     user-facing detail: the registry errors for a failure, empty otherwise
 * @param basis       the consent basis the source's data was shown and is retrieved on
 * @param droppedOtherPatient records this source sent that named another patient: dropped one by one before they
 *                    reached the timeline, never shown, and counted here so that the user sees that something was
 *                    withheld (decision record 25)
 */
public record SourceStatus(String sourceId, String displayName, State state, String message, ConsentBasis basis,
                           int droppedOtherPatient) {

    /** The life cycle of one source's answer. */
    public enum State {
        /** Query sent, no answer yet. */
        QUERYING(false),
        /** Answered with Success. */
        COMPLETE(false),
        /** Answered with PartialSuccess: what came back is valid, something is missing. */
        PARTIAL(true),
        /** Answered with Failure, could not be reached, lied, or was rejected by our checks. */
        FAILED(true),
        /** Did not answer within its timeout. */
        TIMED_OUT(true);

        private final boolean retryable;

        State(boolean retryable) {
            this.retryable = retryable;
        }

        /** True when the user should be offered a retry. */
        public boolean retryable() {
            return retryable;
        }
    }

    public SourceStatus {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        basis = basis == null ? ConsentBasis.unknown() : basis;
        if (droppedOtherPatient < 0) {
            throw new IllegalArgumentException("droppedOtherPatient < 0");
        }
    }

    /** A status whose consent basis is not known (yet), e.g. while querying, or for Mitz itself; nothing dropped. */
    public SourceStatus(String sourceId, String displayName, State state, String message) {
        this(sourceId, displayName, state, message, ConsentBasis.unknown(), 0);
    }

    /** A status on a known consent basis, nothing dropped. */
    public SourceStatus(String sourceId, String displayName, State state, String message, ConsentBasis basis) {
        this(sourceId, displayName, state, message, basis, 0);
    }

    /** A status whose consent basis is not known, with dropped records. */
    public SourceStatus(String sourceId, String displayName, State state, String message, int droppedOtherPatient) {
        this(sourceId, displayName, state, message, ConsentBasis.unknown(), droppedOtherPatient);
    }
}
