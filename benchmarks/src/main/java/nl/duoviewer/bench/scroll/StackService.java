package nl.duoviewer.bench.scroll;

import java.util.List;

import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * The imaging service of the scroll benchmark: a timeline with the one study of the decoded stack, whose frames it
 * hands to the viewer at once. Decoding is done beforehand (the benchmark measures scrolling once decoded), through
 * the viewer's pipeline.
 */
final class StackService implements ImagingService {

    private final List<DecodedFrame> frames;

    StackService(List<DecodedFrame> frames) {
        this.frames = List.copyOf(frames);
    }

    @Override
    public Timeline startTimeline(Bsn patient) {
        Timeline t = new Timeline(patient);
        if (patient.equals(CtStack.PATIENT)) {
            t.addAll(List.of(CtStack.record()), List.of());
        }
        t.updateSource(new SourceStatus("bench", "Benchmark", SourceStatus.State.COMPLETE, ""));
        return t;
    }

    @Override
    public void retrySource(Timeline timeline, String sourceId) {
    }

    @Override
    public StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener) {
        frames.forEach(listener::frameDecoded);
        listener.progress(frames.size(), frames.size());
        listener.completed();
        return new StudyLoad() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void focus(String seriesInstanceUid, int instanceNumber, int frameNumber) {
                // everything is decoded already
            }
        };
    }

    @Override
    public ReportLoad openReport(ReportRecord report, ReportLoadListener listener) {
        listener.failed(ReportProblem.NOT_AVAILABLE); // the benchmark's study has no report
        return () -> { };
    }

    @Override
    public void releasePatient(Bsn patient) {
    }

    @Override
    public String networkDescription() {
        return "Scroll benchmark: one decoded CT stack";
    }

    @Override
    public void close() {
    }
}
