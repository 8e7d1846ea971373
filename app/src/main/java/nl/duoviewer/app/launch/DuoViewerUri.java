package nl.duoviewer.app.launch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import nl.duoviewer.core.patient.Bsn;

/**
 * Parses {@code duoviewer://} links into a {@link LaunchContext}. Two forms are accepted:
 * <ul>
 * <li>{@code duoviewer://open?bsn=999999011[&study=<StudyInstanceUID>][&name=...][&birthDate=YYYY-MM-DD]}</li>
 * <li>{@code duoviewer://IHEInvokeImageDisplay?requestType=PATIENT|STUDY&patientID=<CX or BSN>[&studyUID=...]}:
 * the query parameters of IHE RAD-106, so an EHR that can build an IID URL can launch the viewer directly.</li>
 * </ul>
 * Links can come from any web page, so they are parsed strictly: bounded length, known parameters only, a valid BSN.
 * Either form may carry {@code token=...}, the launch token IT gave the EHR ({@link LaunchToken}); a link without
 * the configured token that would replace an open patient is put to the user first.
 */
public final class DuoViewerUri {

    public static final String SCHEME = "duoviewer";
    static final int MAX_LENGTH = 4096;

    private DuoViewerUri() {
    }

    /** True when the argument looks like a link of this scheme (case-insensitive), so it should be parsed as one. */
    public static boolean isLink(String argument) {
        return argument != null && argument.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
    }

    /** A parsed link: the context it asks for and the launch token it carried, if any. */
    public record Link(LaunchContext context, java.util.Optional<LaunchToken> token) {
    }

    /** Parses a link; the exception message says what is wrong with it. */
    public static LaunchContext parse(String link) throws LaunchException {
        return parseLink(link).context();
    }

    /** Parses a link with its launch token; the exception message says what is wrong (never the token). */
    public static Link parseLink(String link) throws LaunchException {
        if (link.length() > MAX_LENGTH) {
            throw new LaunchException("The duoviewer link is too long (" + link.length() + " characters)");
        }
        if (!isLink(link)) {
            throw new LaunchException("Not a duoviewer link: " + abbreviate(link));
        }
        String rest = link.substring(SCHEME.length() + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int q = rest.indexOf('?');
        String action = (q < 0 ? rest : rest.substring(0, q)).replaceAll("/+$", "");
        Map<String, String> params = query(q < 0 ? "" : rest.substring(q + 1));
        java.util.Optional<LaunchToken> carried = takeToken(params);
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "open" -> new Link(open(params), carried);
            case "iheinvokeimagedisplay" -> new Link(invokeImageDisplay(params), carried);
            default -> throw new LaunchException("Unknown duoviewer link action '" + abbreviate(action)
                    + "' (expected open or IHEInvokeImageDisplay)");
        };
    }

    /** Removes the launch token from a link's parameters (any link kind, a SMART launch included). */
    static java.util.Optional<LaunchToken> takeToken(Map<String, String> params) throws LaunchException {
        String token = params.remove("token");
        if (token != null && (token.isEmpty() || token.length() > 512)) {
            throw new LaunchException("The duoviewer link carries an unusable token");
        }
        return java.util.Optional.ofNullable(token).map(LaunchToken::new);
    }

    private static LaunchContext open(Map<String, String> params) throws LaunchException {
        allowOnly(params, "bsn", "study", "name", "birthdate");
        String bsn = params.get("bsn");
        if (bsn == null) {
            throw new LaunchException("The duoviewer link names no patient (bsn=...)");
        }
        LocalDate birthDate = null;
        String birth = params.get("birthdate");
        if (birth != null) {
            try {
                birthDate = LocalDate.parse(birth);
            } catch (DateTimeParseException e) {
                throw new LaunchException("birthDate must be YYYY-MM-DD, got '" + abbreviate(birth) + "'");
            }
        }
        return new LaunchContext(bsn(bsn), new PatientDemographics(params.get("name"), birthDate),
                LaunchSource.URL_SCHEME, params.get("study"));
    }

    private static LaunchContext invokeImageDisplay(Map<String, String> params) throws LaunchException {
        String requestType = params.getOrDefault("requesttype", "");
        String patientId = params.get("patientid");
        if (patientId == null) {
            throw new LaunchException("The image display request names no patient (patientID=...); "
                    + "this viewer needs the BSN for every request");
        }
        Bsn patient = patientId.indexOf('^') >= 0 ? cx(patientId) : bsn(patientId);
        return switch (requestType.toUpperCase(Locale.ROOT)) {
            case "PATIENT" -> new LaunchContext(patient, PatientDemographics.unknown(),
                    LaunchSource.IHE_INVOKE_IMAGE_DISPLAY, null);
            case "STUDY" -> {
                String study = params.get("studyuid");
                if (study == null || study.isBlank() || study.indexOf(',') >= 0) {
                    throw new LaunchException("A STUDY request needs exactly one studyUID");
                }
                yield new LaunchContext(patient, PatientDemographics.unknown(),
                        LaunchSource.IHE_INVOKE_IMAGE_DISPLAY, study);
            }
            default -> throw new LaunchException("Unsupported requestType '" + abbreviate(requestType)
                    + "' (supported: PATIENT, STUDY)");
        };
    }

    private static Bsn bsn(String text) throws LaunchException {
        try {
            return Bsn.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("Invalid BSN: " + e.getMessage());
        }
    }

    private static Bsn cx(String text) throws LaunchException {
        try {
            return Bsn.fromCx(text);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("Invalid patientID: " + e.getMessage());
        }
    }

    /** Parameter names are matched case-insensitively (IID uses camelCase, humans do not). */
    static Map<String, String> query(String query) throws LaunchException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new LaunchException("Parameter '" + abbreviate(name) + "' appears twice in the link");
            }
        }
        return params;
    }

    private static void allowOnly(Map<String, String> params, String... names) throws LaunchException {
        for (String name : params.keySet()) {
            boolean known = false;
            for (String n : names) {
                known |= n.equals(name);
            }
            if (!known) {
                throw new LaunchException("Unknown parameter '" + abbreviate(name) + "' in the duoviewer link");
            }
        }
    }

    private static String decode(String s) throws LaunchException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("Badly encoded duoviewer link"); // the bad part may be a token
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
