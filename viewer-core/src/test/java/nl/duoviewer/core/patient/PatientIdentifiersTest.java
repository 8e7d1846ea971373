package nl.duoviewer.core.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.PatientIdentifiers.Verdict;

class PatientIdentifiersTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final String OTHER = "999990007";

    static DicomObject object(String patientId, String issuer) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        if (issuer != null) {
            ds.setString(Tag.IssuerOfPatientID, VR.LO, issuer);
        }
        return ds;
    }

    /** Gives the object one Other Patient IDs item. */
    static void otherId(DicomObject ds, String id, String issuer) {
        DicomObject item = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        item.setString(Tag.PatientID, VR.LO, id);
        item.setString(Tag.IssuerOfPatientID, VR.LO, issuer);
    }

    /** Through the writer and the reader, so that the sequences are judged as a source would send them. */
    static DicomObject roundTrip(DicomObject ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, "1.2.840.10008.1.2.1", out);
        return DicomReader.read(out.toByteArray()).dataset();
    }

    @Test
    void theBsnInPatientIdMatchesWithOrWithoutItsIssuer() throws IOException {
        assertEquals(Verdict.MATCHES, PatientIdentifiers.judge(roundTrip(object("999999011", Bsn.OID)), PATIENT));
        assertEquals(Verdict.MATCHES, PatientIdentifiers.judge(roundTrip(object("999999011", null)), PATIENT));
        assertEquals(Verdict.MATCHES, PatientIdentifiers.judge(roundTrip(object("999999011",
                "urn:oid:" + Bsn.OID)), PATIENT));
    }

    @Test
    void aLocalRecordNumberWithTheBsnInOtherPatientIdsMatches() throws IOException {
        DicomObject ds = object("Z1234567", "OLVG");
        otherId(ds, "999999011", Bsn.OID);
        assertEquals(Verdict.MATCHES, PatientIdentifiers.judge(roundTrip(ds), PATIENT));
        assertEquals(2, PatientIdentifiers.of(roundTrip(ds)).size());
    }

    @Test
    void theIssuerMayComeFromTheQualifiersSequence() throws IOException {
        DicomObject ds = object("Z1234567", "OLVG");
        DicomObject item = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        item.setString(Tag.PatientID, VR.LO, "999999011");
        item.newSequence(Tag.IssuerOfPatientIDQualifiersSequence).addItem()
                .setString(PatientIdentifiers.UNIVERSAL_ENTITY_ID, VR.UT, Bsn.OID);
        assertEquals(Verdict.MATCHES, PatientIdentifiers.judge(roundTrip(ds), PATIENT));
    }

    @Test
    void anotherBsnAnywhereIsAnotherPatientEvenBesideOurs() throws IOException {
        assertEquals(Verdict.OTHER_PATIENT, PatientIdentifiers.judge(roundTrip(object(OTHER, Bsn.OID)), PATIENT));
        DicomObject both = object("999999011", Bsn.OID);
        otherId(both, OTHER, Bsn.OID);
        assertEquals(Verdict.OTHER_PATIENT, PatientIdentifiers.judge(roundTrip(both), PATIENT),
                "two BSNs on one object cannot both be right");
        DicomObject local = object("Z1234567", "OLVG");
        otherId(local, "12345", Bsn.OID);
        assertEquals(Verdict.OTHER_PATIENT, PatientIdentifiers.judge(roundTrip(local), PATIENT),
                "a BSN-issued identifier that is no valid BSN is not this patient");
    }

    @Test
    void aLocalRecordNumberAloneNamesNoBsn() throws IOException {
        assertEquals(Verdict.NO_BSN, PatientIdentifiers.judge(roundTrip(object("Z1234567", "OLVG")), PATIENT));
        DicomObject ds = object("Z1234567", "OLVG");
        otherId(ds, "999999011", "OLVG");
        assertEquals(Verdict.NO_BSN, PatientIdentifiers.judge(roundTrip(ds), PATIENT),
                "the BSN digits under another issuer are not a BSN");
    }
}
