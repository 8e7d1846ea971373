package nl.duoviewer.xca.config;

/**
 * Where the viewer sits in the XCA-I actor model. The payloads are identical in both positions; only the SOAP action
 * (and so the IPF transaction) changes.
 */
public enum ActorPosition {
    /** The viewer is the Initiating (Imaging) Gateway: ITI-38, ITI-39, RAD-75 straight to the responding gateways. */
    INITIATING_GATEWAY,
    /** The viewer talks to a local initiating gateway (a DUO node): ITI-18, ITI-43, RAD-69. */
    BEHIND_LOCAL_GATEWAY
}
