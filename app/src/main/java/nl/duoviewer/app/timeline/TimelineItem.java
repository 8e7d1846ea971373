package nl.duoviewer.app.timeline;

import nl.duoviewer.core.timeline.TimelineEntry;

/** One row of the timeline list: a year heading or a study. */
public sealed interface TimelineItem {

    /** Heading above the studies of one year; {@code year} is 0 for studies without a date. */
    record YearHeader(int year, int studies) implements TimelineItem {
    }

    /** A study. */
    record Study(TimelineEntry entry) implements TimelineItem {
    }
}
