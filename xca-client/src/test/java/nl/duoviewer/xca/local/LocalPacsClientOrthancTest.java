package nl.duoviewer.xca.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.config.LocalPacsSettings;
import nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode;
import nl.duoviewer.xca.manifest.StudyManifest;
import nl.duoviewer.xca.wado.orthanc.OrthancPeer;

/**
 * The local-PACS client against a real Orthanc (orthanc + orthanc-dicomweb) loaded through its REST API: QIDO-RS
 * finds the patient's studies under the BSN or under the hospital's own number (found through Other Patient IDs),
 * records filed under another issuer are dropped and counted, WADO-RS brings every instance of a study, and each
 * search and retrieval is audited with the local source. Orthanc missing fails the test in CI.
 */
@Timeout(120)
class LocalPacsClientOrthancTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final Bsn LOCAL_PATIENT = Bsn.parse("999999023");
    static final Bsn AMBIGUOUS = Bsn.parse("999999035");
    static final Bsn OTHER = Bsn.parse("999999047");

    static final LocalStudyFiles.Study CT = new LocalStudyFiles.Study("999999011", "", "", "1.2.826.0.1.3680043.10.1.1",
            "20240312", "CT", "CT thorax");
    static final LocalStudyFiles.Study MR = new LocalStudyFiles.Study("999999011", "NLMINBIZA", "",
            "1.2.826.0.1.3680043.10.1.2", "20230105", "MR", "MR knie");
    /** The same number under another issuer: another hospital's patient 999999011, not the BSN. */
    static final LocalStudyFiles.Study SAME_NUMBER_OTHER_ISSUER = new LocalStudyFiles.Study("999999011", "ANDERZKH",
            "", "1.2.826.0.1.3680043.10.1.3", "20220101", "CR", "X thorax");
    static final LocalStudyFiles.Study OTHER_PATIENT = new LocalStudyFiles.Study("999999047", "", "",
            "1.2.826.0.1.3680043.10.1.4", "20240101", "US", "Echo");
    static final LocalStudyFiles.Study BY_NUMBER_WITH_BSN = new LocalStudyFiles.Study("Z1234", "ZKH", "999999023",
            "1.2.826.0.1.3680043.10.2.1", "20250101", "CT", "CT schedel");
    static final LocalStudyFiles.Study BY_NUMBER_ONLY = new LocalStudyFiles.Study("Z1234", "ZKH", "",
            "1.2.826.0.1.3680043.10.2.2", "20190101", "DX", "Hand");
    static final LocalStudyFiles.Study NUMBER_OTHER_ISSUER = new LocalStudyFiles.Study("Z1234", "OTHERZKH", "",
            "1.2.826.0.1.3680043.10.2.3", "20180101", "DX", "Voet");
    static final LocalStudyFiles.Study AMBIGUOUS_1 = new LocalStudyFiles.Study("Z7001", "ZKH", "999999035",
            "1.2.826.0.1.3680043.10.3.1", "20200101", "CT", "A");
    static final LocalStudyFiles.Study AMBIGUOUS_2 = new LocalStudyFiles.Study("Z7002", "ZKH", "999999035",
            "1.2.826.0.1.3680043.10.3.2", "20200102", "CT", "B");

    @TempDir
    static Path work;
    static OrthancPeer orthanc;

    @BeforeAll
    static void loadOrthanc() throws Exception {
        orthanc = OrthancPeer.start(work);
        for (LocalStudyFiles.Study s : List.of(MR, SAME_NUMBER_OTHER_ISSUER, OTHER_PATIENT, BY_NUMBER_WITH_BSN,
                BY_NUMBER_ONLY, NUMBER_OTHER_ISSUER, AMBIGUOUS_1, AMBIGUOUS_2)) {
            orthanc.upload(LocalStudyFiles.instance(s, 1, 1));
        }
        for (int series = 1; series <= 2; series++) {
            for (int n = 1; n <= 2; n++) {
                orthanc.upload(LocalStudyFiles.instance(CT, series, n));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    private LocalPacsClient client(PatientIdMode mode, String issuer) {
        return LocalPacsClient.open(new LocalPacsSettings("Radiologie (PACS)", "12345678", orthanc.dicomWebBase(),
                null, mode, issuer, Duration.ofSeconds(20), null, null, null, null), audit::add, Clock.systemUTC());
    }

    @Test
    void findsThePatientsStudiesUnderTheBsnAndDropsTheSameNumberUnderAnotherIssuer() {
        try (LocalPacsClient client = client(PatientIdMode.BSN, "")) {
            LocalQueryResult r = client.query(PATIENT);

            assertEquals(Optional.empty(), r.failure());
            Map<String, StudyRecord> byUid = new TreeMap<>();
            r.studies().forEach(s -> byUid.put(s.studyInstanceUid(), s));
            assertEquals(Set.of(CT.studyUid(), MR.studyUid()), byUid.keySet());
            assertEquals(1, r.rejected(), "the study of the same number under another issuer is another patient's");
            StudyRecord ct = byUid.get(CT.studyUid());
            assertEquals(PATIENT, ct.patient());
            assertEquals(LocalDateTime.of(2024, 3, 12, 10, 15), ct.studyDateTime());
            assertEquals(Set.of("CT"), ct.modalities());
            assertEquals("CT thorax", ct.description());
            assertTrue(ct.source().isLocal());
            assertEquals(new SourceInstitution("Radiologie (PACS)", "12345678", SourceInstitution.LOCAL),
                    ct.source());
            assertEquals(Optional.of("999999011"), client.patientIdOf(PATIENT));

            AuditEvent qido = audit.getLast();
            assertEquals(AuditEvent.Transaction.QIDO_RS, qido.transaction());
            assertEquals(PATIENT, qido.patient());
            assertEquals(ct.source(), qido.institution());
            assertEquals("", qido.homeCommunityId(), "no DUO community is involved");
            assertTrue(qido.query().startsWith("PatientID=999999011&"), qido.query());
            assertEquals(AuditEvent.Outcome.SUCCESS, qido.outcome());
        }
    }

    @Test
    void retrievesEveryInstanceOfALocalStudyWithWadoRsAndAuditsEachSeries() throws Exception {
        try (LocalPacsClient client = client(PatientIdMode.BSN, "")) {
            Timeline timeline = new Timeline(PATIENT);
            timeline.addAll(client.query(PATIENT).studies(), List.of());
            TimelineEntry entry = timeline.snapshot().entries().stream()
                    .filter(e -> e.studyInstanceUid().equals(CT.studyUid())).findFirst().orElseThrow();
            audit.clear();
            List<StudyManifest> manifests = new CopyOnWriteArrayList<>();
            Map<String, String> patientIds = new java.util.concurrent.ConcurrentHashMap<>();

            StudyRetrievalResult result = client.retrieveStudy(PATIENT, entry, manifests::add, (instance, data) -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                data.transferTo(bytes);
                var object = DicomReader.read(new java.io.ByteArrayInputStream(bytes.toByteArray())).dataset();
                patientIds.put(object.getString(Tag.SOPInstanceUID, ""), object.getString(Tag.PatientID, ""));
            }).result().get(60, TimeUnit.SECONDS);

            assertEquals(1, manifests.size());
            assertEquals(2, manifests.getFirst().series().size());
            assertEquals(4, manifests.getFirst().instanceCount());
            assertTrue(result.complete(), result::toString);
            assertEquals(Set.of(LocalStudyFiles.sopUid(CT, 1, 1), LocalStudyFiles.sopUid(CT, 1, 2),
                    LocalStudyFiles.sopUid(CT, 2, 1), LocalStudyFiles.sopUid(CT, 2, 2)), patientIds.keySet());
            assertEquals(Set.of("999999011"), Set.copyOf(patientIds.values()));
            assertTrue(result.source().isLocal());

            List<AuditEvent> wado = audit.stream().filter(e -> e.transaction() == AuditEvent.Transaction.WADO_RS)
                    .toList();
            assertEquals(2, wado.size(), "one WADO-RS retrieval per series");
            for (AuditEvent e : wado) {
                assertEquals(List.of(CT.studyUid()), e.studyUids());
                assertTrue(e.institution().isLocal());
                assertEquals(AuditEvent.Outcome.SUCCESS, e.outcome());
            }
            assertTrue(audit.stream().noneMatch(e -> e.transaction() == AuditEvent.Transaction.MITZ_OPEN
                    || e.transaction() == AuditEvent.Transaction.MITZ_CLOSED
                    || e.transaction() == AuditEvent.Transaction.CONSENT_GATE), "no consent step for own studies");
        }
    }

    @Test
    void aStudyOfAnotherPatientIsNotRetrievedUnderThisOne() throws Exception {
        try (LocalPacsClient client = client(PatientIdMode.BSN, "")) {
            client.query(PATIENT);
            Timeline foreign = new Timeline(PATIENT);
            // a forged entry: the other patient's study under this patient's BSN
            foreign.addAll(List.of(new StudyRecord(OTHER_PATIENT.studyUid(), PATIENT, null, Set.of(), "", "", "",
                    client.source(), new nl.duoviewer.core.timeline.DocumentLocator(SourceInstitution.LOCAL, "x",
                    OTHER_PATIENT.studyUid(), null))), List.of());
            List<String> received = new CopyOnWriteArrayList<>();
            var failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> client.retrieveStudy(PATIENT, foreign.snapshot().entries().getFirst(), m -> { },
                            (i, d) -> received.add(i.sopInstanceUid())).result().get(60, TimeUnit.SECONDS));
            assertTrue(failure.getCause().getMessage().contains("not filed under this patient"),
                    failure.getCause().getMessage());
            assertEquals(List.of(), received);
        }
    }

    @Test
    void findsTheHospitalNumberThroughOtherPatientIdsAndDropsItUnderAnotherIssuer() {
        try (LocalPacsClient client = client(PatientIdMode.LOCAL, "ZKH")) {
            LocalQueryResult r = client.query(LOCAL_PATIENT);

            assertEquals(Optional.empty(), r.failure());
            assertEquals(Set.of(BY_NUMBER_WITH_BSN.studyUid(), BY_NUMBER_ONLY.studyUid()),
                    Set.copyOf(r.studies().stream().map(StudyRecord::studyInstanceUid).toList()));
            assertEquals(1, r.rejected(), "Z1234 under another issuer is another patient");
            assertTrue(r.studies().stream().allMatch(s -> s.patient().equals(LOCAL_PATIENT)));
            assertEquals(Optional.of("Z1234"), client.patientIdOf(LOCAL_PATIENT));
            assertEquals(2, audit.stream().filter(e -> e.transaction() == AuditEvent.Transaction.QIDO_RS).count(),
                    "the number, then the studies");
        }
    }

    @Test
    void aBsnThatLeadsToTwoHospitalNumbersShowsNothingAndSaysWhy() {
        try (LocalPacsClient client = client(PatientIdMode.LOCAL, "ZKH")) {
            LocalQueryResult r = client.query(AMBIGUOUS);

            assertEquals(List.of(), r.studies());
            assertEquals(LocalQueryResult.Reason.AMBIGUOUS_PATIENT, r.failure().orElseThrow().reason());
            assertEquals(Optional.empty(), client.patientIdOf(AMBIGUOUS));
        }
    }

    @Test
    void aPatientThePacsDoesNotKnowHasNoLocalStudies() {
        try (LocalPacsClient client = client(PatientIdMode.LOCAL, "ZKH")) {
            LocalQueryResult r = client.query(Bsn.parse("999999059"));
            assertEquals(new LocalQueryResult(List.of(), 0, 0, Optional.empty()), r);
        }
        try (LocalPacsClient client = client(PatientIdMode.BSN, "")) {
            assertEquals(List.of(), client.query(OTHER).studies().stream()
                    .filter(s -> !s.studyInstanceUid().equals(OTHER_PATIENT.studyUid())).toList());
            assertEquals(1, client.query(OTHER).studies().size(), "the other patient finds only their own study");
        }
    }
}
