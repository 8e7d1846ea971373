package nl.duoviewer.xca.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Hands out signed assertions per audience, reusing one until less than {@link #RENEW_BEFORE} of its validity is
 * left. Assertions are kept as bytes and parsed per use, because DOM trees must not be shared between threads.
 */
public final class AssertionProvider {

    /** Renew when less than this is left, so that a slow request never carries an expired assertion. */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(3);

    private record Cached(byte[] xml, Instant renewAt) {
    }

    private final SamlAssertionFactory factory;
    private final Clock clock;
    private final Map<String, Cached> byAudience = new ConcurrentHashMap<>();

    public AssertionProvider(SamlAssertionFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** A signed assertion for the audience, in a document of its own. */
    public Element assertionFor(String audience) {
        Instant now = clock.instant();
        Cached c = byAudience.compute(audience, (k, old) -> old != null && now.isBefore(old.renewAt()) ? old
                : new Cached(SecureXml.toBytes(factory.create(k)),
                now.plus(SamlAssertionFactory.VALIDITY).minus(RENEW_BEFORE)));
        try {
            Document doc = SecureXml.parse(c.xml());
            return doc.getDocumentElement();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Own assertion does not parse", e);
        }
    }

    /** The assertion for the audience as compact XML bytes (for HTTP headers). */
    public byte[] assertionBytes(String audience) {
        return SecureXml.toBytes(assertionFor(audience));
    }

    public SamlAssertionFactory factory() {
        return factory;
    }
}
