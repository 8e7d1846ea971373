package nl.duoviewer.app.testing;

import java.time.LocalDateTime;
import java.util.Set;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;

/** Builders for timeline model objects as a community would return them. */
public final class Records {

    public static final Bsn PATIENT_A = Bsn.parse("999999011");
    public static final Bsn PATIENT_B = Bsn.parse("999998456");

    public static final SourceInstitution ERASMUS = new SourceInstitution("Erasmus MC", "00000123",
            "urn:oid:2.16.840.1.113883.2.4.3.111.1");
    public static final SourceInstitution ISALA = new SourceInstitution("Isala Zwolle", "00000456",
            "urn:oid:2.16.840.1.113883.2.4.3.111.2");
    public static final SourceInstitution RIJNSTATE = new SourceInstitution("Rijnstate Arnhem", "00000789",
            "urn:oid:2.16.840.1.113883.2.4.3.111.3");

    private Records() {
    }

    public static StudyRecord study(Bsn patient, String uid, String dateTime, String modalities, String bodyPart,
                                    String description, SourceInstitution source) {
        return new StudyRecord(uid, patient, dateTime == null ? null : LocalDateTime.parse(dateTime),
                Set.of(modalities.split(",")), bodyPart, description, "ACC" + uid.hashCode(), source,
                new DocumentLocator(source.homeCommunityId(), "1.2.3.4.5." + Math.abs(source.hashCode() % 1000),
                        uid + ".kos", "application/dicom"));
    }

    public static ReportRecord report(Bsn patient, String studyUid, String dateTime, String title,
                                      SourceInstitution source) {
        return new ReportRecord(studyUid, patient, LocalDateTime.parse(dateTime), title, source,
                new DocumentLocator(source.homeCommunityId(), "1.2.3.4.6", studyUid + ".pdf", "application/pdf"));
    }

    public static SourceStatus status(SourceInstitution source, SourceStatus.State state, String message) {
        return new SourceStatus(source.homeCommunityId(), source.name(), state, message);
    }
}
