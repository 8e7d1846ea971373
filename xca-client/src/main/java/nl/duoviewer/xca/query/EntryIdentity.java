package nl.duoviewer.xca.query;

import java.util.HashSet;
import java.util.Set;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLExternalIdentifier;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLExtrinsicObject;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSlot;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;

import nl.duoviewer.core.patient.Bsn;

/**
 * The per-entry patient check on the answer as received, before IPF's model keeps only the first patientId
 * ExternalIdentifier and the first sourcePatientId slot. An entry that names this patient in one identifier and
 * another BSN in a second one names two people; two BSNs cannot both be right, so the entry counts as another
 * patient's (the rule {@code PatientIdentifiers} applies to DICOM objects, decision record 25).
 */
final class EntryIdentity {

    private EntryIdentity() {
    }

    /**
     * The ids of the ExtrinsicObjects that name anyone but {@code patient}: a patientId ExternalIdentifier that is not
     * this BSN (or no valid BSN at all), or a BSN-issued sourcePatientId that is another BSN. A sourcePatientId of
     * another authority (a local record number) names nobody else and is ignored. An unreadable answer yields nothing
     * here; it fails as a whole elsewhere.
     */
    static Set<String> namingAnother(AdhocQueryResponse raw, Bsn patient) {
        Set<String> ids = new HashSet<>();
        if (raw == null || raw.getRegistryObjectList() == null) {
            return ids;
        }
        for (EbXMLExtrinsicObject eo : new EbXMLQueryResponse30(raw).getExtrinsicObjects()) {
            if (namesAnother(eo, patient)) {
                ids.add(eo.getId());
            }
        }
        return ids;
    }

    private static boolean namesAnother(EbXMLExtrinsicObject eo, Bsn patient) {
        for (EbXMLExternalIdentifier x : eo.getExternalIdentifiers()) {
            if (Vocabulary.DOC_ENTRY_PATIENT_ID_EXTERNAL_ID.equals(x.getIdentificationScheme())
                    && !patient.equals(bsn(x.getValue()))) {
                return true;
            }
        }
        for (EbXMLSlot s : eo.getSlots()) {
            if (Vocabulary.SLOT_NAME_SOURCE_PATIENT_ID.equals(s.getName())) {
                for (String v : s.getValueList()) {
                    if (bsnIssued(v) && !patient.equals(bsn(v))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The BSN a CX value names, or null when it names none (another authority, no valid BSN, unreadable). */
    private static Bsn bsn(String cx) {
        Identifiable id = identifiable(cx);
        if (id == null || id.getId() == null || id.getAssigningAuthority() == null
                || !Bsn.OID.equals(id.getAssigningAuthority().getUniversalId()) || !Bsn.isValid(id.getId())) {
            return null;
        }
        return Bsn.parse(id.getId());
    }

    /**
     * True when the CX value is issued by the BSN authority (whitespace around its OID ignored: when in doubt, it
     * counts), whether or not its number is a valid BSN.
     */
    private static boolean bsnIssued(String cx) {
        Identifiable id = identifiable(cx);
        return id != null && id.getAssigningAuthority() != null && id.getAssigningAuthority().getUniversalId() != null
                && Bsn.OID.equals(id.getAssigningAuthority().getUniversalId().strip());
    }

    private static Identifiable identifiable(String cx) {
        if (cx == null) {
            return null;
        }
        try {
            return Identifiable.parse(cx);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
