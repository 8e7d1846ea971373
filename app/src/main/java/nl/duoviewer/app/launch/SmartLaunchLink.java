package nl.duoviewer.app.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.duoviewer.launch.smart.SmartLaunchRequest;

/**
 * Parses the viewer's SMART launch URL, the one registered at the EHR:
 * {@code duoviewer://smart-launch?iss=<FHIR base>&launch=<opaque>} (EHR launch) or
 * {@code duoviewer://smart-launch?iss=<FHIR base>} (standalone launch). Whether the {@code iss} is trusted is decided
 * later, by the deployment's settings, before anything is sent to it. An EHR whose registered launch URL IT gave the
 * launch token ({@code duoviewer://smart-launch?token=...}, the EHR appends {@code iss} and {@code launch}) switches
 * an open patient without the question (decision record 14); the token is taken apart and never printed.
 */
public final class SmartLaunchLink {

    static final String ACTION = "smart-launch";

    private SmartLaunchLink() {
    }

    /** True for a {@code duoviewer://smart-launch} link. */
    public static boolean isSmartLaunch(String argument) {
        if (!DuoViewerUri.isLink(argument)) {
            return false;
        }
        String rest = argument.substring(DuoViewerUri.SCHEME.length() + 1).replaceFirst("^//", "");
        return rest.toLowerCase(Locale.ROOT).startsWith(ACTION + "?") || rest.equalsIgnoreCase(ACTION);
    }

    /** A parsed SMART launch link: the launch and the launch token it carried, if any. */
    public record Link(SmartLaunch launch, Optional<LaunchToken> token) {
    }

    public static SmartLaunch parse(String link) throws LaunchException {
        return parseLink(link).launch();
    }

    /** Parses a link with its launch token; the exception message says what is wrong (never the token). */
    public static Link parseLink(String link) throws LaunchException {
        if (link.length() > DuoViewerUri.MAX_LENGTH) {
            throw new LaunchException("The duoviewer link is too long (" + link.length() + " characters)");
        }
        int q = link.indexOf('?');
        Map<String, String> params = DuoViewerUri.query(q < 0 ? "" : link.substring(q + 1));
        Optional<LaunchToken> token = DuoViewerUri.takeToken(params);
        for (String name : params.keySet()) {
            if (!name.equals("iss") && !name.equals("launch")) {
                throw new LaunchException("Unknown parameter '" + name + "' in the SMART launch link");
            }
        }
        String iss = params.get("iss");
        if (iss == null || iss.isBlank()) {
            throw new LaunchException("The SMART launch link names no FHIR server (iss=...)");
        }
        URI uri;
        try {
            uri = new URI(iss.strip());
        } catch (URISyntaxException e) {
            throw new LaunchException("iss is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new LaunchException("iss must be an http(s) URL of the EHR's FHIR server");
        }
        String launch = params.get("launch");
        if (launch != null && (launch.isBlank() || launch.length() > 1024)) {
            throw new LaunchException("The launch parameter is empty or too long");
        }
        return new Link(new SmartLaunch(SmartLaunchRequest.of(uri, launch)), token);
    }
}
