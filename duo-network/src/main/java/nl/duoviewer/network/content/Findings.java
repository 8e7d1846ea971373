package nl.duoviewer.network.content;

import java.util.ArrayList;
import java.util.List;

import nl.duoviewer.network.catalogue.DemoStudy;

/**
 * Plausible Dutch report text for a demo study, chosen by modality and body part: the clinical question, the findings
 * and the conclusion, which every report format lays out in its own way. Synthetic, not clinical.
 *
 * @param question   clinical question
 * @param findings   findings, one sentence group per entry
 * @param conclusion conclusion
 */
record Findings(String question, List<String> findings, String conclusion) {

    Findings {
        findings = List.copyOf(findings);
    }

    static Findings forStudy(DemoStudy study) {
        String part = study.bodyPart().toLowerCase(java.util.Locale.ROOT);
        return switch (study.modality()) {
            case "CT" -> new Findings("controle " + part + ".", List.of(
                    "Geen afwijkende densiteiten. Normale aspecten van de weke delen.",
                    "Geen lymfadenopathie. Geen vrij vocht. Skeletstructuren zonder destructie."),
                    "geen afwijkingen ten opzichte van het vorige onderzoek.");
            case "MR" -> new Findings("klachten " + part + ".", List.of(
                    "Normale signaalintensiteiten op T1- en T2-gewogen opnamen.",
                    "Geen aankleuring na contrast. Geen ruimte-innemend proces."),
                    "geen afwijkingen.");
            case "MG" -> new Findings("screening.", List.of(
                    "Mammae met verspreid fibroglandulair weefsel (ACR B).",
                    "Geen verdachte massa's of microcalcificaties."),
                    "BI-RADS 1.");
            case "US" -> new Findings("echo " + part + ".", List.of(
                    "Homogeen parenchym. Enkelvoudige cyste, verder geen afwijkingen."),
                    "benigne cyste.");
            default -> new Findings(part + ".", List.of(
                    "Geen fractuur of luxatie. Normale botstructuur."),
                    "geen afwijkingen.");
        };
    }

    /** The report body as lines of running text (PDF and plain text). */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Klinische vraag: " + question);
        for (int i = 0; i < findings.size(); i++) {
            out.add(i == 0 ? "Bevindingen: " + findings.get(i) : findings.get(i));
        }
        out.add("Conclusie: " + conclusion);
        return out;
    }
}
