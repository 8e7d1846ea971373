package nl.duoviewer.app.network;

import java.io.IOException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.report.ReportDocument;
import nl.duoviewer.report.ReportException;
import nl.duoviewer.report.ReportReader;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;

/**
 * One report being retrieved for the viewer: ITI-39 through the client's consent gate, the bytes read into memory
 * (capped by the client's document limit) and handed to {@link ReportReader}, then the last check before the screen:
 * a report that names a patient must name the one it was registered for, which the timeline already checked against
 * the BSN on screen. Nothing is written to disk. The listener hears the outcome once, and not at all once cancelled.
 */
final class ReportRetrieval implements ReportLoad {

    private static final System.Logger LOG = System.getLogger(ReportRetrieval.class.getName());
    private static final String DICOM = "application/dicom";

    private final ReportRecord report;
    private final ReportLoadListener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile Future<?> task;

    ReportRetrieval(ReportRecord report, ReportLoadListener listener) {
        this.report = report;
        this.listener = listener;
    }

    Bsn patient() {
        return report.patient();
    }

    void follow(Future<?> running) {
        this.task = running;
        if (cancelled) {
            running.cancel(true);
        }
    }

    /** Retrieves, reads and checks the report; call on a background thread. */
    void run(DuoClient client) {
        byte[][] data = new byte[1][];
        String[] responseType = new String[1];
        RetrieveOutcome outcome;
        try {
            outcome = client.retrieveReport(report.patient(), report, (meta, in) -> {
                responseType[0] = meta.mimeType();
                data[0] = in.readAllBytes();
            });
        } catch (ConsentDeniedException e) {
            refused(ReportProblem.CONSENT_REFUSED, e.reason());
            return;
        } catch (IOException | RuntimeException e) {
            refused(ReportProblem.UNREACHABLE, String.valueOf(e.getMessage()));
            return;
        }
        if (data[0] == null) {
            refused(ReportProblem.NOT_AVAILABLE, outcome.message());
            return;
        }
        ReportDocument document;
        try {
            document = ReportReader.read(data[0], declaredType(responseType[0]));
        } catch (ReportException e) {
            refused(e.kind() == ReportException.Kind.UNSUPPORTED_FORMAT ? ReportProblem.UNSUPPORTED_FORMAT
                    : ReportProblem.CORRUPT, e.getMessage());
            return;
        }
        if (!document.patient().matches(report.patient().value())) {
            // never log or echo the identifier the document gives: it may be another person's BSN
            refused(ReportProblem.WRONG_PATIENT, "the document names another patient or none");
            return;
        }
        if (!cancelled && done.compareAndSet(false, true)) {
            listener.loaded(document);
        }
    }

    /**
     * The response's MIME type, unless it is the DICOM default the client fills in for a response without one; then
     * the registry's.
     */
    private String declaredType(String response) {
        return response == null || response.isBlank() || DICOM.equals(response) ? report.document().mimeType()
                : response;
    }

    /** The network could not even be reached. */
    void unreachable(String detail) {
        refused(ReportProblem.UNREACHABLE, detail);
    }

    private void refused(ReportProblem problem, String detail) {
        if (cancelled || !done.compareAndSet(false, true)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Report {0} of {1} not shown: {2} ({3})",
                report.document().documentUniqueId(), report.source().name(), problem, detail);
        listener.failed(problem);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Future<?> t = task;
        if (t != null) {
            t.cancel(true);
        }
    }
}
