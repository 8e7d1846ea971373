package nl.duoviewer.xca;

import java.util.concurrent.CompletableFuture;

import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.consent.Localisation;
import nl.duoviewer.xca.query.TimelineQuery;

/**
 * One patient's timeline being filled: the {@link Timeline} to listen to, the localisation it was built from, and
 * control over the running queries (wait, cancel, retry one source).
 */
public final class TimelineSession {

    private final Timeline timeline;
    private final Localisation localisation;
    private final TimelineQuery.Run run;
    private final DuoClientConfig config;

    TimelineSession(Timeline timeline, Localisation localisation, TimelineQuery.Run run, DuoClientConfig config) {
        this.timeline = timeline;
        this.localisation = localisation;
        this.run = run;
        this.config = config;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Mitz's answer, or null when localisation failed (then nothing was queried). */
    public Localisation localisation() {
        return localisation;
    }

    /** Completes when every source has answered, failed or timed out. */
    public CompletableFuture<TimelineSnapshot> completion() {
        return run == null ? CompletableFuture.completedFuture(timeline.snapshot()) : run.completion();
    }

    /** Queries one community again (by configuration key), e.g. after TIMED_OUT. */
    public CompletableFuture<SourceStatus> retry(String communityId) {
        if (run == null) {
            throw new IllegalStateException("nothing was queried");
        }
        return run.retry(config.community(communityId)
                .orElseThrow(() -> new IllegalArgumentException("unknown community " + communityId)));
    }

    public void cancel() {
        if (run != null) {
            run.cancel();
        }
    }
}
