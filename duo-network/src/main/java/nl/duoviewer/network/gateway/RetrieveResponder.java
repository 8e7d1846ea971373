package nl.duoviewer.network.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryErrorList;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;

import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.content.ContentSource;
import nl.duoviewer.network.content.StudyContent;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Answers document retrieves (ITI-39 / ITI-43: manifests and reports) and imaging retrieves (RAD-69 / RAD-75: one
 * DocumentResponse per instance in the first offered transfer syntax the source has), streaming content through
 * MTOM. Every request first passes IPF's validator for its transaction; a refused one is answered with Failure and
 * the error IPF names. Unknown documents become RegistryErrors, and the status says whether all, some or none came.
 */
final class RetrieveResponder {

    private static final String ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    private final Network network;
    private final DemoCatalogue catalogue;
    private final StudyContent content;
    private final FaultProfile faults;
    private final Counters counters;

    RetrieveResponder(Network network, DemoCatalogue catalogue, StudyContent content, FaultProfile faults,
                      Counters counters) {
        this.network = network;
        this.catalogue = catalogue;
        this.content = content;
        this.faults = faults;
        this.counters = counters;
    }

    RetrieveDocumentSetResponseType documents(RetrieveDocumentSetRequestType request, SoapTransaction tx) {
        Optional<ErrorInfo> invalid = RequestValidation.documents(request, tx, network.homeCommunityId());
        if (invalid.isPresent()) {
            return rejected(invalid.get());
        }
        RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
        List<RegistryError> errors = new ArrayList<>();
        Set<String> institutions = new LinkedHashSet<>();
        int requested = request.getDocumentRequest().size();
        for (RetrieveDocumentSetRequestType.DocumentRequest d : request.getDocumentRequest()) {
            String uid = d.getDocumentUniqueId();
            if (!network.homeCommunityId().equals(d.getHomeCommunityId())) {
                errors.add(error("XDSUnknownCommunity", "Unknown community " + d.getHomeCommunityId(), uid));
                continue;
            }
            Optional<DemoCatalogue.Registration> manifest = catalogue.manifest(uid)
                    .filter(r -> r.publication().institution().network() == network)
                    .filter(r -> r.publication().institution().repositoryUniqueId().equals(d.getRepositoryUniqueId()));
            Optional<DemoCatalogue.ReportEntry> report = catalogue.report(uid)
                    .filter(r -> r.report().institution().network() == network)
                    .filter(r -> r.report().institution().repositoryUniqueId().equals(d.getRepositoryUniqueId()));
            var dr = new RetrieveDocumentSetResponseType.DocumentResponse();
            dr.setHomeCommunityId(home());
            dr.setRepositoryUniqueId(d.getRepositoryUniqueId());
            dr.setDocumentUniqueId(uid);
            if (manifest.isPresent()) {
                var r = manifest.get();
                institutions.add(r.publication().institution().ura());
                dr.setMimeType("application/dicom");
                dr.setDocument(ContentDataSource.handler(ContentVariants.manifest(
                        content.manifest(r.study(), r.publication()), faults, network), "application/dicom", uid));
            } else if (report.isPresent()) {
                var r = report.get();
                institutions.add(r.report().institution().ura());
                String mimeType = r.report().format().mimeType();
                dr.setMimeType(mimeType);
                dr.setDocument(ContentDataSource.handler(content.report(r.study(), r.report()), mimeType, uid));
            } else {
                errors.add(error("XDSDocumentUniqueIdError", "Document not found in repository "
                        + d.getRepositoryUniqueId(), uid));
                continue;
            }
            response.getDocumentResponse().add(dr);
        }
        institutions.forEach(counters::countRetrieveFor);
        response.setRegistryResponse(registryResponse(response.getDocumentResponse().size(), requested, errors));
        return padded(response);
    }

    RetrieveDocumentSetResponseType images(RetrieveImagingDocumentSetRequestType request, SoapTransaction tx) {
        Optional<ErrorInfo> invalid = RequestValidation.images(request, tx, network.homeCommunityId());
        if (invalid.isPresent()) {
            return rejected(invalid.get());
        }
        RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
        List<RegistryError> errors = new ArrayList<>();
        List<String> offered = request.getTransferSyntaxUIDList() == null ? List.of()
                : request.getTransferSyntaxUIDList().getTransferSyntaxUID();
        Set<String> institutions = new LinkedHashSet<>();
        int requested = 0;
        int position = 0;
        for (var studyRequest : request.getStudyRequest()) {
            Optional<DemoStudy> study = catalogue.study(studyRequest.getStudyInstanceUID());
            for (var seriesRequest : studyRequest.getSeriesRequest()) {
                Optional<DemoSeries> series = study.flatMap(s -> s.series(seriesRequest.getSeriesInstanceUID()));
                for (var d : seriesRequest.getDocumentRequests()) {
                    requested++;
                    String uid = d.getDocumentUniqueId();
                    if (!network.homeCommunityId().equals(d.getHomeCommunityId())) {
                        errors.add(error("XDSUnknownCommunity", "Unknown community " + d.getHomeCommunityId(), uid));
                        continue;
                    }
                    Optional<Institution> holder = study.flatMap(s -> s.publications().stream()
                            .map(Publication::institution)
                            .filter(i -> i.network() == network)
                            .filter(i -> i.repositoryUniqueId().equals(d.getRepositoryUniqueId()))
                            .findFirst());
                    int index = series.map(s -> s.indexOf(uid)).orElse(-1);
                    if (holder.isEmpty() || index < 0) {
                        errors.add(error("XDSDocumentUniqueIdError", "Instance not found in repository "
                                + d.getRepositoryUniqueId(), uid));
                        continue;
                    }
                    institutions.add(holder.get().ura());
                    if (faults.partialSuccess() && position++ % 2 == 1) {
                        errors.add(error("XDSRepositoryError", "Instance temporarily unavailable", uid));
                        continue;
                    }
                    List<String> available = content.transferSyntaxes(network, series.get());
                    String ts = offered.stream().filter(available::contains).findFirst().orElse(null);
                    if (ts == null) {
                        errors.add(error("XDSRepositoryError", "None of the offered transfer syntaxes is available; "
                                + "available: " + String.join(",", available), uid));
                        continue;
                    }
                    var dr = new RetrieveDocumentSetResponseType.DocumentResponse();
                    dr.setHomeCommunityId(home());
                    dr.setRepositoryUniqueId(d.getRepositoryUniqueId());
                    dr.setDocumentUniqueId(uid);
                    dr.setMimeType("application/dicom");
                    dr.setDocument(ContentDataSource.handler(ContentVariants.instance(
                            instance(study.get(), series.get(), index, ts), faults, network),
                            "application/dicom", uid));
                    response.getDocumentResponse().add(dr);
                }
            }
        }
        institutions.forEach(counters::countRetrieveFor);
        counters.countInstances(response.getDocumentResponse().size());
        response.setRegistryResponse(registryResponse(response.getDocumentResponse().size(), requested, errors));
        return padded(response);
    }

    /** The instance's content, or under the wrong-patient fault another patient's image in its place. */
    private ContentSource instance(DemoStudy study, DemoSeries series, int index, String ts) {
        if (faults.wrongPatientImages()) {
            var other = WrongPatientImages.substitute(catalogue, study, series, index);
            if (other.isPresent()) {
                return content.instance(other.get().study(), other.get().series(), other.get().index(), ts);
            }
        }
        return content.instance(study, series, index, ts);
    }

    /** The oversized fault: padding in a response slot of the SOAP part, in values that each look harmless. */
    private RetrieveDocumentSetResponseType padded(RetrieveDocumentSetResponseType response) {
        int left = faults.oversizedRetrieveBytes();
        if (left <= 0) {
            return response;
        }
        var slot = new org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1();
        slot.setName("urn:duo:padding");
        slot.setValueList(new org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ValueListType());
        for (; left > 0; left -= 32 * 1024) {
            slot.getValueList().getValue().add("x".repeat(Math.min(32 * 1024, left)));
        }
        var slots = new org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotListType();
        slots.getSlot().add(slot);
        response.getRegistryResponse().setResponseSlotList(slots);
        return response;
    }

    /** This community's id as the variant in force spells it. */
    private String home() {
        return faults.bareHomeCommunityId() ? RegistryMetadata.bare(network.homeCommunityId())
                : network.homeCommunityId();
    }

    /** The answer to a request IPF's validator refused: Failure, with the error it names, nothing retrieved. */
    private RetrieveDocumentSetResponseType rejected(ErrorInfo why) {
        counters.count(Counters.Kind.INVALID_REQUEST);
        RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
        RegistryError e = error(why.getErrorCode() == null ? "XDSRepositoryError" : why.getErrorCode().getOpcode(),
                why.getCodeContext(), network.homeCommunityId());
        response.setRegistryResponse(registryResponse(0, 1, List.of(e)));
        return response;
    }

    private static RegistryResponseType registryResponse(int delivered, int requested, List<RegistryError> errors) {
        RegistryResponseType rr = new RegistryResponseType();
        Status status = delivered == 0 && requested > 0 ? Status.FAILURE
                : delivered < requested || !errors.isEmpty() ? Status.PARTIAL_SUCCESS : Status.SUCCESS;
        rr.setStatus(status.getOpcode30());
        if (!errors.isEmpty()) {
            RegistryErrorList list = new RegistryErrorList();
            list.getRegistryError().addAll(errors);
            rr.setRegistryErrorList(list);
        }
        return rr;
    }

    private RegistryError error(String code, String context, String location) {
        RegistryError e = new RegistryError();
        e.setErrorCode(code);
        e.setCodeContext(context);
        e.setSeverity(ERROR);
        e.setLocation(location);
        return e;
    }
}
