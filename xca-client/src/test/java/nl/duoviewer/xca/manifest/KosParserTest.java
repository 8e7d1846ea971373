package nl.duoviewer.xca.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Sequence;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;

class KosParserTest {

    static final String STUDY = "1.2.3.4";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    /** A KOS: two series of the study (one with its own URL), and evidence of a prior study. */
    static DicomObject kos() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, KosParser.KOS_SOP_CLASS);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.999.1");
        ds.setString(Tag.PatientID, VR.LO, "999999011");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "2.16.840.1.113883.2.4.6.3");
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        Sequence evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        DicomObject study = evidence.addItem();
        study.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        study.setString(Tag.RetrieveURL, VR.UR, "http://wado.example/rs/studies/1.2.3.4");
        Sequence series = study.newSequence(Tag.ReferencedSeriesSequence);
        for (int s = 1; s <= 2; s++) {
            DicomObject item = series.addItem();
            item.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + "." + s);
            item.setString(Tag.RetrieveLocationUID, VR.UI, "1.3.6.1.4.1.21367.13.70.1.2.1");
            if (s == 2) {
                item.setString(Tag.RetrieveURL, VR.UR, "http://wado.example/rs/studies/1.2.3.4/series/1.2.3.4.2");
            }
            Sequence refs = item.newSequence(Tag.ReferencedSOPSequence);
            for (int i = 1; i <= 3; i++) {
                DicomObject ref = refs.addItem();
                ref.setString(Tag.ReferencedSOPClassUID, VR.UI, CT);
                ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, STUDY + "." + s + "." + i);
            }
        }
        DicomObject prior = evidence.addItem();
        prior.setString(Tag.StudyInstanceUID, VR.UI, "9.9.9");
        DicomObject priorSeries = prior.newSequence(Tag.ReferencedSeriesSequence).addItem();
        priorSeries.setString(Tag.SeriesInstanceUID, VR.UI, "9.9.9.1");
        priorSeries.setString(Tag.RetrieveLocationUID, VR.UI, "1.2");
        DicomObject ref = priorSeries.newSequence(Tag.ReferencedSOPSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, CT);
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "9.9.9.1.1");
        return ds;
    }

    static byte[] bytes(DicomObject ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, "1.2.840.10008.1.2.1", out);
        return out.toByteArray();
    }

    @Test
    void evidenceBecomesSeriesWithRetrieveLocations() throws IOException {
        StudyManifest m = KosParser.parse(bytes(kos()), STUDY);
        assertEquals(STUDY, m.studyInstanceUid());
        assertEquals("1.2.3.4.999.1", m.manifestSopInstanceUid());
        assertEquals("999999011", m.patientId());
        assertTrue(m.consistentWith(nl.duoviewer.core.patient.Bsn.parse("999999011")));
        assertTrue(!m.consistentWith(nl.duoviewer.core.patient.Bsn.parse("999990007")),
                "a manifest naming another BSN is not for this patient");
        assertEquals(2, m.series().size());
        assertEquals(6, m.instanceCount());
        ManifestSeries first = m.series().getFirst();
        assertEquals("1.3.6.1.4.1.21367.13.70.1.2.1", first.retrieveLocationUid());
        assertEquals(List.of("1.2.3.4.1.1", "1.2.3.4.1.2", "1.2.3.4.1.3"), first.sopInstanceUids());
        assertEquals(CT, first.instances().getFirst().sopClassUid());
        assertEquals(URI.create("http://wado.example/rs/studies/1.2.3.4"), first.retrieveUrl(),
                "series without its own URL inherit the study's");
        assertEquals(URI.create("http://wado.example/rs/studies/1.2.3.4/series/1.2.3.4.2"),
                m.series().get(1).retrieveUrl());
    }

    @Test
    void unusableManifestsAreRejectedWithAReason() throws IOException {
        assertTrue(assertThrows(ManifestException.class, () -> KosParser.parse(bytes(kos()), "5.5.5"))
                .getMessage().contains("does not describe study"));

        DicomObject notKos = kos();
        notKos.setString(Tag.SOPClassUID, VR.UI, CT);
        assertThrows(ManifestException.class, () -> KosParser.parse(bytes(notKos), STUDY));

        DicomObject badUid = kos();
        badUid.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence).getFirst()
                .getSequence(Tag.ReferencedSeriesSequence).getFirst()
                .getSequence(Tag.ReferencedSOPSequence).getFirst()
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3/../../x");
        assertTrue(assertThrows(ManifestException.class, () -> KosParser.parse(bytes(badUid), STUDY))
                .getMessage().contains("SOP Instance UID"));

        DicomObject badUrl = kos();
        badUrl.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence).getFirst()
                .setString(Tag.RetrieveURL, VR.UR, "file:///etc/passwd");
        assertThrows(ManifestException.class, () -> KosParser.parse(bytes(badUrl), STUDY));

        DicomObject empty = kos();
        empty.remove(Tag.CurrentRequestedProcedureEvidenceSequence);
        assertThrows(ManifestException.class, () -> KosParser.parse(bytes(empty), STUDY));

        assertThrows(IOException.class, () -> KosParser.parse(new byte[] {1, 2, 3}, STUDY));
    }

    @Test
    void aSeriesWithoutRetrieveLocationIsKeptAsUnavailableAndTheOthersStay() throws IOException {
        DicomObject nowhere = kos();
        DicomObject study = nowhere.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence).getFirst();
        study.remove(Tag.RetrieveURL);
        DicomObject first = study.getSequence(Tag.ReferencedSeriesSequence).getFirst();
        first.remove(Tag.RetrieveLocationUID);
        first.setString(Tag.RetrieveAETitle, VR.AE, "PACS_AE"); // DIMSE only: XCA-I cannot use it
        StudyManifest m = KosParser.parse(bytes(nowhere), STUDY);
        assertEquals(2, m.series().size(), "only that series is affected");
        assertFalse(m.series().get(0).retrievable());
        assertEquals(3, m.series().get(0).instances().size(), "its instances are still known (to count as missing)");
        assertTrue(m.series().get(1).retrievable());
        assertEquals(6, m.instanceCount());
    }

    @Test
    void aLocalRecordNumberWithTheBsnInOtherPatientIdsIsThisPatient() throws IOException {
        DicomObject ds = kos();
        ds.setString(Tag.PatientID, VR.LO, "Z1234567");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "2.16.528.1.1007.3.3.1234"); // the PACS' own id domain
        DicomObject other = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, "999999011");
        other.setString(Tag.IssuerOfPatientID, VR.LO, nl.duoviewer.core.patient.Bsn.OID);
        StudyManifest m = KosParser.parse(bytes(ds), STUDY);
        assertTrue(m.consistentWith(nl.duoviewer.core.patient.Bsn.parse("999999011")));
        assertFalse(m.consistentWith(nl.duoviewer.core.patient.Bsn.parse("999990007")),
                "the BSN among the other ids names this patient, so not another");
    }

    @Test
    void aLocalPatientIdSaysNothingAboutTheBsn() throws IOException {
        DicomObject ds = kos();
        ds.setString(Tag.PatientID, VR.LO, "LOCAL-123");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "OLVG");
        assertTrue(KosParser.parse(bytes(ds), STUDY).consistentWith(nl.duoviewer.core.patient.Bsn.parse("999990007")));
    }

    @Test
    void withoutAnExpectedStudyTheFirstEvidenceStudyIsTaken() throws IOException {
        StudyManifest m = KosParser.parse(bytes(kos()), null);
        assertEquals(STUDY, m.studyInstanceUid());
        assertEquals(6, m.instanceCount(), "the prior's evidence stays out");
    }
}
