package nl.duoviewer.app;

import nl.duoviewer.app.viewer.ExportRecorder;

/**
 * The application's record of exports until the workstation audit trail takes them: one line in the local log per
 * export, with the BSN masked as everywhere in that log, the study and image, whether it was de-identified and where
 * it went.
 */
final class LoggedExports implements ExportRecorder {

    private static final System.Logger LOG = System.getLogger(LoggedExports.class.getName());

    @Override
    public void exported(ViewExport e) {
        LOG.log(System.Logger.Level.INFO, "Export of the view {0}: patient {1}, study {2}, image {3}, {4}, to {5}",
                e.succeeded() ? "written" : "FAILED", e.patient().masked(), e.studyInstanceUid(), e.sopInstanceUid(),
                e.deIdentified() ? "de-identified" : "with patient overlay", e.file());
    }
}
