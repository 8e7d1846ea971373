package nl.duoviewer.audit.atna;

import java.util.List;

import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.ihe.core.atna.AuditDataset;

/**
 * IPF's view of one transaction the viewer sent, filled from an event rather than from CXF interceptors: the viewer
 * is the client (the local participant), the service addressed is the remote one, the requester the human user.
 */
// IPF's AuditDataset is Serializable; this one is built, turned into a message and dropped, never serialised
@SuppressWarnings("serial")
final class ClientDataset extends AuditDataset {

    /** WS-Addressing anonymous ReplyTo: what IHE names as the initiator's UserID for synchronous SOAP. */
    static final String ANONYMOUS_REPLY_TO = "http://www.w3.org/2005/08/addressing/anonymous";

    private final String workstation;
    private final String endpoint;
    private final List<HumanUser> humans;

    ClientDataset(String workstation, String endpoint, HumanUser human, EventOutcomeIndicator outcome,
                  String outcomeDescription) {
        super(false);
        this.workstation = workstation;
        this.endpoint = endpoint;
        this.humans = List.of(human);
        setEventOutcomeIndicator(outcome);
        setEventOutcomeDescription(outcomeDescription);
    }

    @Override
    public String getSourceUserId() {
        return ANONYMOUS_REPLY_TO;
    }

    @Override
    public String getDestinationUserId() {
        return endpoint;
    }

    @Override
    public String getLocalAddress() {
        return workstation;
    }

    @Override
    public String getRemoteAddress() {
        return endpoint;
    }

    @Override
    public List<HumanUser> getHumanUsers() {
        return humans;
    }
}
