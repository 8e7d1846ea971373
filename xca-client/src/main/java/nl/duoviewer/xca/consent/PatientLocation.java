package nl.duoviewer.xca.consent;

import java.util.Objects;

/**
 * One entry of the Mitz localisation answer (ITI-56 PatientLocationResponse): a data holder that may be asked.
 *
 * @param homeCommunityId         the community (gateway system) to query
 * @param correspondingPatientId  the patient id at the source, usually the BSN again
 * @param sourceId                source system OID
 * @param institutionUra          URA of the data holder (author-institution), empty when Mitz sent none
 * @param facilityTypeCode        organisation type of the data holder, empty when unknown
 */
public record PatientLocation(String homeCommunityId, String correspondingPatientId, String sourceId,
                              String institutionUra, String facilityTypeCode) {

    public PatientLocation {
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
        correspondingPatientId = correspondingPatientId == null ? "" : correspondingPatientId;
        sourceId = sourceId == null ? "" : sourceId;
        institutionUra = institutionUra == null ? "" : institutionUra;
        facilityTypeCode = facilityTypeCode == null ? "" : facilityTypeCode;
    }

    /** Masks the patient id like {@code Bsn.toString()}, so a location logged by accident does not name the patient. */
    @Override
    public String toString() {
        String id = correspondingPatientId.length() <= 4 ? "****"
                : "*".repeat(correspondingPatientId.length() - 4)
                + correspondingPatientId.substring(correspondingPatientId.length() - 4);
        return "PatientLocation[" + homeCommunityId + ", patient " + id + ", source " + sourceId + ", URA "
                + institutionUra + (facilityTypeCode.isEmpty() ? "" : ", type " + facilityTypeCode) + "]";
    }
}
