package nl.duoviewer.core.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/**
 * Whose a DICOM object says it is. A source may keep its local record number in Patient ID (0010,0020) and the BSN in
 * an Other Patient IDs Sequence (0010,1002) item whose issuer is the BSN OID; such an object belongs to the patient
 * just as much as one with the BSN in Patient ID. The one rule all checks share (KOS manifest and every retrieved
 * instance, decision record 25):
 * <ol>
 *   <li>an identifier issued by the BSN authority that is not this patient's BSN means another patient, whatever else
 *       the object says (two BSNs on one object cannot both be right);</li>
 *   <li>otherwise a BSN-issued identifier equal to the patient's BSN, or a Patient ID equal to it (sources that leave
 *       the issuer out), means this patient;</li>
 *   <li>otherwise the object names no BSN at all.</li>
 * </ol>
 * The issuer is Issuer of Patient ID (0010,0021), else the Universal Entity ID of the Issuer of Patient ID Qualifiers
 * Sequence (0010,0024), in the item the identifier is in.
 */
public final class PatientIdentifiers {

    /** Universal Entity ID (0040,0032), inside the Issuer of Patient ID Qualifiers Sequence. */
    static final int UNIVERSAL_ENTITY_ID = 0x00400032;
    /** Other Patient IDs items a source may plausibly send; more are read as a hostile object. */
    static final int MAX_OTHER_IDS = 64;

    /** What an object says about one patient. */
    public enum Verdict {
        /** The object names this patient's BSN and no other BSN. */
        MATCHES,
        /** The object names a BSN that is not this patient's. */
        OTHER_PATIENT,
        /** The object names no BSN (for example only a local record number). */
        NO_BSN
    }

    /**
     * One identifier of the object.
     *
     * @param id     the identifier, stripped
     * @param issuer its issuer (OID or name), empty when the object gives none
     */
    public record Identifier(String id, String issuer) {

        public Identifier {
            id = id == null ? "" : id.strip();
            issuer = issuer == null ? "" : issuer.strip();
        }

        /** True when the issuer is the BSN authority (bare OID or {@code urn:oid:} form). */
        public boolean bsnIssued() {
            return Bsn.OID.equals(issuer) || ("urn:oid:" + Bsn.OID).equalsIgnoreCase(issuer);
        }
    }

    private PatientIdentifiers() {
    }

    /** Patient ID with its issuer first, then every Other Patient IDs item that carries an identifier. */
    public static List<Identifier> of(DicomObject ds) {
        List<Identifier> out = new ArrayList<>();
        out.add(new Identifier(ds.getString(Tag.PatientID, ""), issuer(ds)));
        List<DicomObject> others = ds.getSequence(Tag.OtherPatientIDsSequence);
        for (int i = 0; i < others.size() && i < MAX_OTHER_IDS; i++) {
            DicomObject item = others.get(i);
            String id = item.getString(Tag.PatientID, "").strip();
            if (!id.isEmpty()) {
                out.add(new Identifier(id, issuer(item)));
            }
        }
        return out;
    }

    /** Applies the rule of this class to an object's identifiers. */
    public static Verdict judge(List<Identifier> ids, Bsn patient) {
        Objects.requireNonNull(patient, "patient");
        boolean bsnMatch = false;
        for (Identifier id : ids) {
            if (id.bsnIssued()) {
                if (!isThisBsn(id.id(), patient)) {
                    return Verdict.OTHER_PATIENT;
                }
                bsnMatch = true;
            }
        }
        if (bsnMatch || !ids.isEmpty() && patient.value().equals(ids.getFirst().id())) {
            return Verdict.MATCHES;
        }
        return Verdict.NO_BSN;
    }

    public static Verdict judge(DicomObject ds, Bsn patient) {
        return judge(of(ds), patient);
    }

    private static boolean isThisBsn(String id, Bsn patient) {
        return Bsn.isValid(id) && Bsn.parse(id).equals(patient);
    }

    private static String issuer(DicomObject ds) {
        String issuer = ds.getString(Tag.IssuerOfPatientID, "").strip();
        if (!issuer.isEmpty()) {
            return issuer;
        }
        List<DicomObject> qualifiers = ds.getSequence(Tag.IssuerOfPatientIDQualifiersSequence);
        return qualifiers.isEmpty() ? "" : qualifiers.getFirst().getString(UNIVERSAL_ENTITY_ID, "").strip();
    }
}
