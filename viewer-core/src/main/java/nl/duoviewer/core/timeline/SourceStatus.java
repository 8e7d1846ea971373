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
 */
public record SourceStatus(String sourceId, String displayName, State state, String message, ConsentBasis basis) {

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
    }

    /** A status whose consent basis is not known (yet), e.g. while querying, or for Mitz itself. */
    public SourceStatus(String sourceId, String displayName, State state, String message) {
        this(sourceId, displayName, state, message, ConsentBasis.unknown());
    }
}
