package nl.duoviewer.xca.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Name;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.core.patient.SourcePatientInfo;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.xca.config.HomeCommunityIds;

/**
 * Maps registry metadata (IPF DocumentEntry) to the timeline's domain records: service start time as the study date,
 * modalities and body part from the eventCodeList, title as description, StudyInstanceUID and accession from the
 * referenceIdList, the source institution from authorInstitution (name + URA), the patient as the source registered
 * them from sourcePatientInfo, and where to retrieve the document.
 */
public final class DocumentEntryMapper {

    /** Dates are shown in Dutch local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private DocumentEntryMapper() {
    }

    /** True when the entry is an imaging manifest rather than a report. */
    public static boolean isManifest(DocumentEntry e) {
        Code f = e.getFormatCode();
        return f != null && XdsCodes.KOS_FORMAT_CODE.equals(f.getCode())
                || f != null && f.getCode() != null && f.getCode().endsWith(":" + XdsCodes.KOS_FORMAT_CODE);
    }

    /** The patient the entry names, or null when it is not a valid BSN (which counts as another patient). */
    public static Bsn patientOf(DocumentEntry e) {
        return bsnOf(e.getPatientId());
    }

    public static String studyInstanceUid(DocumentEntry e) {
        return reference(e, XdsCodes.REF_STUDY_INSTANCE_UID);
    }

    /** The study record, or null when the entry carries no StudyInstanceUID. */
    public static StudyRecord toStudy(DocumentEntry e, Bsn patient, String answeringCommunity) {
        String uid = studyInstanceUid(e);
        if (uid == null) {
            return null;
        }
        Set<String> modalities = new LinkedHashSet<>();
        String bodyPart = "";
        for (Code c : e.getEventCodeList()) {
            if (XdsCodes.DCM.equals(c.getSchemeName())) {
                modalities.add(c.getCode());
            } else if (bodyPart.isEmpty()) {
                bodyPart = c.getDisplayName() != null && c.getDisplayName().getValue() != null
                        ? c.getDisplayName().getValue() : c.getCode();
            }
        }
        String accession = reference(e, XdsCodes.REF_ACCESSION);
        return new StudyRecord(uid, patient, date(e), modalities, bodyPart, title(e), accession,
                institution(e, answeringCommunity), locator(e, answeringCommunity), sourcePatient(e));
    }

    public static ReportRecord toReport(DocumentEntry e, Bsn patient, String answeringCommunity) {
        return new ReportRecord(studyInstanceUid(e), patient, date(e), title(e),
                institution(e, answeringCommunity), locator(e, answeringCommunity), sourcePatient(e));
    }

    /**
     * What the entry's sourcePatientInfo says about the patient: the BSN among its identifiers (PID-3, else the
     * sourcePatientId), the first name (PID-5), birth date (PID-7) and sex (PID-8). Null when it says nothing. A value
     * that cannot be read is left out, never guessed.
     */
    public static SourcePatientInfo sourcePatient(DocumentEntry e) {
        PatientInfo info = e.getSourcePatientInfo();
        Bsn bsn = null;
        String family = null;
        String given = null;
        LocalDate birth = null;
        Sex sex = null;
        if (info != null) {
            for (var ids = info.getIds(); ids.hasNext() && bsn == null; ) {
                bsn = bsnOf(ids.next());
            }
            var names = info.getNames();
            if (names.hasNext()) {
                Name<?> n = names.next();
                family = n.getFamilyName();
                given = n.getGivenName();
            }
            Timestamp dob = info.getDateOfBirth();
            if (dob != null && dob.getDateTime() != null) {
                birth = dob.getDateTime().toLocalDate(); // a date without time: no zone shift wanted
            }
            sex = Sex.fromHl7(info.getGender());
        }
        if (bsn == null) {
            bsn = bsnOf(e.getSourcePatientId());
        }
        if (bsn == null && family == null && given == null && birth == null && sex == null) {
            return null;
        }
        return new SourcePatientInfo(bsn, family, given, birth, sex);
    }

    private static Bsn bsnOf(Identifiable id) {
        if (id == null || id.getId() == null || id.getAssigningAuthority() == null
                || !Bsn.OID.equals(id.getAssigningAuthority().getUniversalId()) || !Bsn.isValid(id.getId())) {
            return null;
        }
        return Bsn.parse(id.getId());
    }

    private static String title(DocumentEntry e) {
        return e.getTitle() == null || e.getTitle().getValue() == null ? "" : e.getTitle().getValue();
    }

    private static LocalDateTime date(DocumentEntry e) {
        var t = e.getServiceStartTime() != null ? e.getServiceStartTime() : e.getCreationTime();
        return t == null || t.getDateTime() == null ? null
                : t.getDateTime().withZoneSameInstant(ZONE).toLocalDateTime();
    }

    private static String reference(DocumentEntry e, String type) {
        for (ReferenceId r : e.getReferenceIdList()) {
            if (type.equals(r.getIdTypeCode()) && r.getId() != null && !r.getId().isBlank()) {
                return r.getId().strip();
            }
        }
        return null;
    }

    /**
     * The entry's home attribute wins, in the {@code urn:oid:} form whether or not the source wrote the prefix; XCA
     * makes it mandatory, the answering community is the fallback when it is missing or no OID.
     */
    private static String home(DocumentEntry e, String answeringCommunity) {
        String h = HomeCommunityIds.normalise(e.getHomeCommunityId());
        return h == null ? answeringCommunity : h;
    }

    static SourceInstitution institution(DocumentEntry e, String answeringCommunity) {
        for (Author a : e.getAuthors()) {
            for (Organization o : a.getAuthorInstitution()) {
                String name = o.getOrganizationName();
                if (name == null || name.isBlank()) {
                    continue;
                }
                return new SourceInstitution(name, ura(o), home(e, answeringCommunity));
            }
        }
        return new SourceInstitution("Onbekende instelling", "", home(e, answeringCommunity));
    }

    private static String ura(Organization o) {
        String id = o.getIdNumber();
        if (id == null || id.isBlank()) {
            return "";
        }
        String aa = o.getAssigningAuthority() == null ? null : o.getAssigningAuthority().getUniversalId();
        if (SourceInstitution.URA_OID.equals(aa)) {
            return id.strip();
        }
        // some sources put the URA as a full OID in the id field
        String prefix = SourceInstitution.URA_OID + ".";
        return id.startsWith(prefix) ? id.substring(prefix.length()) : "";
    }

    private static DocumentLocator locator(DocumentEntry e, String answeringCommunity) {
        return new DocumentLocator(home(e, answeringCommunity), e.getRepositoryUniqueId(), e.getUniqueId(),
                e.getMimeType());
    }
}
