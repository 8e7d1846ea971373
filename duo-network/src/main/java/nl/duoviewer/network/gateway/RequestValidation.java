package nl.duoviewer.network.gateway;

import java.net.URL;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.openehealth.ipf.commons.ihe.xds.RAD;
import org.openehealth.ipf.commons.ihe.xds.XCA;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLNonconstructiveDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRetrieveImagingDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.validate.HomeCommunityIdValidator;
import org.openehealth.ipf.commons.ihe.xds.core.validate.ValidationProfile;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.AdhocQueryRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.NonconstructiveDocumentSetRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.RetrieveImagingDocumentSetRequestValidator;

import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * What a real responding gateway checks before it answers, so that a non-conformant client fails the tests instead of
 * passing against a lenient fake (decision record 25). Two layers, as IPF-based gateways run them:
 * <ul>
 *   <li>the IHE schemas (ebRS 3.0 query, XDS.b, XDS-I.b as sent on the wire) on every request body, by CXF while it
 *       unmarshals; a violation is a SOAP Sender fault ({@link #schema()});</li>
 *   <li>IPF's request validators with the transaction's validation profile ({@code AdhocQueryRequestValidator},
 *       {@code NonconstructiveDocumentSetRequestValidator}, {@code RetrieveImagingDocumentSetRequestValidator});
 *       a violation is answered in the transaction's own terms, a Failure with the registry error IPF names
 *       ({@link #query}, {@link #documents}, {@link #images}).</li>
 * </ul>
 * RAD-75 additionally requires the HomeCommunityId in every DocumentRequest (RAD TF-3 4.75); IPF's RAD profile does
 * not check it, so it is checked here with IPF's own HomeCommunityIdValidator.
 */
public final class RequestValidation {

    private static final Schema SCHEMA = build();

    private RequestValidation() {
    }

    /** The schemas of all request bodies the gateways accept. */
    public static Schema schema() {
        return SCHEMA;
    }

    private static Schema build() {
        ClassLoader loader = RequestValidation.class.getClassLoader();
        String[] resources = {
            "wsdl/schema/IHE/IHEXDSB.xsd",
            "wsdl/schema/ebRS30/query.xsd",
            "nl/duoviewer/network/gateway/XDS-I.b-wire.xsd",
        };
        Source[] sources = new Source[resources.length];
        for (int i = 0; i < resources.length; i++) {
            URL url = loader.getResource(resources[i]);
            if (url == null) {
                throw new IllegalStateException("schema not on the class path: " + resources[i]);
            }
            sources[i] = new StreamSource(url.toExternalForm());
        }
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // ebRIM refers to xds-b:Document, declared in a second document of the XDS.b namespace (xcf.xsd)
            f.setFeature("http://apache.org/xml/features/honour-all-schemaLocations", true);
            return f.newSchema(sources);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("IHE schemas cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** IPF's validation profile of a transaction the gateway serves. */
    public static ValidationProfile profile(SoapTransaction tx) {
        return switch (tx) {
            case ITI_38 -> XCA.Interactions.ITI_38;
            case ITI_39 -> XCA.Interactions.ITI_39;
            case ITI_18 -> XDS.Interactions.ITI_18;
            case ITI_43 -> XDS.Interactions.ITI_43;
            case RAD_69 -> RAD.Interactions.RAD_69;
            case RAD_75 -> RAD.Interactions.RAD_75;
        };
    }

    /** Why IPF's validator rejects a stored query, as the registry error to answer with; empty when it passes. */
    public static Optional<ErrorInfo> query(AdhocQueryRequest request, SoapTransaction tx, String location) {
        try {
            AdhocQueryRequestValidator.getInstance().validate(new EbXMLAdhocQueryRequest30(request), profile(tx));
            return Optional.empty();
        } catch (XDSMetaDataException e) {
            return Optional.of(new ErrorInfo(e, ErrorCode.REGISTRY_ERROR, ErrorCode.REGISTRY_ERROR, location));
        }
    }

    /** Why IPF's validator rejects a document retrieve (ITI-39 / ITI-43); empty when it passes. */
    public static Optional<ErrorInfo> documents(RetrieveDocumentSetRequestType request, SoapTransaction tx,
                                         String location) {
        try {
            NonconstructiveDocumentSetRequestValidator.getInstance().validate(
                    new EbXMLNonconstructiveDocumentSetRequest30<>(request), profile(tx));
            return Optional.empty();
        } catch (XDSMetaDataException e) {
            return Optional.of(new ErrorInfo(e, ErrorCode.REPOSITORY_ERROR, ErrorCode.REPOSITORY_ERROR, location));
        }
    }

    /** Why a RAD-69 / RAD-75 request is rejected; empty when it passes. */
    public static Optional<ErrorInfo> images(RetrieveImagingDocumentSetRequestType request, SoapTransaction tx,
                                      String location) {
        try {
            RetrieveImagingDocumentSetRequestValidator.getInstance().validate(
                    new EbXMLRetrieveImagingDocumentSetRequest30(request), profile(tx));
            if (tx == SoapTransaction.RAD_75) {
                HomeCommunityIdValidator required = new HomeCommunityIdValidator(true);
                for (var study : request.getStudyRequest()) {
                    for (var series : study.getSeriesRequest()) {
                        for (var d : series.getDocumentRequests()) {
                            required.validate(d.getHomeCommunityId());
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (XDSMetaDataException e) {
            return Optional.of(new ErrorInfo(e, ErrorCode.REPOSITORY_ERROR, ErrorCode.REPOSITORY_ERROR, location));
        }
    }
}
