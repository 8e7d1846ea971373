package nl.duoviewer.core.patient;

import java.util.Locale;

/** Administrative sex as sources send it (HL7 v2 table 0001, the PID-8 of XDS sourcePatientInfo). */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    /** F, M, O (and A, N: ambiguous, not applicable, shown as other), U; null for anything else or nothing. */
    public static Sex fromHl7(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "F" -> FEMALE;
            case "M" -> MALE;
            case "O", "A", "N" -> OTHER;
            case "U" -> UNKNOWN;
            default -> null;
        };
    }

    /** The HL7 v2 code. */
    public String hl7() {
        return switch (this) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "O";
            case UNKNOWN -> "U";
        };
    }
}
