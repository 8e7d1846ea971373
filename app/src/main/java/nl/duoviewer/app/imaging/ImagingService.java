package nl.duoviewer.app.imaging;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.identity.UserIdentity;

/**
 * The application's port to the imaging network: find a patient's studies, retrieve one study's images or a report.
 * The DUO client (XCA-I with Mitz consent) implements it; the UI depends on nothing else of the network.
 *
 * <p>Methods may be called from any thread but the JavaFX thread, and may block briefly; long work (queries,
 * retrieval, decoding) runs on the service's own threads and reports through the returned {@link Timeline}, the
 * {@link StudyLoadListener} or the {@link ReportLoadListener}.
 */
public interface ImagingService extends AutoCloseable {

    /**
     * Starts querying every source for the patient's studies and returns the timeline at once; it fills as sources
     * answer, and each source's {@link nl.duoviewer.core.timeline.SourceStatus} says how far it got.
     */
    Timeline startTimeline(Bsn patient);

    /** Queries one source of the timeline again (after a failure, timeout or partial answer). */
    void retrySource(Timeline timeline, String sourceId);

    /** Starts retrieving and decoding a study's images; frames go to the listener as they are decoded. */
    StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener);

    /**
     * Starts retrieving a report (ITI-39 under the same consent gate as images), reading it into memory and checking
     * that it names the report's patient; the outcome goes to the listener once.
     */
    ReportLoad openReport(ReportRecord report, ReportLoadListener listener);

    /**
     * Forgets everything held for the patient (cached images, temporary files) and stops its running work. Called when
     * the user moves to another patient.
     */
    void releasePatient(Bsn patient);

    /**
     * The user an EHR launch names (SMART {@code fhirUser}, an IID call): the following requests are sent for them
     * where the deployment trusts the EHR, and the name is ignored elsewhere (also by a service that sends nothing in
     * anyone's name, such as the scroll benchmark's).
     */
    default void signIn(UserIdentity user) {
    }

    /** One line for the status bar saying which network this is, e.g. "Embedded DUO network (3 communities)". */
    String networkDescription();

    @Override
    void close();
}
