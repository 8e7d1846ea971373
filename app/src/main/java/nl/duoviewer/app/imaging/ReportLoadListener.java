package nl.duoviewer.app.imaging;

import nl.duoviewer.report.ReportDocument;

/**
 * Receives the outcome of one report retrieval, exactly once, on the service's threads (never the JavaFX thread).
 */
public interface ReportLoadListener {

    /** The report was retrieved, read and checked against the patient; it is held in memory only. */
    void loaded(ReportDocument document);

    /** The report cannot be shown. */
    void failed(ReportProblem problem);
}
