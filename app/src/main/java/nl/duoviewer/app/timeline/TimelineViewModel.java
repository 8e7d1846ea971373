package nl.duoviewer.app.timeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;

/**
 * What the timeline shows for the patient on screen: the studies grouped by year (newest first) with the reports whose
 * study has no images on the timeline among them, the per-source status, and the selected study or report-only row. Fed with {@link TimelineSnapshot}s; a snapshot of any other patient is refused, so a
 * late answer to an earlier patient's query can never show up. JavaFX thread only.
 */
public final class TimelineViewModel {

    /** What the list area should say when it has no studies. */
    public enum Phase {
        /** No patient selected. */
        NO_PATIENT,
        /** Sources are still being queried. */
        SEARCHING,
        /** Every source answered (or gave up) and at least one answered. */
        SETTLED,
        /** Every source failed or timed out: nothing can be said about the patient's studies. */
        NO_SOURCE_ANSWERED
    }

    private final ObservableList<TimelineItem> items = FXCollections.observableArrayList();
    private final ObservableList<SourceStatus> sources = FXCollections.observableArrayList();
    private final ObjectProperty<TimelineEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<ReportRecord> selectedReport = new SimpleObjectProperty<>(this, "selectedReport");
    private Consumer<TimelineEntry> onReportRequested = entry -> { };
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.NO_PATIENT);
    private final ReadOnlyIntegerWrapper rejected = new ReadOnlyIntegerWrapper(this, "rejected");
    private final ReadOnlyIntegerWrapper studyCount = new ReadOnlyIntegerWrapper(this, "studyCount");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private boolean updating;
    private Map<String, Integer> studiesPerSource = Map.of();
    private Bsn patient;
    private String pendingFocus;
    private int refusedSnapshots;

    public TimelineViewModel() {
        // a study and a report-only row are never selected at once
        selected.addListener((o, a, b) -> {
            if (b != null) {
                selectedReport.set(null);
            }
        });
        selectedReport.addListener((o, a, b) -> {
            if (b != null) {
                selected.set(null);
            }
        });
    }

    /** Switches to a new patient: everything of the previous one is cleared first. */
    public void startPatient(Bsn newPatient, String focusStudyUid) {
        clear();
        this.patient = Objects.requireNonNull(newPatient);
        this.pendingFocus = focusStudyUid;
        phase.set(Phase.SEARCHING);
    }

    /** Forgets the patient and everything shown for it. */
    public void clear() {
        patient = null;
        pendingFocus = null;
        selected.set(null);
        selectedReport.set(null);
        updating = true;
        try {
            items.clear();
        } finally {
            updating = false;
        }
        sources.clear();
        rejected.set(0);
        studyCount.set(0);
        studiesPerSource = Map.of();
        phase.set(Phase.NO_PATIENT);
        revision.set(revision.get() + 1);
    }

    /**
     * Shows a snapshot, if it is for the patient on screen.
     *
     * @return false when the snapshot was refused (no patient, or another patient)
     */
    public boolean apply(TimelineSnapshot snapshot) {
        if (patient == null || !patient.equals(snapshot.patient())) {
            refusedSnapshots++;
            return false;
        }
        List<TimelineItem> rows = new ArrayList<>();
        int currentYear = Integer.MIN_VALUE;
        int headerAt = -1;
        int inYear = 0;
        for (TimelineItem item : newestFirst(snapshot)) {
            LocalDateTime when = item instanceof TimelineItem.Study s ? s.entry().studyDateTime()
                    : ((TimelineItem.Report) item).report().date();
            int year = when == null ? 0 : when.getYear();
            if (year != currentYear) {
                if (headerAt >= 0) {
                    rows.set(headerAt, new TimelineItem.YearHeader(currentYear, inYear));
                }
                currentYear = year;
                headerAt = rows.size();
                inYear = 0;
                rows.add(new TimelineItem.YearHeader(year, 0));
            }
            rows.add(item);
            if (item instanceof TimelineItem.Study) {
                inYear++;
            }
        }
        if (headerAt >= 0) {
            rows.set(headerAt, new TimelineItem.YearHeader(currentYear, inYear));
        }
        Map<String, Integer> perSource = new HashMap<>();
        for (TimelineEntry entry : snapshot.entries()) {
            entry.records().stream().map(r -> r.source().homeCommunityId()).distinct()
                    .forEach(id -> perSource.merge(id, 1, Integer::sum));
        }
        studiesPerSource = Map.copyOf(perSource);
        updating = true;
        try {
            items.setAll(rows);
            sources.setAll(snapshot.sources());
            rejected.set(snapshot.rejected());
            studyCount.set(snapshot.entries().size());
            phase.set(phaseOf(snapshot));
            refreshSelection();
        } finally {
            updating = false;
        }
        revision.set(revision.get() + 1);
        return true;
    }

    /**
     * The patient's studies and report-only rows, newest first (undated last). Entries and reports naming another
     * patient are left out: the timeline refuses them already, and showing one would be the worst bug.
     */
    private List<TimelineItem> newestFirst(TimelineSnapshot snapshot) {
        List<TimelineItem> items = new ArrayList<>();
        for (TimelineEntry entry : snapshot.entries()) {
            if (patient.equals(entry.patient())) {
                items.add(new TimelineItem.Study(entry));
            }
        }
        List<ReportRecord> reports = new ArrayList<>();
        for (ReportRecord r : snapshot.unlinkedReports()) {
            if (patient.equals(r.patient())) {
                reports.add(r);
            }
        }
        reports.sort(Comparator.comparing(ReportRecord::date, Comparator.nullsLast(Comparator.reverseOrder())));
        // merge the reports into the (already newest-first) studies by date
        List<TimelineItem> merged = new ArrayList<>(items.size() + reports.size());
        int r = 0;
        for (TimelineItem study : items) {
            LocalDateTime when = ((TimelineItem.Study) study).entry().studyDateTime();
            while (r < reports.size() && reports.get(r).date() != null
                    && (when == null || reports.get(r).date().isAfter(when))) {
                merged.add(new TimelineItem.Report(reports.get(r++)));
            }
            merged.add(study);
        }
        while (r < reports.size()) {
            merged.add(new TimelineItem.Report(reports.get(r++)));
        }
        return merged;
    }

    private static Phase phaseOf(TimelineSnapshot snapshot) {
        if (!snapshot.settled() || snapshot.sources().isEmpty()) {
            return Phase.SEARCHING;
        }
        boolean anyAnswered = snapshot.sources().stream().anyMatch(s -> s.state() == SourceStatus.State.COMPLETE
                || s.state() == SourceStatus.State.PARTIAL);
        return anyAnswered || !snapshot.entries().isEmpty() ? Phase.SETTLED : Phase.NO_SOURCE_ANSWERED;
    }

    /** Keeps the selection on the same study (the entry object is replaced when another source reports it). */
    private void refreshSelection() {
        String uid = selected.get() == null ? pendingFocus : selected.get().studyInstanceUid();
        if (uid == null) {
            return;
        }
        TimelineEntry match = find(uid);
        if (match != null) {
            if (uid.equals(pendingFocus)) {
                pendingFocus = null;
            }
            selected.set(match);
        }
    }

    /** How many studies on the timeline came from a source (by source id, the community's homeCommunityId). */
    public int studiesFrom(String sourceId) {
        return studiesPerSource.getOrDefault(sourceId, 0);
    }

    /** The entry with this Study Instance UID, or null. */
    public TimelineEntry find(String studyInstanceUid) {
        for (TimelineItem item : items) {
            if (item instanceof TimelineItem.Study s && s.entry().studyInstanceUid().equals(studyInstanceUid)) {
                return s.entry();
            }
        }
        return null;
    }

    /**
     * True when {@code candidate} is a prior of the selected study: an earlier study of the same body part, the
     * comparison a radiologist looks for first.
     */
    public boolean isPrior(TimelineEntry candidate) {
        TimelineEntry current = selected.get();
        if (current == null || candidate == null
                || current.studyInstanceUid().equals(candidate.studyInstanceUid())) {
            return false;
        }
        String part = normalise(current.bodyPart());
        if (part.isEmpty() || !part.equals(normalise(candidate.bodyPart()))) {
            return false;
        }
        if (current.studyDateTime() == null || candidate.studyDateTime() == null) {
            return true;
        }
        return candidate.studyDateTime().isBefore(current.studyDateTime());
    }

    private static String normalise(String bodyPart) {
        return bodyPart == null ? "" : bodyPart.strip().toUpperCase(Locale.ROOT);
    }

    public ObservableList<TimelineItem> items() {
        return items;
    }

    public ObservableList<SourceStatus> sources() {
        return sources;
    }

    /** The selected study; set it to open a study, and it follows the study across snapshot updates. */
    public ObjectProperty<TimelineEntry> selectedProperty() {
        return selected;
    }

    /** The selected report-only row; set it to open that report. Selecting a study clears it, and the other way. */
    public ObjectProperty<ReportRecord> selectedReportProperty() {
        return selectedReport;
    }

    /** Selects the study and asks for its report beside the images (the report badge). */
    public void requestReport(TimelineEntry entry) {
        if (entry == null || patient == null || !patient.equals(entry.patient())) {
            return;
        }
        selected.set(entry);
        onReportRequested.accept(entry);
    }

    /** Who opens a study's report when {@link #requestReport} is called (the workspace). */
    public void setOnReportRequested(Consumer<TimelineEntry> handler) {
        this.onReportRequested = Objects.requireNonNull(handler);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Records dropped by the timeline because they named another patient. */
    public ReadOnlyIntegerProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty studyCountProperty() {
        return studyCount.getReadOnlyProperty();
    }

    /** Incremented after every change of the rows, once the selection has been carried over. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** True while the rows are being replaced: list selection events then are not the user's. */
    public boolean isUpdating() {
        return updating;
    }

    /** The patient whose timeline this is; null when none. */
    public Bsn patient() {
        return patient;
    }

    /** Snapshots refused because they were for no or another patient (for diagnostics and tests). */
    public int refusedSnapshots() {
        return refusedSnapshots;
    }
}
