package nl.duoviewer.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.SourcePatientInfo;

/**
 * An immutable view of a {@link Timeline} at one moment, safe to hand to the UI thread.
 *
 * @param patient         whose timeline this is; the UI checks it against the patient on screen
 * @param entries         studies, newest first
 * @param unlinkedReports reports that name no study on the timeline (yet)
 * @param sources         per-source query status, in the order the sources were registered
 * @param rejected        how many records were dropped because they named another patient
 */
public record TimelineSnapshot(Bsn patient, List<TimelineEntry> entries, List<ReportRecord> unlinkedReports,
                               List<SourceStatus> sources, int rejected) {

    public TimelineSnapshot {
        entries = List.copyOf(entries);
        unlinkedReports = List.copyOf(unlinkedReports);
        sources = List.copyOf(sources);
    }

    /**
     * What the sources' registries say about the patient, one per registration that said anything (studies and
     * reports, linked or not), for {@link nl.duoviewer.core.patient.AgreedDemographics}.
     */
    public List<SourcePatientInfo> sourcePatients() {
        List<SourcePatientInfo> all = new ArrayList<>();
        for (TimelineEntry e : entries) {
            e.records().stream().map(StudyRecord::sourcePatient).filter(Objects::nonNull).forEach(all::add);
            e.reports().stream().map(ReportRecord::sourcePatient).filter(Objects::nonNull).forEach(all::add);
        }
        unlinkedReports.stream().map(ReportRecord::sourcePatient).filter(Objects::nonNull).forEach(all::add);
        return all;
    }

    /** True when no source is still being queried. */
    public boolean settled() {
        return sources.stream().noneMatch(s -> s.state() == SourceStatus.State.QUERYING);
    }
}
