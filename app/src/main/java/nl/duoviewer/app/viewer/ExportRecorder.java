package nl.duoviewer.app.viewer;

import java.nio.file.Path;
import java.util.Objects;

import nl.duoviewer.core.patient.Bsn;

/**
 * Where the viewer reports that an image left it: every export of the current view, whether it succeeded or not,
 * goes through this one interface, so the workstation's audit trail can record it (the application wires it; the
 * viewer does not know the audit trail). Called on a background thread; must return at once and never throw.
 */
@FunctionalInterface
public interface ExportRecorder {

    /** Records nothing: for tests of screens that are not about exporting. */
    ExportRecorder NONE = export -> {
    };

    /** One export of the current view as a picture file. */
    void exported(ViewExport export);

    /**
     * What was exported.
     *
     * @param patient          the patient whose image it is
     * @param studyInstanceUid the study on screen
     * @param sopInstanceUid   the image on screen (empty when its object named none)
     * @param deIdentified     true when the user chose to leave the patient overlay out
     * @param file             where the user chose to write it
     * @param succeeded        false when the file could not be written
     */
    record ViewExport(Bsn patient, String studyInstanceUid, String sopInstanceUid, boolean deIdentified, Path file,
                      boolean succeeded) {
        public ViewExport {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
            sopInstanceUid = sopInstanceUid == null ? "" : sopInstanceUid;
            Objects.requireNonNull(file, "file");
        }
    }
}
