package nl.duoviewer.network.catalogue;

import java.time.LocalDateTime;

/**
 * A radiology report registered for a study.
 *
 * @param documentUid  XDS uniqueId
 * @param title        e.g. "Verslag CT thorax"
 * @param dateTime     when it was written
 * @param institution  who registered it
 */
public record DemoReport(String documentUid, String title, LocalDateTime dateTime, Institution institution) {
}
