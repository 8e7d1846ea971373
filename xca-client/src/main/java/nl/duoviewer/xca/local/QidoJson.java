package nl.duoviewer.xca.local;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads values out of one QIDO-RS result object (DICOM JSON, PS3.18 F.2): {@code "0020000D": {"vr": "UI",
 * "Value": [...]}}. Tags are matched without regard to the case of their hex digits (servers differ); anything
 * missing or of an unexpected shape reads as empty, so one odd attribute costs its value, never the answer.
 */
record QidoJson(JsonNode node) {

    static final String PATIENT_ID = "00100020";
    static final String ISSUER_OF_PATIENT_ID = "00100021";
    static final String OTHER_PATIENT_IDS = "00101000";
    static final String STUDY_INSTANCE_UID = "0020000D";
    static final String SERIES_INSTANCE_UID = "0020000E";
    static final String SOP_INSTANCE_UID = "00080018";
    static final String SOP_CLASS_UID = "00080016";
    static final String STUDY_DATE = "00080020";
    static final String STUDY_TIME = "00080030";
    static final String ACCESSION_NUMBER = "00080050";
    static final String MODALITIES_IN_STUDY = "00080061";
    static final String STUDY_DESCRIPTION = "00081030";

    /** The values of an attribute as text; person names by their alphabetic form. */
    List<String> strings(String tag) {
        JsonNode attribute = node.get(tag);
        if (attribute == null) {
            attribute = node.get(tag.toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        if (attribute == null || !attribute.isObject()) {
            return out;
        }
        JsonNode values = attribute.get("Value");
        if (values == null || !values.isArray()) {
            return out;
        }
        for (JsonNode v : values) {
            if (v.isTextual() || v.isNumber()) {
                out.add(v.asText().strip());
            } else if (v.isObject() && v.get("Alphabetic") != null) {
                out.add(v.get("Alphabetic").asText().strip());
            }
        }
        return out;
    }

    /** The first value, or empty. */
    String string(String tag) {
        List<String> all = strings(tag);
        return all.isEmpty() ? "" : all.getFirst();
    }

    /** Study Date and Time as one moment; null when the date is missing or malformed, midnight without a time. */
    LocalDateTime studyDateTime() {
        String date = string(STUDY_DATE);
        if (!date.matches("[0-9]{8}")) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
            String time = string(STUDY_TIME).replace(":", "");
            if (time.matches("[0-9]{2}([0-9]{2}([0-9]{2})?)?(\\.[0-9]{1,6})?")) {
                String hhmmss = (time.split("\\.")[0] + "0000").substring(0, 6);
                return d.atTime(LocalTime.parse(hhmmss, DateTimeFormatter.ofPattern("HHmmss")));
            }
            return d.atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
