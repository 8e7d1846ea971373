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
 * @param decisionCacheTtl       how long a Permit is reused for the same patient, institution and category; any
 *                               other answer is never reused (decision record 12)
 * @param localisationTtl        how long the open answer is used before Mitz is asked again (decision record 12)
 */
public record MitzSettings(URI openQuestionEndpoint, URI closedQuestionEndpoint, boolean askClosedQuestion,
                           String audience, String dataCategory, Duration timeout, Duration decisionCacheTtl,
                           Duration localisationTtl) {

    /** Audience of the Mitz service. */
    public static final String DEFAULT_AUDIENCE = "urn:oid:2.16.840.1.113883.2.4.3.111.2.1";
    /** A Permit is reused this long at most (one study's series, not a reading session). */
    public static final Duration DEFAULT_DECISION_CACHE_TTL = Duration.ofSeconds(30);
    /** The open answer is asked again after this long, as long as a Twiin SAML assertion lives. */
    public static final Duration DEFAULT_LOCALISATION_TTL = Duration.ofMinutes(10);

    /** Settings with the default localisation lifetime. */
    public MitzSettings(URI openQuestionEndpoint, URI closedQuestionEndpoint, boolean askClosedQuestion,
                        String audience, String dataCategory, Duration timeout, Duration decisionCacheTtl) {
        this(openQuestionEndpoint, closedQuestionEndpoint, askClosedQuestion, audience, dataCategory, timeout,
                decisionCacheTtl, DEFAULT_LOCALISATION_TTL);
    }

    public MitzSettings {
        Objects.requireNonNull(openQuestionEndpoint, "openQuestionEndpoint");
        Objects.requireNonNull(closedQuestionEndpoint, "closedQuestionEndpoint");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(dataCategory, "dataCategory");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(decisionCacheTtl, "decisionCacheTtl");
        Objects.requireNonNull(localisationTtl, "localisationTtl");
        if (decisionCacheTtl.isNegative() || decisionCacheTtl.isZero() || localisationTtl.isNegative()
                || localisationTtl.isZero()) {
            throw new IllegalArgumentException("Mitz cache lifetimes must be positive");
        }
    }

    /** The same settings with other cache lifetimes (tests use short ones). */
    public MitzSettings withLifetimes(Duration decisions, Duration localisation) {
        return new MitzSettings(openQuestionEndpoint, closedQuestionEndpoint, askClosedQuestion, audience,
                dataCategory, timeout, decisions, localisation);
    }
}
