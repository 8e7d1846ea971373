package nl.duoviewer.xca.consent;

/** XACML decision of the Mitz closed question. Only {@link #PERMIT} allows access. */
public enum ConsentDecision {
    PERMIT, DENY, NOT_APPLICABLE, INDETERMINATE;

    /** Parses the XACML Decision text; anything unknown is {@link #INDETERMINATE}. */
    public static ConsentDecision of(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "Permit" -> PERMIT;
            case "Deny" -> DENY;
            case "NotApplicable" -> NOT_APPLICABLE;
            default -> INDETERMINATE;
        };
    }

    /** The XACML spelling. */
    public String xacml() {
        return switch (this) {
            case PERMIT -> "Permit";
            case DENY -> "Deny";
            case NOT_APPLICABLE -> "NotApplicable";
            case INDETERMINATE -> "Indeterminate";
        };
    }
}
