package nl.duoviewer.xca.query;

/** What a FindDocuments query looks for. */
public enum DocumentKind {
    /** Imaging manifests (KOS), one per study. */
    MANIFESTS,
    /** Radiology reports. */
    REPORTS
}
