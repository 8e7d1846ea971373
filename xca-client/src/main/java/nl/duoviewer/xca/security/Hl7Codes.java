package nl.duoviewer.xca.security;

import java.util.Map;

/**
 * Display names of the codes the viewer sends to Mitz and the gateways, so that typed HL7 values carry
 * {@code displayName} where it is known (as the public Mitz clients send them). Unknown codes go without a name.
 * Names as in the code systems: RoleCodeNL (2.16.840.1.113883.2.4.15.111), the organisation types
 * (2.16.840.1.113883.2.4.15.1060), purpose of use (2.16.840.1.113883.1.11.20448) and the Mitz data categories
 * (2.16.840.1.113883.2.4.3.111.5.10.1).
 */
public final class Hl7Codes {

    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("01.000", "Arts"),
            Map.entry("01.010", "Cardioloog"),
            Map.entry("01.014", "Chirurg"),
            Map.entry("01.015", "Huisarts"),
            Map.entry("01.016", "Internist"),
            Map.entry("01.019", "Kinderarts"),
            Map.entry("01.023", "Longarts"),
            Map.entry("01.025", "Neurochirurg"),
            Map.entry("01.026", "Neuroloog"),
            Map.entry("01.030", "Nucleair geneeskundige"),
            Map.entry("01.032", "Orthopedisch chirurg"),
            Map.entry("01.039", "Radioloog"),
            Map.entry("01.040", "Radiotherapeut"),
            Map.entry("01.045", "Uroloog"),
            Map.entry("01.046", "Gynaecoloog"),
            Map.entry("01.071", "Spoedeisende hulp arts"),
            Map.entry("30.000", "Verpleegkundige"),
            Map.entry("84.000", "Klinisch fysicus"),
            Map.entry("97.000", "Radiodiagnostisch laborant"),
            Map.entry("98.000", "Radiotherapeutisch laborant"));

    private static final Map<String, String> ORGANISATION_TYPES = Map.of(
            "V4", "Ziekenhuis",
            "V5", "Universitair Medisch Centrum",
            "V6", "Algemeen ziekenhuis",
            "Z4", "Zelfstandig behandelcentrum",
            "Z5", "Diagnostisch centrum",
            "B1", "Beeldvormende diagnostiek",
            "Z3", "Huisartspraktijk (zelfstandig of groepspraktijk)");

    private static final Map<String, String> PURPOSES = Map.of(
            "TREAT", "treatment",
            "COC", "coordination of care");

    private static final Map<String, String> DATA_CATEGORIES = Map.of(
            "GGC002", "Behandelgegevens",
            "GGC012", "Uitslagen",
            "GGC013", "Medicatiegegevens");

    private Hl7Codes() {
    }

    /** RoleCodeNL display name, or null. */
    public static String role(String code) {
        return ROLES.get(code);
    }

    /** Organisation type display name, or null. */
    public static String organisationType(String code) {
        return ORGANISATION_TYPES.get(code);
    }

    /** Purpose of use display name, or null. */
    public static String purposeOfUse(String code) {
        return PURPOSES.get(code);
    }

    /** Mitz data category display name, or null. */
    public static String dataCategory(String code) {
        return DATA_CATEGORIES.get(code);
    }
}
