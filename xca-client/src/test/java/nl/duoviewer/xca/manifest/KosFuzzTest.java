package nl.duoviewer.xca.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.PatientIdentifiers;
import nl.duoviewer.xca.foreign.Mutations;

/**
 * Seeded mutation of KOS manifests (the BSN in Patient ID; a local record number with the BSN in Other Patient IDs; a
 * series without retrieve location; this BSN in Patient ID and another in Other Patient IDs): every mutant parses or
 * fails with the module's {@link IOException} (ManifestException, DicomParseException); a parsed manifest describes
 * the study asked for, only with valid UIDs, and is never taken for this patient's when the object itself names
 * another BSN.
 */
class KosFuzzTest {

    static final int MUTANTS = 2000;
    static final Bsn PATIENT = Bsn.parse("999999011");

    static byte[][] seeds() throws IOException {
        DicomObject plain = KosParserTest.kos();
        DicomObject local = KosParserTest.kos();
        local.setString(Tag.PatientID, VR.LO, "Z1234567");
        local.setString(Tag.IssuerOfPatientID, VR.LO, "2.16.528.1.1007.3.3.1234");
        DicomObject other = local.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, PATIENT.value());
        other.setString(Tag.IssuerOfPatientID, VR.LO, Bsn.OID);
        DicomObject nowhere = KosParserTest.kos();
        DicomObject study = nowhere.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence).getFirst();
        study.remove(Tag.RetrieveURL);
        study.getSequence(Tag.ReferencedSeriesSequence).getFirst().remove(Tag.RetrieveLocationUID);
        DicomObject twoBsns = KosParserTest.kos();
        DicomObject second = twoBsns.newSequence(Tag.OtherPatientIDsSequence).addItem();
        second.setString(Tag.PatientID, VR.LO, "999990007");
        second.setString(Tag.IssuerOfPatientID, VR.LO, Bsn.OID);
        return new byte[][] {KosParserTest.bytes(plain), KosParserTest.bytes(local), KosParserTest.bytes(nowhere),
            KosParserTest.bytes(twoBsns)};
    }

    @Test
    void everyMutatedManifestParsesOrFailsWithTheTypedError() throws IOException {
        byte[][] seeds = seeds();
        SplittableRandom random = new SplittableRandom(20261206L);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = Mutations.mutate(seeds[i % seeds.length], random);
                StudyManifest m;
                try {
                    m = KosParser.parse(mutant, KosParserTest.STUDY);
                } catch (IOException e) {
                    outcome[1]++;
                    continue;
                } catch (RuntimeException e) {
                    fail("mutant " + i + " escaped as " + e, e);
                    return;
                }
                outcome[0]++;
                assertEquals(KosParserTest.STUDY, m.studyInstanceUid(), "mutant " + i);
                assertTrue(m.instanceCount() > 0 && m.instanceCount() <= KosParser.MAX_INSTANCES);
                for (ManifestSeries s : m.series()) {
                    assertTrue(s.seriesInstanceUid().matches("[0-9]+(\\.[0-9]+)*"), s.seriesInstanceUid());
                    s.sopInstanceUids().forEach(u -> assertTrue(u.matches("[0-9]+(\\.[0-9]+)*"), u));
                }
                if (m.consistentWith(PATIENT)) {
                    // read the mutant again, independently: it must not name another BSN anywhere
                    assertNotEquals(PatientIdentifiers.Verdict.OTHER_PATIENT,
                            PatientIdentifiers.judge(DicomReader.read(mutant).dataset(), PATIENT), "mutant " + i);
                }
            }
        });
        assertEquals(MUTANTS, outcome[0] + outcome[1]);
        assertTrue(outcome[0] > 0 && outcome[1] > 0, "both outcomes occur: " + outcome[0] + " / " + outcome[1]);
    }
}
