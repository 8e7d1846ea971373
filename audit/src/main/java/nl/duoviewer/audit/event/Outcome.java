package nl.duoviewer.audit.event;

/** How an audited action ended; mapped to the DICOM EventOutcomeIndicator (0, 4, 4, 8). */
public enum Outcome {
    SUCCESS,
    /** Part of what was asked for was delivered (a partial answer, some instances missing). */
    PARTIAL,
    /** Refused by consent (Mitz or the viewer's consent gate). */
    DENIED,
    FAILURE
}
