package nl.duoviewer.app.imaging;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.identity.UserIdentity;

/**
 * The service used when this build has no network client: every timeline reports one failed source saying so, and no
 * study can be opened. It never invents studies.
 */
public final class NetworkUnavailableService implements ImagingService {

    /** Source id of the single status this service reports. */
    public static final String SOURCE_ID = "duoviewer:network-unavailable";

    private final String sourceName;
    private final String message;

    /**
     * @param sourceName user-facing name of the missing network, e.g. "DUO network"
     * @param message    user-facing reason, e.g. "The network is not available in this build"
     */
    public NetworkUnavailableService(String sourceName, String message) {
        this.sourceName = sourceName;
        this.message = message;
    }

    @Override
    public Timeline startTimeline(Bsn patient) {
        Timeline timeline = new Timeline(patient);
        report(timeline);
        return timeline;
    }

    @Override
    public void retrySource(Timeline timeline, String sourceId) {
        report(timeline);
    }

    private void report(Timeline timeline) {
        timeline.updateSource(new SourceStatus(SOURCE_ID, sourceName, SourceStatus.State.FAILED, message));
    }

    @Override
    public StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener) {
        listener.failed(new LoadFailure.NetworkUnavailable());
        return new StudyLoad() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
                // nothing is loading
            }
        };
    }

    @Override
    public ReportLoad openReport(ReportRecord report, ReportLoadListener listener) {
        listener.failed(ReportProblem.UNREACHABLE);
        return () -> { };
    }

    @Override
    public void releasePatient(Bsn patient) {
    }

    @Override
    public void signIn(UserIdentity user) {
        // nothing is sent anywhere, so nobody needs to be signed in
    }

    @Override
    public String networkDescription() {
        return message;
    }

    @Override
    public void close() {
    }
}
