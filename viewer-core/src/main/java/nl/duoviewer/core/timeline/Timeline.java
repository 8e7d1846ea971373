package nl.duoviewer.core.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import nl.duoviewer.core.patient.Bsn;

/**
 * One patient's merged study timeline, filled progressively as sources answer.
 *
 * <p>Studies are deduplicated on Study Instance UID: the same study published by two institutions becomes one entry
 * listing both sources. Records naming any other patient are rejected and counted, never shown. Thread-safe: sources
 * answer on their own threads; listeners receive immutable {@link TimelineSnapshot}s on the calling thread.
 */
public final class Timeline {

    private final Bsn patient;
    private final Map<String, TimelineEntry> byStudyUid = new HashMap<>();
    private final Map<String, ReportRecord> pendingReports = new LinkedHashMap<>();
    private final Map<String, SourceStatus> sources = new LinkedHashMap<>();
    private final List<Consumer<TimelineSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private int rejected;

    public Timeline(Bsn patient) {
        this.patient = Objects.requireNonNull(patient, "patient");
    }

    public Bsn patient() {
        return patient;
    }

    /** Registers a listener that is called with a fresh snapshot after every change. */
    public void addListener(Consumer<TimelineSnapshot> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<TimelineSnapshot> listener) {
        listeners.remove(listener);
    }

    /** Records a source's status (querying, complete, failed...). The latest status per source id wins. */
    public void updateSource(SourceStatus status) {
        synchronized (this) {
            sources.put(status.sourceId(), status);
        }
        fire();
    }

    /**
     * Adds what one source returned. Records for another patient are dropped.
     *
     * @return how many records were rejected because they named another patient; the caller should report the
     *         source as untrustworthy when this is not zero
     */
    public int addAll(List<StudyRecord> studies, List<ReportRecord> reports) {
        int dropped = 0;
        synchronized (this) {
            for (StudyRecord study : studies) {
                if (!patient.equals(study.patient())) {
                    dropped++;
                    continue;
                }
                byStudyUid.merge(study.studyInstanceUid(), TimelineEntry.of(study),
                        (existing, fresh) -> existing.withRecord(study));
            }
            for (ReportRecord report : reports) {
                if (!patient.equals(report.patient())) {
                    dropped++;
                    continue;
                }
                pendingReports.put(report.document().documentUniqueId() + "|" + report.source().homeCommunityId(),
                        report);
            }
            linkReports();
            rejected += dropped;
        }
        fire();
        return dropped;
    }

    /**
     * Counts records a source dropped itself for naming another patient (the hospital's PACS checks Patient ID and
     * issuer, which a {@link StudyRecord} does not carry), so that they are shown like the ones {@link #addAll} drops.
     */
    public void countRejected(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if (count == 0) {
            return;
        }
        synchronized (this) {
            rejected += count;
        }
        fire();
    }

    private void linkReports() {
        var it = pendingReports.values().iterator();
        while (it.hasNext()) {
            ReportRecord report = it.next();
            String uid = report.studyInstanceUid();
            if (uid != null && byStudyUid.containsKey(uid)) {
                byStudyUid.computeIfPresent(uid, (k, e) -> e.withReport(report));
                it.remove();
            }
        }
    }

    /** The current state, safe to pass between threads. */
    public synchronized TimelineSnapshot snapshot() {
        List<TimelineEntry> entries = new ArrayList<>(byStudyUid.values());
        entries.sort(TimelineEntry.NEWEST_FIRST);
        return new TimelineSnapshot(patient, entries, List.copyOf(pendingReports.values()),
                List.copyOf(sources.values()), rejected);
    }

    private void fire() {
        if (listeners.isEmpty()) {
            return;
        }
        TimelineSnapshot snap = snapshot();
        for (Consumer<TimelineSnapshot> l : listeners) {
            l.accept(snap);
        }
    }
}
