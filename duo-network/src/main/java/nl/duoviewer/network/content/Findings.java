package nl.duoviewer.network.content;

import java.util.List;

import nl.duoviewer.network.catalogue.DemoStudy;

/** Plausible Dutch report text for a demo study, chosen by modality and body part. Synthetic, not clinical. */
final class Findings {

    private Findings() {
    }

    static List<String> forStudy(DemoStudy study) {
        String part = study.bodyPart().toLowerCase(java.util.Locale.ROOT);
        return switch (study.modality()) {
            case "CT" -> List.of("Klinische vraag: controle " + part + ".",
                    "Bevindingen: geen afwijkende densiteiten. Normale aspecten van de weke delen.",
                    "Geen lymfadenopathie. Geen vrij vocht. Skeletstructuren zonder destructie.",
                    "Conclusie: geen afwijkingen ten opzichte van het vorige onderzoek.");
            case "MR" -> List.of("Klinische vraag: klachten " + part + ".",
                    "Bevindingen: normale signaalintensiteiten op T1- en T2-gewogen opnamen.",
                    "Geen aankleuring na contrast. Geen ruimte-innemend proces.",
                    "Conclusie: geen afwijkingen.");
            case "MG" -> List.of("Klinische vraag: screening.",
                    "Bevindingen: mammae met verspreid fibroglandulair weefsel (ACR B).",
                    "Geen verdachte massa's of microcalcificaties.",
                    "Conclusie: BI-RADS 1.");
            case "US" -> List.of("Klinische vraag: echo " + part + ".",
                    "Bevindingen: homogeen parenchym. Enkelvoudige cyste, verder geen afwijkingen.",
                    "Conclusie: benigne cyste.");
            default -> List.of("Klinische vraag: " + part + ".",
                    "Bevindingen: geen fractuur of luxatie. Normale botstructuur.",
                    "Conclusie: geen afwijkingen.");
        };
    }
}
