package nl.duoviewer.xca.query;

import nl.duoviewer.core.timeline.SourceStatus;

/** Why a community's answer could not be used, as a state and a user-facing message. */
final class SourceFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final SourceStatus.State state;
    private final boolean transientFailure;

    SourceFailure(SourceStatus.State state, String message, boolean transientFailure) {
        super(message, null, false, false);
        this.state = state;
        this.transientFailure = transientFailure;
    }

    SourceStatus.State state() {
        return state;
    }

    /** True when trying again may help (busy, connection refused, server error). */
    boolean isTransient() {
        return transientFailure;
    }
}
