package nl.duoviewer.core.timeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import nl.duoviewer.core.patient.Bsn;

/**
 * One study on the timeline: every source's registration of the same Study Instance UID merged into one row.
 * Immutable; {@link Timeline} replaces an entry when another source reports the same study.
 */
public final class TimelineEntry {

    /** Newest first; studies without a date go last, then by UID so the order is stable. */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::studyDateTime, Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder()))
            .thenComparing(TimelineEntry::studyInstanceUid);

    private final List<StudyRecord> records;
    private final List<ReportRecord> reports;

    private TimelineEntry(List<StudyRecord> records, List<ReportRecord> reports) {
        this.records = List.copyOf(records);
        this.reports = List.copyOf(reports);
    }

    static TimelineEntry of(StudyRecord first) {
        return new TimelineEntry(List.of(first), List.of());
    }

    TimelineEntry withRecord(StudyRecord record) {
        for (StudyRecord r : records) {
            if (r.source().equals(record.source()) && r.manifest().equals(record.manifest())) {
                return this; // the same registration seen twice (e.g. a retried query)
            }
        }
        List<StudyRecord> merged = new ArrayList<>(records);
        merged.add(record);
        return new TimelineEntry(merged, reports);
    }

    TimelineEntry withReport(ReportRecord report) {
        if (reports.stream().anyMatch(r -> r.document().equals(report.document()))) {
            return this;
        }
        List<ReportRecord> merged = new ArrayList<>(reports);
        merged.add(report);
        return new TimelineEntry(records, merged);
    }

    public String studyInstanceUid() {
        return records.getFirst().studyInstanceUid();
    }

    public Bsn patient() {
        return records.getFirst().patient();
    }

    /** The earliest date any source gives; sources disagree only when one of them is wrong, so be conservative. */
    public LocalDateTime studyDateTime() {
        return records.stream().map(StudyRecord::studyDateTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** Union of all sources' modalities, sorted. */
    public Set<String> modalities() {
        Set<String> all = new TreeSet<>();
        records.forEach(r -> all.addAll(r.modalities()));
        return all;
    }

    public String description() {
        return firstNonEmpty(records.stream().map(StudyRecord::description).toList());
    }

    public String bodyPart() {
        return firstNonEmpty(records.stream().map(StudyRecord::bodyPart).toList());
    }

    public String accessionNumber() {
        return firstNonEmpty(records.stream().map(StudyRecord::accessionNumber).toList());
    }

    /** Every registration of this study, in the order they arrived. */
    public List<StudyRecord> records() {
        return records;
    }

    /** Distinct institutions that hold this study, in arrival order. */
    public List<SourceInstitution> sources() {
        Set<SourceInstitution> distinct = new LinkedHashSet<>();
        records.forEach(r -> distinct.add(r.source()));
        return List.copyOf(distinct);
    }

    /** True when the hospital's own PACS holds this study (perhaps beside external copies). */
    public boolean isLocal() {
        return records.stream().anyMatch(r -> r.source().isLocal());
    }

    /** Reports linked to this study. */
    public List<ReportRecord> reports() {
        return reports;
    }

    private static String firstNonEmpty(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).findFirst().orElse("");
    }

    @Override
    public String toString() {
        return "TimelineEntry[" + studyInstanceUid() + " " + studyDateTime() + " " + modalities() + " "
                + description() + " from " + sources().stream().map(SourceInstitution::name).toList() + "]";
    }
}
