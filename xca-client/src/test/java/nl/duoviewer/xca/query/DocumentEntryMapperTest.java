package nl.duoviewer.xca.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.transform.hl7.PatientInfoTransformer;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.core.patient.SourcePatientInfo;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;

/** Registry metadata to timeline records; here: the patient as the source registered them (sourcePatientInfo). */
class DocumentEntryMapperTest {

    static final Bsn PATIENT = Bsn.parse("999999011");

    static DocumentEntry entry(List<String> sourcePatientInfo) {
        DocumentEntry e = new DocumentEntry();
        e.setUniqueId("1.2.3.kos");
        e.setHomeCommunityId("urn:oid:1.2.3.100");
        e.setRepositoryUniqueId("1.2.3.200");
        e.setMimeType("application/dicom");
        e.setPatientId(new Identifiable(PATIENT.value(), new AssigningAuthority(Bsn.OID, "ISO")));
        e.getReferenceIdList().add(new ReferenceId("1.2.3.4", null, ReferenceId.ID_TYPE_STUDY_INSTANCE_ID));
        Author a = new Author();
        a.getAuthorInstitution().add(new Organization("Isala Zwolle", "00000456",
                new AssigningAuthority(SourceInstitution.URA_OID, "ISO")));
        e.getAuthors().add(a);
        if (sourcePatientInfo != null) {
            // the slot values as they travel in ebXML (ITI-18/38 sourcePatientInfo)
            e.setSourcePatientInfo(new PatientInfoTransformer().fromHL7(sourcePatientInfo));
        }
        return e;
    }

    @Test
    void theSourcePatientInfoSlotGivesBsnNameBirthDateAndSex() {
        DocumentEntry e = entry(List.of("PID-3|12345^^^&1.2.528.1.9999&ISO",
                "PID-3|" + PATIENT.value() + "^^^&" + Bsn.OID + "&ISO", "PID-5|de Vries^Jan^^^", "PID-7|19610314",
                "PID-8|M"));
        StudyRecord r = DocumentEntryMapper.toStudy(e, PATIENT, "urn:oid:1.2.3.100");
        assertEquals(new SourcePatientInfo(PATIENT, "de Vries", "Jan", LocalDate.of(1961, 3, 14), Sex.MALE),
                r.sourcePatient());
        assertEquals("Jan de Vries", r.sourcePatient().displayName());
    }

    @Test
    void whatCannotBeReadIsLeftOutAndNothingAtAllIsNull() {
        SourcePatientInfo partial = DocumentEntryMapper.sourcePatient(entry(List.of(
                "PID-3|12345^^^&1.2.528.1.9999&ISO", "PID-5|Jansen", "PID-8|X")));
        assertEquals(new SourcePatientInfo(null, "Jansen", null, null, null), partial,
                "a local id is no BSN, and X is no sex code");
        DocumentEntry bare = entry(null);
        assertNull(DocumentEntryMapper.sourcePatient(bare));
        bare.setSourcePatientId(new Identifiable(PATIENT.value(), new AssigningAuthority(Bsn.OID, "ISO")));
        assertEquals(new SourcePatientInfo(PATIENT, null, null, null, null), DocumentEntryMapper.sourcePatient(bare),
                "the BSN as sourcePatientId ties the entry to the patient");
    }
}
