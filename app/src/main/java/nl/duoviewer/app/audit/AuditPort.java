package nl.duoviewer.app.audit;

import java.util.List;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * What the screens report to the workstation's audit trail: the accesses that happen on screen rather than on the
 * network (those the DUO client reports itself). Calls return at once and never throw; call from any thread.
 */
public interface AuditPort {

    /** For tests of screens that are not about auditing. */
    AuditPort NONE = new AuditPort() {
        @Override
        public void patientOpened(Bsn patient) {
        }

        @Override
        public void patientClosed(Bsn patient) {
        }

        @Override
        public void studyDisplayed(TimelineEntry study) {
        }

        @Override
        public void reportDisplayed(ReportRecord report) {
        }

        @Override
        public void exported(Bsn patient, List<String> studyUids, String destination, boolean succeeded) {
        }
    };

    /** A patient was put on screen (banner, timeline). */
    void patientOpened(Bsn patient);

    /** The patient left the screen (closed, or replaced by another). */
    void patientClosed(Bsn patient);

    /** The first image of a study was shown. */
    void studyDisplayed(TimelineEntry study);

    /** A report was shown. */
    void reportDisplayed(ReportRecord report);

    /**
     * Images or a report left the viewer.
     *
     * @param destination where to: a file URI, a printer, another system
     */
    void exported(Bsn patient, List<String> studyUids, String destination, boolean succeeded);
}
