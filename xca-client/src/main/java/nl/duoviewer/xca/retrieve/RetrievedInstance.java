package nl.duoviewer.xca.retrieve;

/**
 * What is known about one retrieved DICOM object before its bytes are read.
 *
 * @param studyInstanceUid  the study asked for
 * @param seriesInstanceUid the series asked for (empty for a single document retrieve)
 * @param sopInstanceUid    the document unique id (SOP Instance UID for images)
 * @param mimeType          as sent, normally application/dicom
 * @param homeCommunityId   community that sent it
 */
public record RetrievedInstance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
                                String mimeType, String homeCommunityId) {
}
