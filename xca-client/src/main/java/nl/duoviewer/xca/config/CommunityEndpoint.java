package nl.duoviewer.xca.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One community (vendor network) the viewer can query: its identity and the endpoints for query, document retrieve
 * and imaging retrieve. In {@link ActorPosition#BEHIND_LOCAL_GATEWAY} the endpoints are those of the local gateway.
 *
 * @param id              short key used in the configuration file, e.g. {@code founda}
 * @param displayName     name shown to the user, e.g. "Founda Health"
 * @param homeCommunityId {@code urn:oid:...}
 * @param queryEndpoint   ITI-38 (or ITI-18) endpoint
 * @param retrieveEndpoint ITI-39 (or ITI-43) endpoint
 * @param imagingEndpoint RAD-75 (or RAD-69) endpoint
 * @param wadoBase        WADO-RS base URL, or null when the community offers none
 * @param timeout         how long one request to this community may take
 * @param consent         what its data may be retrieved on: Mitz, or the TLB pilot's temporary consent
 */
public record CommunityEndpoint(String id, String displayName, String homeCommunityId, URI queryEndpoint,
                                URI retrieveEndpoint, URI imagingEndpoint, URI wadoBase, Duration timeout,
                                ConsentMode consent) {

    /** A community under Mitz consent. */
    public CommunityEndpoint(String id, String displayName, String homeCommunityId, URI queryEndpoint,
                             URI retrieveEndpoint, URI imagingEndpoint, URI wadoBase, Duration timeout) {
        this(id, displayName, homeCommunityId, queryEndpoint, retrieveEndpoint, imagingEndpoint, wadoBase, timeout,
                ConsentMode.MITZ);
    }

    public CommunityEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
        if (!homeCommunityId.startsWith("urn:oid:")) {
            throw new IllegalArgumentException("homeCommunityId must be urn:oid:..., got " + homeCommunityId);
        }
        Objects.requireNonNull(queryEndpoint, "queryEndpoint");
        Objects.requireNonNull(retrieveEndpoint, "retrieveEndpoint");
        Objects.requireNonNull(imagingEndpoint, "imagingEndpoint");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        consent = consent == null ? ConsentMode.MITZ : consent;
    }

    /** The same community under another consent mode. */
    public CommunityEndpoint withConsent(ConsentMode mode) {
        return new CommunityEndpoint(id, displayName, homeCommunityId, queryEndpoint, retrieveEndpoint,
                imagingEndpoint, wadoBase, timeout, mode);
    }
}
