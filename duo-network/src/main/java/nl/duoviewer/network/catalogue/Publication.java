package nl.duoviewer.network.catalogue;

/**
 * One registration of a study's KOS manifest by an institution.
 *
 * @param institution       who published it
 * @param kosDocumentUid    XDS uniqueId of the manifest (also its SOP Instance UID)
 */
public record Publication(Institution institution, String kosDocumentUid) {
}
