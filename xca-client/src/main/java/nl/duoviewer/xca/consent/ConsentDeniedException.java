package nl.duoviewer.xca.consent;

/**
 * Retrieval is not allowed. The message is neutral on purpose: it must not reveal whether data exists, nor whether
 * the reason was a refusal, a missing registration or a technical problem. The reason is kept for the audit log.
 */
public final class ConsentDeniedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the user sees. */
    public static final String NEUTRAL_MESSAGE = "Geen toestemming of geen gegevens beschikbaar";

    private final String reason;

    public ConsentDeniedException(String reason) {
        super(NEUTRAL_MESSAGE, null, false, false);
        this.reason = reason;
    }

    /** Internal reason, for the access log only; never show it to the user. */
    public String reason() {
        return reason;
    }
}
