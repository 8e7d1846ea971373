package nl.duoviewer.ehr.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What reached the sandbox, so tests can prove that a refused launch never read the patient or fetched a token. */
public final class SandboxCounters {

    private final AtomicInteger discovery = new AtomicInteger();
    private final AtomicInteger authorize = new AtomicInteger();
    private final AtomicInteger token = new AtomicInteger();
    private final Map<String, AtomicInteger> fhir = new ConcurrentHashMap<>();

    void discovery() {
        discovery.incrementAndGet();
    }

    void authorize() {
        authorize.incrementAndGet();
    }

    void token() {
        token.incrementAndGet();
    }

    void fhir(String resourceType) {
        fhir.computeIfAbsent(resourceType == null ? "" : resourceType, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests for {@code .well-known/smart-configuration}. */
    public int discoveryRequests() {
        return discovery.get();
    }

    /** Requests to the authorize endpoint (page views and decisions). */
    public int authorizeRequests() {
        return authorize.get();
    }

    /** Requests to the token endpoint. */
    public int tokenRequests() {
        return token.get();
    }

    /** FHIR requests for a resource type (e.g. {@code Patient}), allowed or not. */
    public int fhirRequests(String resourceType) {
        AtomicInteger n = fhir.get(resourceType);
        return n == null ? 0 : n.get();
    }

    public void reset() {
        discovery.set(0);
        authorize.set(0);
        token.set(0);
        fhir.clear();
    }

    @Override
    public String toString() {
        return "discovery=" + discovery + " authorize=" + authorize + " token=" + token + " fhir=" + fhir;
    }
}
