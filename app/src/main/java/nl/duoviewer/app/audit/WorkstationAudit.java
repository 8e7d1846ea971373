package nl.duoviewer.app.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.AuditTrail;
import nl.duoviewer.audit.event.AccessEvent;
import nl.duoviewer.audit.event.Action;
import nl.duoviewer.audit.event.Institution;
import nl.duoviewer.audit.event.Outcome;
import nl.duoviewer.audit.event.Requester;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.RequesterIdentity;

/**
 * The viewer's side of the workstation audit trail: the DUO client's events ({@link AuditSink}) and the screens'
 * ({@link AuditPort}) become {@link AccessEvent}s of the audit module, recorded in the order they happened on one
 * background thread (each is forced to disk there, never on the JavaFX thread).
 *
 * <p>The requester comes from the client configuration, known once the network is reached ({@link #requesterIs});
 * screen events that happen before that (the patient opened at start) wait for it, so that they too name the user,
 * and so do client events that name no requester (the hospital's own PACS, asked in parallel with the network).
 */
public final class WorkstationAudit implements AuditPort, AuditSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WorkstationAudit.class.getName());

    private final AuditTrail trail;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("duoviewer-audit").factory());
    /** Screen events waiting for the requester; null once it is known. Guarded by this. */
    private List<Pending> waiting = new ArrayList<>();
    private Requester requester;
    private boolean closed;

    /** A screen event whose requester is not known yet. */
    @FunctionalInterface
    private interface Pending {
        AccessEvent with(Requester who);
    }

    public WorkstationAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Opens the trail the settings describe. */
    public static WorkstationAudit open(AuditSettings settings, Clock clock) throws IOException {
        return new WorkstationAudit(AuditTrail.open(settings, clock), clock);
    }

    public AuditTrail trail() {
        return trail;
    }

    /** The person and organisation the client works for, from its configuration: releases waiting screen events. */
    public void requesterIs(RequesterIdentity identity) {
        Requester r = requester(identity);
        List<Pending> release;
        synchronized (this) {
            requester = r;
            release = waiting;
            waiting = null;
        }
        if (release != null) {
            release.forEach(p -> submit(p.with(r)));
        }
    }

    // --- the DUO client's events ----------------------------------------------------------------------------------

    @Override
    public void record(AuditEvent e) {
        if (e.requester() != null) {
            submit(accessEvent(e, requester(e.requester())));
            return;
        }
        Requester who;
        synchronized (this) {
            if (waiting != null) {
                waiting.add(r -> accessEvent(e, r));
                return;
            }
            who = requester;
        }
        submit(accessEvent(e, who == null ? Requester.UNKNOWN : who));
    }

    private static AccessEvent accessEvent(AuditEvent e, Requester who) {
        SourceInstitution source = e.institution();
        return AccessEvent.builder(e.time(), action(e.transaction()), who, e.patient().value())
                .transaction(e.transaction().label())
                .institution(source == null ? null : new Institution(source.name(), source.ura()))
                .community(e.homeCommunityId()).endpoint(e.endpoint()).repository(e.repositoryUniqueId())
                .studies(e.studyUids()).series(e.seriesUids()).documents(e.documentUids()).query(e.query())
                .outcome(Outcome.valueOf(e.outcome().name())).decision(e.decision()).detail(e.detail()).build();
    }

    static Action action(AuditEvent.Transaction t) {
        return switch (t) {
            case MITZ_OPEN -> Action.LOCALISATION;
            case MITZ_CLOSED -> Action.CONSENT_QUESTION;
            case CONSENT_GATE -> Action.CONSENT_GATE;
            case ITI_38, ITI_18, QIDO_RS -> Action.QUERY;
            case ITI_39, ITI_43 -> Action.DOCUMENT_RETRIEVE;
            case RAD_75, RAD_69 -> Action.IMAGING_RETRIEVE;
            case WADO_RS -> Action.WADO_RETRIEVE;
        };
    }

    // --- the screens' events --------------------------------------------------------------------------------------

    @Override
    public void patientOpened(Bsn patient) {
        var time = clock.instant();
        screen(who -> AccessEvent.builder(time, Action.PATIENT_OPEN, who, patient.value()).build());
    }

    @Override
    public void patientClosed(Bsn patient) {
        var time = clock.instant();
        screen(who -> AccessEvent.builder(time, Action.PATIENT_CLOSE, who, patient.value()).build());
    }

    @Override
    public void studyDisplayed(TimelineEntry study) {
        var time = clock.instant();
        StudyRecord first = study.records().getFirst();
        screen(who -> AccessEvent.builder(time, Action.STUDY_DISPLAY, who, study.patient().value())
                .institution(institution(first.source())).community(first.source().homeCommunityId())
                .studies(List.of(study.studyInstanceUid()))
                .detail(String.join(", ", study.sources().stream().map(SourceInstitution::name).toList())).build());
    }

    @Override
    public void reportDisplayed(ReportRecord report) {
        var time = clock.instant();
        screen(who -> AccessEvent.builder(time, Action.REPORT_DISPLAY, who, report.patient().value())
                .institution(institution(report.source())).community(report.source().homeCommunityId())
                .repository(report.document() == null ? "" : report.document().repositoryUniqueId())
                .documents(report.document() == null ? List.of() : List.of(report.document().documentUniqueId()))
                .studies(report.studyInstanceUid() == null ? List.of() : List.of(report.studyInstanceUid()))
                .detail(report.title()).build());
    }

    @Override
    public void exported(Bsn patient, List<String> studyUids, String destination, boolean succeeded) {
        var time = clock.instant();
        screen(who -> AccessEvent.builder(time, Action.EXPORT, who, patient.value()).studies(studyUids)
                .endpoint(destination).outcome(succeeded ? Outcome.SUCCESS : Outcome.FAILURE).build());
    }

    private void screen(Pending event) {
        Requester who;
        synchronized (this) {
            if (waiting != null) {
                waiting.add(event);
                return;
            }
            who = requester;
        }
        submit(event.with(who));
    }

    private void submit(AccessEvent e) {
        try {
            writer.execute(() -> trail.record(e));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            trail.record(e); // late event while closing: record it here rather than lose it
        }
    }

    private static Institution institution(SourceInstitution s) {
        return new Institution(s.name(), s.ura());
    }

    static Requester requester(RequesterIdentity r) {
        return new Requester(r.uziNumber(), r.roleCode(), r.ura(), r.organisationName(), r.purposeOfUse());
    }

    /** Records what is still waiting (with an unknown requester when none was ever known), then closes the trail. */
    @Override
    public void close() {
        List<Pending> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            left = waiting;
            waiting = null;
            if (requester == null) {
                requester = Requester.UNKNOWN;
            }
        }
        if (left != null) {
            left.forEach(p -> submit(p.with(Requester.UNKNOWN)));
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Audit events still being written at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        trail.close();
    }
}
