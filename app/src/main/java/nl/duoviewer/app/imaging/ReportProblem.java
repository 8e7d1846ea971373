package nl.duoviewer.app.imaging;

/** Why a report could not be shown; the view says it in the user's language. */
public enum ReportProblem {
    /** The consent gate refused, or Mitz could not be asked: the neutral message, nothing was retrieved. */
    CONSENT_REFUSED,
    /** The network or the institution could not be reached, did not answer in time, or the transfer failed. */
    UNREACHABLE,
    /** The institution answered without the document. */
    NOT_AVAILABLE,
    /** A document type the viewer does not read. */
    UNSUPPORTED_FORMAT,
    /** The document is damaged: it is not what it claims to be. */
    CORRUPT,
    /** The document names another patient (or none) than the one on screen; it is not shown. */
    WRONG_PATIENT
}
