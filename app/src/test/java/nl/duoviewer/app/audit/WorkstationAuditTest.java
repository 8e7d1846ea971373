package nl.duoviewer.app.audit;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.log.AuditLog;
import nl.duoviewer.audit.log.AuditLogVerifier;
import nl.duoviewer.audit.log.LogRecord;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.config.RequesterIdentity;

class WorkstationAuditTest {

    static final RequesterIdentity DOCTOR = new RequesterIdentity(
            new nl.duoviewer.xca.config.OrganisationIdentity("00001234", "Ziekenhuis Oost", "V4", "TREAT"),
            new nl.duoviewer.xca.identity.UserIdentity("900012345", "01.015", "Dr. Test",
                    nl.duoviewer.xca.identity.IdentitySource.UZI_PAS));

    @TempDir
    Path dir;

    private List<String> events(WorkstationAudit audit) throws IOException {
        AuditLog log = audit.trail().log();
        return log.readFrom(0, 1000).stream().map(AuditLog.Positioned::record)
                .filter(r -> r.kind() == LogRecord.Kind.EVENT).map(LogRecord::content).toList();
    }

    @Test
    void screenEventsBeforeTheNetworkIsReachedWaitForTheUserAndKeepTheirOrder() throws Exception {
        WorkstationAudit audit = WorkstationAudit.open(AuditSettings.localOnly(dir), Clock.systemUTC());
        audit.patientOpened(PATIENT_A);
        audit.requesterIs(DOCTOR);
        audit.patientClosed(PATIENT_A);
        audit.close();
        List<String> events = events(audit);
        assertEquals(2, events.size());
        assertTrue(events.getFirst().contains("DUO-PATIENT-OPEN") && events.get(1).contains("DUO-PATIENT-CLOSE"));
        assertTrue(events.stream().allMatch(e -> e.contains("900012345^^^&amp;2.16.528.1.1007.3.1&amp;ISO")
                && e.contains("AuditEnterpriseSiteID=\"00001234\"")), events.toString());
        assertTrue(AuditLogVerifier.verify(audit.trail().log().file()).intact());
    }

    @Test
    void clientEventsWithoutARequesterWaitForTheUserLikeScreenEvents() throws Exception {
        WorkstationAudit audit = WorkstationAudit.open(AuditSettings.localOnly(dir), Clock.systemUTC());
        // the hospital's PACS is asked while the DUO network is still being reached
        audit.record(AuditEvent.of(Instant.now(), AuditEvent.Transaction.QIDO_RS, PATIENT_A)
                .institution(nl.duoviewer.core.timeline.SourceInstitution.local("Radiologie (PACS)", "00001234"))
                .community("").endpoint("https://pacs.example.nl/dicom-web/studies").query("PatientID=999999011")
                .build());
        assertEquals(List.of(), events(audit), "nothing is recorded under an unknown user");
        audit.requesterIs(DOCTOR);
        audit.close();
        String e = events(audit).getFirst();
        assertTrue(e.contains("csd-code=\"RAD-129\"") && e.contains("900012345^^^&amp;2.16.528.1.1007.3.1&amp;ISO"),
                e);
    }

    @Test
    void clientEventsBecomeTheirIheMessagesWithEverythingTheyCarry() throws Exception {
        WorkstationAudit audit = WorkstationAudit.open(AuditSettings.localOnly(dir), Clock.systemUTC());
        audit.record(AuditEvent.of(Instant.now(), AuditEvent.Transaction.RAD_75, PATIENT_A).institution(ERASMUS)
                .endpoint("https://gw.example.nl/rad75").repository("1.2.3.4").study("1.2.5").series("1.2.5.1")
                .outcome(AuditEvent.Outcome.PARTIAL).detail("3/4 instances").build().withRequester(DOCTOR));
        audit.close();
        String e = events(audit).getFirst();
        assertTrue(e.contains("csd-code=\"RAD-75\"") && e.contains("EventOutcomeIndicator=\"4\"")
                && e.contains("ParticipantObjectID=\"1.2.5\"") && e.contains("999999011^^^"), e);
        assertTrue(e.contains("https://gw.example.nl/rad75") && e.contains("Erasmus MC"), e);
    }

    @Test
    void reportDisplayAndExportHaveTheirMessages() throws Exception {
        WorkstationAudit audit = WorkstationAudit.open(AuditSettings.localOnly(dir), Clock.systemUTC());
        audit.requesterIs(DOCTOR);
        ReportRecord r = report(PATIENT_A, "1.2.5", "2024-01-02T10:00", "Verslag CT thorax", ERASMUS);
        audit.reportDisplayed(r);
        audit.exported(PATIENT_A, List.of("1.2.5"), "file:///media/usb/ct.dcm", true);
        audit.close();
        List<String> events = events(audit);
        assertTrue(events.getFirst().contains("DUO-REPORT-DISPLAY")
                && events.getFirst().contains(r.document().documentUniqueId()), events.getFirst());
        assertTrue(events.get(1).contains("csd-code=\"110106\"") && events.get(1).contains("file:///media/usb/ct.dcm"),
                events.get(1));
    }
}
