package nl.duoviewer.network.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import nl.duoviewer.xca.security.VerifiedRequester;

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
    /** Who asked, as the verified assertions said (the latest {@value #REQUESTERS_KEPT}). */
    private final java.util.Deque<VerifiedRequester> requesters = new java.util.concurrent.ConcurrentLinkedDeque<>();
    static final int REQUESTERS_KEPT = 64;

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

    /** Records the requester of an accepted request (its assertion verified). */
    public void recordRequester(VerifiedRequester requester) {
        requesters.addLast(requester);
        while (requesters.size() > REQUESTERS_KEPT) {
            requesters.pollFirst();
        }
    }

    /** The requesters of the latest accepted requests, oldest first. */
    public java.util.List<VerifiedRequester> requesters() {
        return java.util.List.copyOf(requesters);
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
        requesters.clear();
    }

    @Override
    public String toString() {
        return "Counters" + byKind + " byUra=" + retrievesByUra;
    }
}
