package nl.duoviewer.xca.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the network client needs, as read from the deployment's configuration file ({@link DuoConfigFile}).
 *
 * @param actorPosition        which transactions to use
 * @param communities          the communities that may be queried, in display order
 * @param mitz                 localisation and consent service
 * @param organisation         the requesting organisation (the person comes from {@code identity} at run time)
 * @param identity             where the identity of the person at the keyboard may come from
 * @param keystore             the organisation's key: TLS client certificate and SAML signing key
 * @param trust                trusted CAs, revocation checking, Mitz's signing certificate
 * @param samlIssuer           SAML Issuer; the organisation URI by default
 * @param transferSyntaxes     transfer syntaxes offered in RAD-69/75, most preferred first
 * @param queryRetries         automatic retries of a community query after a transient failure
 * @param maxQuerySplits       how many extra queries narrowing may spend on one community after XDSTooManyResults
 * @param maxQueryResponseBytes cap on one query response
 * @param maxDocumentBytes     cap on one retrieved document (KOS)
 * @param maxInstanceBytes     cap on one retrieved DICOM instance
 */
public record DuoClientConfig(ActorPosition actorPosition, List<CommunityEndpoint> communities, MitzSettings mitz,
                              OrganisationIdentity organisation, IdentitySettings identity,
                              KeystoreSettings keystore, TrustSettings trust, String samlIssuer,
                              List<String> transferSyntaxes, int queryRetries, int maxQuerySplits,
                              long maxQueryResponseBytes, long maxDocumentBytes, long maxInstanceBytes) {

    /** Offered by default: lossless first, then JPEG baseline, then uncompressed. */
    public static final List<String> DEFAULT_TRANSFER_SYNTAXES = List.of(
            "1.2.840.10008.1.2.4.80", // JPEG-LS lossless
            "1.2.840.10008.1.2.4.90", // JPEG 2000 lossless
            "1.2.840.10008.1.2.4.70", // JPEG lossless SV1
            "1.2.840.10008.1.2.5",    // RLE lossless
            "1.2.840.10008.1.2.4.50", // JPEG baseline
            "1.2.840.10008.1.2.1");   // Explicit VR little endian

    public DuoClientConfig {
        Objects.requireNonNull(actorPosition, "actorPosition");
        communities = List.copyOf(communities);
        Objects.requireNonNull(mitz, "mitz");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(trust, "trust");
        samlIssuer = samlIssuer == null || samlIssuer.isBlank() ? organisation.issuerUri() : samlIssuer;
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("at least one transfer syntax must be offered");
        }
        if (queryRetries < 0 || maxQuerySplits < 0) {
            throw new IllegalArgumentException("retries and splits must not be negative");
        }
    }

    /** This configuration with another organisation key. */
    public DuoClientConfig withKeystore(KeystoreSettings k) {
        return new DuoClientConfig(actorPosition, communities, mitz, organisation, identity, k, trust, samlIssuer,
                transferSyntaxes, queryRetries, maxQuerySplits, maxQueryResponseBytes, maxDocumentBytes,
                maxInstanceBytes);
    }

    /** This configuration with other trust settings. */
    public DuoClientConfig withTrust(TrustSettings t) {
        return new DuoClientConfig(actorPosition, communities, mitz, organisation, identity, keystore, t, samlIssuer,
                transferSyntaxes, queryRetries, maxQuerySplits, maxQueryResponseBytes, maxDocumentBytes,
                maxInstanceBytes);
    }

    /** This configuration with other identity sources. */
    public DuoClientConfig withIdentity(IdentitySettings i) {
        return new DuoClientConfig(actorPosition, communities, mitz, organisation, i, keystore, trust, samlIssuer,
                transferSyntaxes, queryRetries, maxQuerySplits, maxQueryResponseBytes, maxDocumentBytes,
                maxInstanceBytes);
    }

    /** Every endpoint this configuration sends requests to: Mitz, the gateways and the WADO-RS bases. */
    public List<java.net.URI> endpoints() {
        List<java.net.URI> all = new java.util.ArrayList<>(List.of(mitz.openQuestionEndpoint(),
                mitz.closedQuestionEndpoint()));
        for (CommunityEndpoint c : communities) {
            all.add(c.queryEndpoint());
            all.add(c.retrieveEndpoint());
            all.add(c.imagingEndpoint());
            if (c.wadoBase() != null) {
                all.add(c.wadoBase());
            }
        }
        return all;
    }

    /** The community with this homeCommunityId, if configured. */
    public Optional<CommunityEndpoint> communityByHomeId(String homeCommunityId) {
        return communities.stream().filter(c -> c.homeCommunityId().equals(homeCommunityId)).findFirst();
    }

    /** The community with this configuration key, if configured. */
    public Optional<CommunityEndpoint> community(String id) {
        return communities.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The longest per-community timeout, used to bound a whole timeline query. */
    public Duration longestTimeout() {
        return communities.stream().map(CommunityEndpoint::timeout).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
