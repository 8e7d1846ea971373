package nl.duoviewer.network.gateway;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.openehealth.ipf.commons.ihe.xds.iti38.Iti38PortType;
import org.openehealth.ipf.commons.ihe.xds.iti39.Iti39PortType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;
import org.openehealth.ipf.commons.ihe.xds.rad75.Rad75PortType;

import nl.duoviewer.xca.soap.SoapTransaction;

/** The JAX-WS service beans of a responding gateway; each delegates to the shared responders. */
public final class GatewayServices {

    private GatewayServices() {
    }

    /** ITI-38 Cross Gateway Query. */
    public static final class CrossGatewayQuery implements Iti38PortType {
        private final QueryResponder responder;

        CrossGatewayQuery(QueryResponder responder) {
            this.responder = responder;
        }

        @Override
        public AdhocQueryResponse documentRegistryRegistryStoredQuery(AdhocQueryRequest body) {
            return responder.respond(body, SoapTransaction.ITI_38);
        }
    }

    /** ITI-18 Registry Stored Query (the gateway acting as the local registry). */
    public static final class RegistryStoredQuery implements Iti18PortType {
        private final QueryResponder responder;

        RegistryStoredQuery(QueryResponder responder) {
            this.responder = responder;
        }

        @Override
        public AdhocQueryResponse documentRegistryRegistryStoredQuery(AdhocQueryRequest body) {
            return responder.respond(body, SoapTransaction.ITI_18);
        }
    }

    /** ITI-39 Cross Gateway Retrieve. */
    public static final class CrossGatewayRetrieve implements Iti39PortType {
        private final RetrieveResponder responder;

        CrossGatewayRetrieve(RetrieveResponder responder) {
            this.responder = responder;
        }

        @Override
        public RetrieveDocumentSetResponseType documentRepositoryRetrieveDocumentSet(
                RetrieveDocumentSetRequestType body) {
            return responder.documents(body, SoapTransaction.ITI_39);
        }
    }

    /** ITI-43 Retrieve Document Set. */
    public static final class RetrieveDocumentSet implements Iti43PortType {
        private final RetrieveResponder responder;

        RetrieveDocumentSet(RetrieveResponder responder) {
            this.responder = responder;
        }

        @Override
        public RetrieveDocumentSetResponseType documentRepositoryRetrieveDocumentSet(
                RetrieveDocumentSetRequestType body) {
            return responder.documents(body, SoapTransaction.ITI_43);
        }
    }

    /** RAD-69 Retrieve Imaging Document Set. */
    public static final class RetrieveImagingDocumentSet implements Rad69PortType {
        private final RetrieveResponder responder;

        RetrieveImagingDocumentSet(RetrieveResponder responder) {
            this.responder = responder;
        }

        @Override
        public RetrieveDocumentSetResponseType documentRepositoryRetrieveImagingDocumentSet(
                RetrieveImagingDocumentSetRequestType body) {
            return responder.images(body, SoapTransaction.RAD_69);
        }
    }

    /** RAD-75 Cross Gateway Retrieve Imaging Document Set. */
    public static final class CrossGatewayRetrieveImaging implements Rad75PortType {
        private final RetrieveResponder responder;

        CrossGatewayRetrieveImaging(RetrieveResponder responder) {
            this.responder = responder;
        }

        @Override
        public RetrieveDocumentSetResponseType documentRepositoryRetrieveImagingDocumentSet(
                RetrieveImagingDocumentSetRequestType body) {
            return responder.images(body, SoapTransaction.RAD_75);
        }
    }
}
