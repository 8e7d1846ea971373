package nl.duoviewer.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.StudyRetrieval;
import nl.duoviewer.xca.local.LocalPacsClient;
import nl.duoviewer.xca.local.LocalQueryResult;

/**
 * The hospital's own PACS as one more source of the DUO timeline ({@link DuoImagingService} hands it its timelines):
 * its studies enter the same {@link Timeline}, where they merge with external copies of the same Study Instance UID,
 * and its state is its own source row, so a PACS that is down, slow or answers garbage never blanks the timeline. A
 * study it holds is opened from it, without the DUO client and so without Mitz (decision record 29). The row's texts
 * are the client's typed reasons in the user's language.
 */
final class LocalStudies implements AutoCloseable {

    private final LocalPacsClient client;
    private final Texts texts;

    LocalStudies(LocalPacsClient client, Texts texts) {
        this.client = Objects.requireNonNull(client);
        this.texts = Objects.requireNonNull(texts);
    }

    /** The row shown while the PACS is asked. */
    void querying(Timeline timeline) {
        timeline.updateSource(status(SourceStatus.State.QUERYING, ""));
    }

    /**
     * Asks the PACS for the timeline's patient and adds what belongs (blocking, bounded by the PACS timeout).
     *
     * @param stillWanted false once the patient was closed meanwhile: then nothing is added
     */
    void fill(Timeline timeline, java.util.function.BooleanSupplier stillWanted) {
        LocalQueryResult r;
        try {
            r = client.query(timeline.patient());
        } catch (RuntimeException e) {
            // a fault of ours must cost this row, not leave it querying for ever
            r = new LocalQueryResult(List.of(), 0, 0, java.util.Optional.of(new LocalQueryResult.Failure(
                    LocalQueryResult.Reason.MALFORMED, e.getClass().getSimpleName())));
        }
        if (!stillWanted.getAsBoolean()) {
            return;
        }
        timeline.addAll(r.studies(), List.of());
        timeline.countRejected(r.rejected());
        if (r.failure().isPresent()) {
            LocalQueryResult.Failure f = r.failure().get();
            timeline.updateSource(status(f.reason() == LocalQueryResult.Reason.TIMED_OUT
                    ? SourceStatus.State.TIMED_OUT : SourceStatus.State.FAILED,
                    texts.get("sources.local." + f.reason().name(), f.detail())));
            return;
        }
        List<String> notes = new ArrayList<>();
        if (r.rejected() > 0) {
            notes.add(texts.get("sources.local.rejected", r.rejected()));
        }
        if (r.malformed() > 0) {
            notes.add(texts.get("sources.local.malformed", r.malformed()));
        }
        timeline.updateSource(status(r.malformed() > 0 ? SourceStatus.State.PARTIAL : SourceStatus.State.COMPLETE,
                String.join("; ", notes)));
    }

    private SourceStatus status(SourceStatus.State state, String message) {
        return new SourceStatus(SourceInstitution.LOCAL, client.source().name(), state, message,
                new ConsentBasis.OwnInstitution());
    }

    /** True when the study is best opened here: the PACS holds it (external copies may exist too). */
    boolean holds(TimelineEntry study) {
        return study.isLocal();
    }

    /** Retrieves the study from the PACS into a load (no consent gate, no Mitz: the institution's own study). */
    StudyImageLoad open(TimelineEntry study, StudyLoadListener listener, FramePipeline decoding) {
        Bsn patient = study.patient();
        String patientId = client.patientIdOf(patient).orElse(patient.value());
        StudyImageLoad load = new StudyImageLoad(study, client.source(), patientId, listener, decoding);
        StudyRetrieval retrieval = client.retrieveStudy(patient, study, load::manifestArrived, load);
        load.follow(retrieval);
        return load;
    }

    void releasePatient(Bsn patient) {
        client.clearPatient(patient);
    }

    @Override
    public void close() {
        client.close();
    }

    /** True for the id of the PACS's source row. */
    static boolean isLocalSource(String sourceId) {
        return SourceInstitution.LOCAL.equals(sourceId);
    }
}
