package nl.duoviewer.app.timeline;

import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.TimelineEntry;

/** One row of the timeline list: a year heading, a study, or a report whose study has no images on the timeline. */
public sealed interface TimelineItem {

    /** Heading above the studies of one year; {@code year} is 0 for studies without a date. */
    record YearHeader(int year, int studies) implements TimelineItem {
    }

    /** A study. */
    record Study(TimelineEntry entry) implements TimelineItem {
    }

    /**
     * A report that names no study on the timeline: its images were not shared (or not yet found). It opens on its
     * own in the report pane.
     */
    record Report(ReportRecord report) implements TimelineItem {
    }
}
