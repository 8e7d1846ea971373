package nl.duoviewer.xca.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Mitz endpoints and how the viewer uses them.
 *
 * @param openQuestionEndpoint   ITI-56 Patient Location Query endpoint (localisation)
 * @param closedQuestionEndpoint XACML authorisation decision endpoint
 * @param askClosedQuestion      whether this deployment asks the closed question before each retrieval
 * @param audience               SAML Audience that Mitz expects
 * @param dataCategory           Mitz data category (OTV gegevenscategorie) asked for, e.g. {@code GGC002}
 * @param timeout                per request
 * @param decisionCacheTtl       how long a decision is reused for the same patient, institution and category
 */
public record MitzSettings(URI openQuestionEndpoint, URI closedQuestionEndpoint, boolean askClosedQuestion,
                           String audience, String dataCategory, Duration timeout, Duration decisionCacheTtl) {

    /** Audience of the Mitz service. */
    public static final String DEFAULT_AUDIENCE = "urn:oid:2.16.840.1.113883.2.4.3.111.2.1";

    public MitzSettings {
        Objects.requireNonNull(openQuestionEndpoint, "openQuestionEndpoint");
        Objects.requireNonNull(closedQuestionEndpoint, "closedQuestionEndpoint");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(dataCategory, "dataCategory");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(decisionCacheTtl, "decisionCacheTtl");
    }
}
