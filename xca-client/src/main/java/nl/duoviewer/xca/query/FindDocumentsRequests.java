package nl.duoviewer.xca.query;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;

import nl.duoviewer.core.patient.Bsn;

/**
 * Builds the ITI-38 / ITI-18 stored queries with IPF's model and transformer: FindDocuments (patient by BSN, status
 * Approved, either imaging manifests (formatCode KOS) or radiology reports (typeCode), optionally limited to a
 * service-start-time range), and GetDocuments by entryUUID to follow up an ObjectRef answer.
 */
public final class FindDocumentsRequests {

    private FindDocumentsRequests() {
    }

    /**
     * @param homeCommunityId target community ({@code home} attribute), required in XCA
     * @param range           service start time range, or null for all time
     */
    public static AdhocQueryRequest findDocuments(Bsn patient, String homeCommunityId, DocumentKind kind,
                                                  ServiceTimeRange range) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(new Identifiable(patient.value(), new AssigningAuthority(Bsn.OID, "ISO")));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        q.setHomeCommunityId(homeCommunityId);
        switch (kind) {
            case MANIFESTS -> q.setFormatCodes(List.of(new Code(XdsCodes.KOS_FORMAT_CODE, null,
                    XdsCodes.KOS_FORMAT_SCHEME)));
            case REPORTS -> q.setTypeCodes(List.of(new Code(XdsCodes.REPORT_TYPE_CODE, null, XdsCodes.SNOMED)));
        }
        if (range != null) {
            q.getServiceStartTime().setFrom(timestamp(range.from()));
            q.getServiceStartTime().setTo(timestamp(range.to()));
        }
        QueryRegistry registry = new QueryRegistry(q);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        return new QueryRegistryTransformer().toEbXML(registry).getInternal();
    }

    /**
     * GetDocuments by entryUUID (LeafClass), the follow-up of an ObjectRef answer. The home attribute is required:
     * the query names no patient.
     */
    public static AdhocQueryRequest getDocuments(List<String> entryUuids, String homeCommunityId) {
        if (entryUuids.isEmpty()) {
            throw new IllegalArgumentException("no entry UUIDs");
        }
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUuids(List.copyOf(entryUuids));
        q.setHomeCommunityId(homeCommunityId);
        QueryRegistry registry = new QueryRegistry(q);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        return new QueryRegistryTransformer().toEbXML(registry).getInternal();
    }

    private static Timestamp timestamp(java.time.LocalDate day) {
        return new Timestamp(ZonedDateTime.of(day.atStartOfDay(), ZoneOffset.UTC), Timestamp.Precision.DAY);
    }
}
