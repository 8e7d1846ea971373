package nl.duoviewer.xca.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.ConsentMode;
import nl.duoviewer.xca.config.MitzSettings;

/**
 * The only way to a {@link RetrievalPermit}. Fails closed: no permit for an institution that the current patient's
 * Mitz localisation did not name, nor (when the deployment asks the closed question) without a Permit decision, nor
 * for a community under the TLB pilot's temporary consent without a consent it reported that still runs. Any error,
 * timeout or malformed answer means no permit, with the same neutral message as a refusal.
 *
 * <p>Freshness (decision record 12):
 * <ul>
 * <li>Everything is kept per patient session. {@link #localise} starts a new one (also when the same patient is
 * opened again) and {@link #clear} ends it; a Mitz answer that arrives for a session that has ended is dropped, so a
 * late answer for the previous patient never becomes the current patient's.</li>
 * <li>The open answer is used for {@link MitzSettings#localisationTtl()} and asked again before the next retrieval
 * after that; a new open answer renews every permit of the session.</li>
 * <li>Only a Permit is cached, for {@link MitzSettings#decisionCacheTtl()}. Deny, NotApplicable, Indeterminate and
 * every error evict the cached Permit of that patient + institution + community + category and revoke the permits
 * already issued for it; a Permit that arrives after such an answer is neither cached nor honoured. So once Mitz
 * has said anything but Permit, the next request is refused.</li>
 * </ul>
 */
public final class ConsentGate {

    /** A closed-question decision is about this holder and category (the patient is the session's). */
    private record Key(String ura, String homeCommunityId, String category) {
    }

    private record CachedPermit(Instant until, long generation) {
    }

    /** Everything known for the patient on screen; replaced as a whole, never carried over. */
    private static final class Session {
        final Bsn patient;
        /** The open answer the session started with: identifies the session to the query that it fed. */
        final Localisation origin;
        volatile Localisation localisation;
        final Map<Key, CachedPermit> permits = new ConcurrentHashMap<>();
        /** Bumped by every answer other than Permit: permits issued before it are revoked. */
        final Map<Key, Long> generations = new ConcurrentHashMap<>();
        /** Bumped by a new open answer: every permit of the session is renewed. */
        final AtomicLong epoch = new AtomicLong();
        /** What a temporary-consent community reported with its query answer, per homeCommunityId. */
        final Map<String, ConsentBasis> reported = new ConcurrentHashMap<>();
        /** Holders' organisation types from the registry metadata, per homeCommunityId + URA. */
        final Map<String, String> facilityTypes = new ConcurrentHashMap<>();
        final ReentrantLock relocalising = new ReentrantLock();
        volatile boolean ended;

        Session(Bsn patient, Localisation localisation) {
            this.patient = patient;
            this.origin = localisation;
            this.localisation = localisation;
        }

        long generation(Key key) {
            return generations.getOrDefault(key, 0L);
        }
    }

    private final MitzClient mitz;
    private final MitzSettings settings;
    private final Function<String, ConsentMode> modes;
    private final Clock clock;
    private final AuditSink audit;
    private final AtomicReference<Session> current = new AtomicReference<>();
    /** Numbers every {@link #localise} and {@link #clear}: only the latest may install a session. */
    private final AtomicLong turn = new AtomicLong();

    /** A gate for a deployment whose communities are all under Mitz consent. */
    public ConsentGate(MitzClient mitz, MitzSettings settings, Clock clock, AuditSink audit) {
        this(mitz, settings, hcid -> ConsentMode.MITZ, clock, audit);
    }

    /**
     * @param modes the consent mode of a community, by homeCommunityId, as the deployment configured it
     */
    public ConsentGate(MitzClient mitz, MitzSettings settings, Function<String, ConsentMode> modes, Clock clock,
                       AuditSink audit) {
        this.mitz = Objects.requireNonNull(mitz);
        this.settings = Objects.requireNonNull(settings);
        this.modes = Objects.requireNonNull(modes);
        this.clock = Objects.requireNonNull(clock);
        this.audit = Objects.requireNonNull(audit);
    }

    /**
     * Asks the open question for a patient and starts a new session for them. Whatever was known before (for this or
     * another patient) is forgotten first, so nothing carries over even when Mitz fails; an answer that arrives after
     * another {@link #localise} or a {@link #clear} is dropped.
     *
     * @throws ConsentDeniedException when Mitz cannot be asked, answers badly, or the patient changed meanwhile
     */
    public Localisation localise(Bsn patient) throws ConsentDeniedException {
        Objects.requireNonNull(patient, "patient");
        long mine = turn.incrementAndGet();
        end(current.getAndSet(null));
        List<PatientLocation> locations;
        try {
            locations = mitz.locate(patient);
        } catch (MitzException e) {
            audit(open(patient).outcome(AuditEvent.Outcome.FAILURE).detail(e.getMessage()));
            throw new ConsentDeniedException("localisation failed: " + e.getMessage());
        }
        Localisation l = new Localisation(patient, locations, clock.instant());
        synchronized (this) {
            if (turn.get() != mine) {
                audit(open(patient).outcome(AuditEvent.Outcome.FAILURE)
                        .detail("answer dropped: it arrived after a patient switch"));
                throw new ConsentDeniedException("patient switched while Mitz answered the open question");
            }
            current.set(new Session(patient, l));
        }
        audit(open(patient).outcome(AuditEvent.Outcome.SUCCESS).detail(l.locations().size() + " locations"));
        return l;
    }

    /** The localisation of the current patient, or null when none. */
    public Localisation current() {
        Session s = current.get();
        return s == null ? null : s.localisation;
    }

    /** Forgets the patient, the localisation, every cached decision, and revokes every permit issued. */
    public void clear() {
        synchronized (this) {
            turn.incrementAndGet();
            end(current.getAndSet(null));
        }
    }

    private static void end(Session s) {
        if (s != null) {
            s.ended = true;
            s.permits.clear();
        }
    }

    /** The live session that started with this open answer, or null once it has ended. */
    private Session sessionOf(Localisation origin) {
        Session s = current.get();
        return s != null && s.origin == origin && !s.ended ? s : null;
    }

    /**
     * True when the session that started with {@code origin} is still the current one and its (latest) open answer
     * covers the institution: the filter for records of a timeline query, so that a late answer for a previous
     * patient or session adds nothing.
     */
    public boolean covers(Localisation origin, SourceInstitution source) {
        Session s = sessionOf(origin);
        return s != null && s.localisation.covers(source);
    }

    /**
     * What a community's query answer said about consent, for the session it was asked in: the basis it reported
     * (only used for communities under {@link ConsentMode#TEMPORARY_CONSENT}) and the organisation type of each
     * institution it answered for (sent in the closed question when Mitz did not name it). Ignored once the session
     * has ended.
     *
     * @param facilityTypesByUra organisation type codes of the community's institutions, by URA
     */
    public void reportQueryAnswer(Localisation origin, String homeCommunityId, ConsentBasis basis,
                                  Map<String, String> facilityTypesByUra) {
        Session s = sessionOf(origin);
        if (s == null) {
            return;
        }
        if (modes.apply(homeCommunityId) == ConsentMode.TEMPORARY_CONSENT && basis != null) {
            if (!basis.equals(s.reported.put(homeCommunityId, basis))) {
                s.epoch.incrementAndGet(); // what earlier permits were issued on has changed
            }
        }
        facilityTypesByUra.forEach((ura, type) -> {
            if (!ura.isEmpty() && !type.isEmpty()) {
                s.facilityTypes.put(homeCommunityId + "|" + ura, type);
            }
        });
    }

    /**
     * Allows WADO-RS retrieval (which addresses no repository) from one institution for the current patient.
     *
     * @throws ConsentDeniedException with the neutral message; {@link ConsentDeniedException#reason()} says why
     */
    public RetrievalPermit authorise(Bsn patient, SourceInstitution source) throws ConsentDeniedException {
        return authorise(patient, source, Set.of());
    }

    /**
     * Allows retrieval from one institution for the current patient, from the repositories named (those the
     * timeline's registry metadata or the institution's own manifest gave for its data), or refuses.
     *
     * @throws ConsentDeniedException with the neutral message; {@link ConsentDeniedException#reason()} says why
     */
    public RetrievalPermit authorise(Bsn patient, SourceInstitution source, Collection<String> repositories)
            throws ConsentDeniedException {
        Session s = current.get();
        if (s == null || s.ended || !s.patient.equals(patient)) {
            gate(patient, source, false, "patient not localised");
            throw new ConsentDeniedException("patient not localised");
        }
        Localisation l = fresh(s);
        PatientLocation location = l.covering(source).orElse(null);
        if (location == null) {
            gate(patient, source, false, "institution not in localisation answer");
            throw new ConsentDeniedException("institution not in localisation answer");
        }
        long epoch = s.epoch.get();
        Key key = new Key(source.ura(), source.homeCommunityId(), settings.dataCategory());
        long generation = s.generation(key);
        Instant now = clock.instant();
        Instant until = min(now.plus(settings.decisionCacheTtl()), l.askedAt().plus(settings.localisationTtl()));
        ConsentBasis basis;
        if (modes.apply(source.homeCommunityId()) == ConsentMode.TEMPORARY_CONSENT) {
            ConsentBasis reported = s.reported.get(source.homeCommunityId());
            if (!(reported instanceof ConsentBasis.TemporaryConsent tc)) {
                gate(patient, source, false, "no temporary consent reported");
                throw new ConsentDeniedException("no temporary consent reported by the community");
            }
            if (tc.expiredAt(now)) {
                gate(patient, source, false, "temporary consent expired at " + tc.expiresAt());
                throw new ConsentDeniedException("temporary consent expired at " + tc.expiresAt());
            }
            until = min(until, tc.expiresAt());
            basis = tc;
        } else if (settings.askClosedQuestion()) {
            until = min(until, permitUntil(s, key, generation, patient, location, source, now));
            basis = new ConsentBasis.Mitz(true);
        } else {
            basis = new ConsentBasis.Mitz(false);
        }
        if (current.get() != s || s.ended) {
            throw new ConsentDeniedException("patient switched while authorising");
        }
        gate(patient, source, true, describe(basis));
        return new RetrievalPermit(patient, source, Set.copyOf(repositories), settings.dataCategory(), basis, until,
                () -> s.ended || s.epoch.get() != epoch || s.generation(key) != generation);
    }

    /**
     * The permit itself while it is valid for a little longer, else a new one for the same patient, institution and
     * repositories: what a long retrieval calls between its requests, so that it renews its permit (and hears a
     * Deny) instead of failing on an expired one.
     */
    public RetrievalPermit renew(RetrievalPermit permit) throws ConsentDeniedException {
        Duration margin = min(Duration.ofSeconds(2), settings.decisionCacheTtl().dividedBy(4));
        if (!permit.revoked() && clock.instant().plus(margin).isBefore(permit.expiresAt())) {
            return permit;
        }
        return authorise(permit.patient(), permit.source(), permit.repositories());
    }

    /** The cached Permit's end, or a new closed question; every answer but Permit revokes and refuses. */
    private Instant permitUntil(Session s, Key key, long generation, Bsn patient, PatientLocation location,
                                SourceInstitution source, Instant now) throws ConsentDeniedException {
        CachedPermit cached = s.permits.get(key);
        if (cached != null && cached.generation() == generation && now.isBefore(cached.until())) {
            return cached.until();
        }
        ConsentDecision d;
        try {
            d = mitz.decide(patient, withFacilityType(s, location, source));
        } catch (MitzException e) {
            revoke(s, key);
            audit(closed(patient, source).outcome(AuditEvent.Outcome.FAILURE).detail(e.getMessage()));
            throw new ConsentDeniedException("closed question failed: " + e.getMessage());
        }
        audit(closed(patient, source).decision(d.xacml()).outcome(d == ConsentDecision.PERMIT
                ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.DENIED));
        if (d != ConsentDecision.PERMIT) {
            revoke(s, key);
            gate(patient, source, false, "closed question: " + d.xacml());
            throw new ConsentDeniedException("closed question: " + d.xacml());
        }
        Instant until = now.plus(settings.decisionCacheTtl());
        synchronized (s) {
            if (s.ended || s.generation(key) != generation) {
                // Mitz said something else for this holder while this Permit was on its way: it does not count
                gate(patient, source, false, "Permit overtaken by a later refusal");
                throw new ConsentDeniedException("Permit overtaken by a later refusal or a patient switch");
            }
            s.permits.put(key, new CachedPermit(until, generation));
        }
        return until;
    }

    private static void revoke(Session s, Key key) {
        synchronized (s) {
            s.permits.remove(key);
            s.generations.merge(key, 1L, Long::sum);
        }
    }

    /** Mitz's open answer does not name the holder's organisation type; the registry metadata usually does. */
    private static PatientLocation withFacilityType(Session s, PatientLocation location, SourceInstitution source) {
        if (!location.facilityTypeCode().isEmpty()) {
            return location;
        }
        String type = s.facilityTypes.get(source.homeCommunityId() + "|" + source.ura());
        return type == null ? location : new PatientLocation(location.homeCommunityId(),
                location.correspondingPatientId(), location.sourceId(), location.institutionUra(), type);
    }

    /** The session's open answer, asked again first when it is older than the localisation lifetime. */
    private Localisation fresh(Session s) throws ConsentDeniedException {
        Localisation l = s.localisation;
        if (clock.instant().isBefore(l.askedAt().plus(settings.localisationTtl()))) {
            return l;
        }
        s.relocalising.lock();
        try {
            l = s.localisation;
            if (clock.instant().isBefore(l.askedAt().plus(settings.localisationTtl()))) {
                return l; // another retrieval asked meanwhile
            }
            List<PatientLocation> locations;
            try {
                locations = mitz.locate(s.patient);
            } catch (MitzException e) {
                audit(open(s.patient).outcome(AuditEvent.Outcome.FAILURE).detail(e.getMessage()));
                throw new ConsentDeniedException("localisation renewal failed: " + e.getMessage());
            }
            if (s.ended) {
                audit(open(s.patient).outcome(AuditEvent.Outcome.FAILURE)
                        .detail("answer dropped: it arrived after a patient switch"));
                throw new ConsentDeniedException("patient switched while Mitz answered the open question");
            }
            Localisation renewed = new Localisation(s.patient, locations, clock.instant());
            synchronized (s) {
                s.localisation = renewed;
                s.permits.clear();
                s.epoch.incrementAndGet();
            }
            audit(open(s.patient).outcome(AuditEvent.Outcome.SUCCESS)
                    .detail(renewed.locations().size() + " locations (renewed)"));
            return renewed;
        } finally {
            s.relocalising.unlock();
        }
    }

    private static String describe(ConsentBasis basis) {
        return switch (basis) {
            case ConsentBasis.Mitz m -> m.closedQuestion() ? "Mitz Permit" : "Mitz localisation";
            case ConsentBasis.TemporaryConsent t -> "temporary consent until " + t.expiresAt();
            case ConsentBasis.Missing x -> "no basis";
            case ConsentBasis.Unknown u -> "unknown";
            case ConsentBasis.OwnInstitution o -> "own institution";
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private AuditEvent.Builder open(Bsn patient) {
        return AuditEvent.of(clock.instant(), AuditEvent.Transaction.MITZ_OPEN, patient)
                .endpoint(settings.openQuestionEndpoint())
                .query("PatientLocationQuery RequestedPatientId " + patient.toCx());
    }

    private AuditEvent.Builder closed(Bsn patient, SourceInstitution source) {
        return AuditEvent.of(clock.instant(), AuditEvent.Transaction.MITZ_CLOSED, patient).institution(source)
                .endpoint(settings.closedQuestionEndpoint())
                .query("XACMLAuthzDecisionQuery resource-id " + patient.toCx() + " author-institution "
                        + source.ura() + " event-code " + settings.dataCategory());
    }

    private void gate(Bsn patient, SourceInstitution source, boolean permit, String reason) {
        audit(AuditEvent.of(clock.instant(), AuditEvent.Transaction.CONSENT_GATE, patient).institution(source)
                .decision(permit ? "PERMIT" : "DENY")
                .outcome(permit ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.DENIED).detail(reason));
    }

    private void audit(AuditEvent.Builder event) {
        audit.record(event.build());
    }
}
