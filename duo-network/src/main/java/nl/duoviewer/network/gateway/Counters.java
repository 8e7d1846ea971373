package nl.duoviewer.network.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side request counters of one community, so tests can prove what reached it: requests per transaction as
 * they arrive (before any check), requests rejected for security, and retrieve requests per institution (URA).
 */
public final class Counters {

    /** What was asked. */
    public enum Kind {
        /** ITI-38 / ITI-18. */
        QUERY,
        /** ITI-39 / ITI-43 (KOS manifests and reports). */
        DOCUMENT_RETRIEVE,
        /** RAD-69 / RAD-75. */
        IMAGE_RETRIEVE,
        /** WADO-RS GET. */
        WADO,
        /** Mitz open question. */
        MITZ_OPEN,
        /** Mitz closed question. */
        MITZ_CLOSED,
        /** Any request refused because of its SAML assertion. */
        SECURITY_REJECTED,
        /** Any request refused by the schema or IPF's request validator (or, for Mitz, the message shape check). */
        INVALID_REQUEST
    }

    private final Map<Kind, AtomicLong> byKind = new EnumMap<>(Kind.class);
    private final Map<String, AtomicLong> retrievesByUra = new ConcurrentHashMap<>();
    private final AtomicLong instancesServed = new AtomicLong();
    private final AtomicLong throttledBytes = new AtomicLong();

    public Counters() {
        for (Kind k : Kind.values()) {
            byKind.put(k, new AtomicLong());
        }
    }

    public void count(Kind kind) {
        byKind.get(kind).incrementAndGet();
    }

    public long get(Kind kind) {
        return byKind.get(kind).get();
    }

    /** Any retrieve (document, image, WADO) that addressed this institution's data. */
    public void countRetrieveFor(String ura) {
        retrievesByUra.computeIfAbsent(ura, k -> new AtomicLong()).incrementAndGet();
    }

    public long retrievesFor(String ura) {
        AtomicLong a = retrievesByUra.get(ura);
        return a == null ? 0 : a.get();
    }

    public void countInstances(int n) {
        instancesServed.addAndGet(n);
    }

    public long instancesServed() {
        return instancesServed.get();
    }

    /** Bytes written so far by responses that went through a bandwidth cap or slow drip. */
    public long throttledBytes() {
        return throttledBytes.get();
    }

    void addThrottledBytes(long n) {
        throttledBytes.addAndGet(n);
    }

    /** All retrieval requests of any kind. */
    public long retrievals() {
        return get(Kind.DOCUMENT_RETRIEVE) + get(Kind.IMAGE_RETRIEVE) + get(Kind.WADO);
    }

    public void reset() {
        byKind.values().forEach(a -> a.set(0));
        retrievesByUra.clear();
        instancesServed.set(0);
        throttledBytes.set(0);
    }

    @Override
    public String toString() {
        return "Counters" + byKind + " byUra=" + retrievesByUra;
    }
}
