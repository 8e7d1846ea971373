package nl.duoviewer.ehr.sandbox;

/**
 * Patients the sandbox holds besides the demo catalogue's, to show what the viewer does with an EHR record it cannot
 * trust: no BSN, two different BSNs, or a BSN that fails the 11-check.
 */
public enum EdgeCasePatient {
    /** Only a hospital number, no BSN. */
    NO_BSN("edge-geen-bsn", "Test Zonder-BSN"),
    /** Two different (each valid) BSNs. */
    TWO_BSNS("edge-twee-bsn", "Test Twee-BSN"),
    /** A BSN that fails the 11-check. */
    INVALID_BSN("edge-ongeldig-bsn", "Test Ongeldig-BSN");

    private final String id;
    private final String displayName;

    EdgeCasePatient(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Logical id of the Patient resource. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
