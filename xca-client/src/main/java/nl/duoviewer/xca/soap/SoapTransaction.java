package nl.duoviewer.xca.soap;

import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;
import org.openehealth.ipf.commons.ihe.xds.RAD;
import org.openehealth.ipf.commons.ihe.xds.XCA;
import org.openehealth.ipf.commons.ihe.xds.XDS;

import nl.duoviewer.xca.config.ActorPosition;

/**
 * The SOAP transactions the viewer sends. Each step has two variants that differ only in action and endpoint,
 * chosen by the configured {@link ActorPosition}.
 */
public enum SoapTransaction {
    ITI_38("ITI-38", "urn:ihe:iti:2007:CrossGatewayQuery"),
    ITI_18("ITI-18", "urn:ihe:iti:2007:RegistryStoredQuery"),
    ITI_39("ITI-39", "urn:ihe:iti:2007:CrossGatewayRetrieve"),
    ITI_43("ITI-43", "urn:ihe:iti:2007:RetrieveDocumentSet"),
    RAD_75("RAD-75", "urn:ihe:rad:2011:CrossGatewayRetrieveImagingDocumentSet"),
    RAD_69("RAD-69", "urn:ihe:rad:2009:RetrieveImagingDocumentSet");

    private final String label;
    private final String action;

    SoapTransaction(String label, String action) {
        this.label = label;
        this.action = action;
    }

    /** IHE name, e.g. ITI-38. */
    public String label() {
        return label;
    }

    /** WS-Addressing action of the request. */
    public String action() {
        return action;
    }

    /** The stored query for the actor position. */
    public static SoapTransaction query(ActorPosition p) {
        return p == ActorPosition.INITIATING_GATEWAY ? ITI_38 : ITI_18;
    }

    /** The document (KOS) retrieve for the actor position. */
    public static SoapTransaction documentRetrieve(ActorPosition p) {
        return p == ActorPosition.INITIATING_GATEWAY ? ITI_39 : ITI_43;
    }

    /** The imaging retrieve for the actor position. */
    public static SoapTransaction imagingRetrieve(ActorPosition p) {
        return p == ActorPosition.INITIATING_GATEWAY ? RAD_75 : RAD_69;
    }

    /** IPF's description of the transaction: WSDL, service interface, MTOM, addressing. */
    public WsTransactionConfiguration<?> ipfConfiguration() {
        return switch (this) {
            case ITI_38 -> XCA.Interactions.ITI_38.getWsTransactionConfiguration();
            case ITI_39 -> XCA.Interactions.ITI_39.getWsTransactionConfiguration();
            case ITI_18 -> XDS.Interactions.ITI_18.getWsTransactionConfiguration();
            case ITI_43 -> XDS.Interactions.ITI_43.getWsTransactionConfiguration();
            case RAD_69 -> RAD.Interactions.RAD_69.getWsTransactionConfiguration();
            case RAD_75 -> RAD.Interactions.RAD_75.getWsTransactionConfiguration();
        };
    }
}
