package nl.duoviewer.network.gateway;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.CXiAssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XpnName;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.xca.query.XdsCodes;

/**
 * Registry metadata (IPF DocumentEntry) for the catalogue's manifests and reports, following XDS-I and Twiin. A report
 * carries its format's mimeType and formatCode and names its study in the referenceIdList, also when the study's
 * images were not shared (the viewer then shows the report on its own).
 */
final class RegistryMetadata {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private RegistryMetadata() {
    }

    static DocumentEntry manifest(Bsn patient, DemoStudy study, Publication pub) {
        DocumentEntry e = common(patient, pub.kosDocumentUid(), pub.institution(), study.dateTime(),
                study.description());
        e.setMimeType("application/dicom");
        e.setFormatCode(new Code(XdsCodes.KOS_FORMAT_CODE, new LocalizedString("Key Object Selection Document"),
                XdsCodes.KOS_FORMAT_SCHEME));
        e.setTypeCode(new Code("18748-4", new LocalizedString("Diagnostic imaging study"), "2.16.840.1.113883.6.1"));
        e.getEventCodeList().add(new Code(study.modality(), new LocalizedString(study.modality()), XdsCodes.DCM));
        e.getEventCodeList().add(new Code(study.bodyPartCode(), new LocalizedString(study.bodyPart()),
                XdsCodes.SNOMED));
        e.getReferenceIdList().add(new ReferenceId(study.studyInstanceUid(), null,
                ReferenceId.ID_TYPE_STUDY_INSTANCE_ID));
        e.getReferenceIdList().add(new ReferenceId(study.accessionNumber(),
                new CXiAssigningAuthority(null, pub.institution().sourceId(), "ISO"),
                ReferenceId.ID_TYPE_CODE_ACCESSION));
        return e;
    }

    static DocumentEntry report(Bsn patient, DemoStudy study, DemoReport report) {
        DocumentEntry e = common(patient, report.documentUid(), report.institution(), study.dateTime(),
                report.title());
        e.setMimeType(report.format().mimeType());
        e.setFormatCode(new Code(report.format().formatCode(), new LocalizedString(report.format().displayName()),
                report.format().formatScheme()));
        e.setTypeCode(new Code(XdsCodes.REPORT_TYPE_CODE, new LocalizedString("Radiologieverslag"),
                XdsCodes.SNOMED));
        e.getReferenceIdList().add(new ReferenceId(study.studyInstanceUid(), null,
                ReferenceId.ID_TYPE_STUDY_INSTANCE_ID));
        return e;
    }

    /**
     * Registers the patient on the entry as real gateways do (sourcePatientInfo, ITI-18/38): PID-3 the BSN with its
     * assigning authority, PID-5 family^given, PID-7 the birth date, PID-8 the sex.
     */
    static void sourcePatientInfo(DocumentEntry e, DemoPatient p, LocalDate birthDate) {
        PatientInfo info = new PatientInfo();
        info.getIds().add(new Identifiable(p.bsn().value(), new AssigningAuthority(Bsn.OID, "ISO")));
        XpnName name = new XpnName();
        name.setFamilyName(p.familyName());
        name.setGivenName(p.givenName());
        info.getNames().add(name);
        info.setDateOfBirth(new Timestamp(birthDate.atStartOfDay(ZoneOffset.UTC), Timestamp.Precision.DAY));
        info.setGender(p.sex());
        e.setSourcePatientInfo(info);
    }

    /** The patient an entry names (the catalogue only ever registers BSNs). */
    static Bsn patientOf(DocumentEntry e) {
        return Bsn.parse(e.getPatientId().getId());
    }

    /** A homeCommunityId without its {@code urn:oid:} prefix, as some gateways send it. */
    static String bare(String homeCommunityId) {
        return homeCommunityId != null && homeCommunityId.startsWith("urn:oid:")
                ? homeCommunityId.substring("urn:oid:".length()) : homeCommunityId;
    }

    private static DocumentEntry common(Bsn patient, String uniqueId, Institution inst, LocalDateTime when,
                                        String title) {
        DocumentEntry e = new DocumentEntry();
        e.setEntryUuid("urn:uuid:" + UUID.nameUUIDFromBytes(uniqueId.getBytes(StandardCharsets.US_ASCII)));
        e.setUniqueId(uniqueId);
        Identifiable pid = new Identifiable(patient.value(), new AssigningAuthority(Bsn.OID, "ISO"));
        e.setPatientId(pid);
        e.setSourcePatientId(pid);
        e.setHomeCommunityId(inst.network().homeCommunityId());
        e.setRepositoryUniqueId(inst.repositoryUniqueId());
        e.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        e.setType(DocumentEntryType.STABLE);
        e.setTitle(new LocalizedString(title, "nl-NL", "UTF-8"));
        e.setLanguageCode("nl-NL");
        e.setClassCode(new Code(XdsCodes.IMAGING_CLASS_CODE, new LocalizedString("Beeldvormende diagnostiek"),
                XdsCodes.SNOMED));
        e.getConfidentialityCodes().add(new Code("N", new LocalizedString("normal"), "2.16.840.1.113883.5.25"));
        e.setHealthcareFacilityTypeCode(new Code(inst.organisationType(), new LocalizedString(inst.organisationType()),
                "2.16.840.1.113883.2.4.15.1060"));
        e.setPracticeSettingCode(new Code("394914008", new LocalizedString("Radiologie"), XdsCodes.SNOMED));
        Timestamp t = new Timestamp(when.atZone(NL).withZoneSameInstant(ZoneOffset.UTC), Timestamp.Precision.SECOND);
        e.setServiceStartTime(t);
        e.setCreationTime(t);
        Author author = new Author();
        author.getAuthorInstitution().add(new Organization(inst.name(), inst.ura(),
                new AssigningAuthority(SourceInstitution.URA_OID, "ISO")));
        e.getAuthors().add(author);
        return e;
    }
}
