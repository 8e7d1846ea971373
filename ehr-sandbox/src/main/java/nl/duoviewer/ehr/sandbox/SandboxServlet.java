package nl.duoviewer.ehr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.util.JSONObjectUtils;

import nl.duoviewer.network.catalogue.DemoPatient;

/**
 * The sandbox's web face: the EHR's patient list with a "Launch viewer" button per patient, the authorize page (allow
 * or deny; for a standalone launch also the patient and user), the token endpoint, the published keys and the SMART
 * configuration. Plain HTML forms, so a real browser and the tests' headless browser use the same pages.
 */
final class SandboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final transient EhrSandbox sandbox;
    private final transient AuthorizationServer auth;
    private final transient SandboxDirectory directory;
    private final transient SandboxCounters counters;

    SandboxServlet(EhrSandbox sandbox, AuthorizationServer auth, SandboxDirectory directory,
                   SandboxCounters counters) {
        this.sandbox = sandbox;
        this.auth = auth;
        this.directory = directory;
        this.counters = counters;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        switch (path) {
            case "/", "/index.html" -> html(resp, 200, home());
            case "/fhir/.well-known/smart-configuration" -> {
                counters.discovery();
                json(resp, 200, smartConfiguration());
            }
            case "/auth/jwks" -> {
                resp.setContentType("application/json");
                resp.getOutputStream().write(auth.jwks().getBytes(StandardCharsets.UTF_8));
            }
            case "/auth/authorize" -> authorizePage(req, resp);
            case "/ehr/launch" -> ehrLaunch(req, resp);
            default -> html(resp, 404, page("Not found", "<p>Nothing here.</p>"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (req.getRequestURI()) {
            case "/auth/authorize" -> decide(req, resp);
            case "/auth/token" -> token(req, resp);
            default -> html(resp, 404, page("Not found", "<p>Nothing here.</p>"));
        }
    }

    private Map<String, Object> smartConfiguration() {
        String base = sandbox.base().toString();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issuer", sandbox.fhirBase().toString());
        c.put("jwks_uri", base + "auth/jwks");
        c.put("authorization_endpoint", base + "auth/authorize");
        c.put("token_endpoint", base + "auth/token");
        c.put("grant_types_supported", List.of("authorization_code"));
        c.put("response_types_supported", List.of("code"));
        c.put("token_endpoint_auth_methods_supported", List.of("none"));
        c.put("scopes_supported", AuthorizationServer.supportedScopes());
        c.put("code_challenge_methods_supported", List.of("S256"));
        c.put("capabilities", List.of("launch-ehr", "launch-standalone", "client-public", "context-ehr-patient",
                "context-standalone-patient", "sso-openid-connect", "permission-patient", "permission-user",
                "permission-v1", "permission-v2"));
        return c;
    }

    private String home() {
        StringBuilder rows = new StringBuilder();
        StringBuilder users = new StringBuilder();
        for (Clinician c : directory.clinicians()) {
            users.append("<option value=\"").append(esc(c.id())).append("\">").append(esc(c.name()))
                    .append(c.roleName() == null ? "" : " (" + esc(c.roleName()) + ")").append("</option>");
        }
        for (String id : directory.demoPatientIds()) {
            DemoPatient p = directory.demoPatient(id).orElseThrow();
            rows.append(row(id, p.displayName(), p.bsn().value(), DATE.format(p.birthDate()), users));
        }
        for (EdgeCasePatient e : EdgeCasePatient.values()) {
            rows.append(row(e.id(), e.displayName(), switch (e) {
                case NO_BSN -> "(none)";
                case TWO_BSNS -> String.join(" + ", SandboxDirectory.SECOND_BSNS);
                case INVALID_BSN -> "123456789 (fails the 11-check)";
            }, "", users));
        }
        return page("EHR sandbox", "<p>A stand-in for the hospital EHR (SMART on FHIR). Pick a user and click "
                + "<b>Launch viewer</b>: the EHR launches the DUO Viewer with <code>iss</code> and "
                + "<code>launch</code>, the viewer opens this browser to sign in, and then shows the patient.</p>"
                + "<p>FHIR server: <code>" + esc(sandbox.fhirBase().toString()) + "</code> &middot; client_id "
                + "<code>" + esc(sandbox.clientId()) + "</code> &middot; standalone launch: <code>"
                + esc(sandbox.appLaunchUri(null).toString()) + "</code></p>"
                + "<table><tr><th>Patient</th><th>BSN</th><th>Born</th><th></th></tr>" + rows + "</table>");
    }

    private static String row(String id, String name, String bsn, String born, CharSequence users) {
        return "<tr><td>" + esc(name) + "</td><td>" + esc(bsn) + "</td><td>" + esc(born) + "</td><td>"
                + "<form method=\"get\" action=\"/ehr/launch\"><input type=\"hidden\" name=\"patient\" value=\""
                + esc(id) + "\"><select name=\"practitioner\">" + users + "</select> "
                + "<button type=\"submit\">Launch viewer</button></form></td></tr>";
    }

    private void ehrLaunch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        URI link;
        try {
            link = sandbox.launchEhr(req.getParameter("patient"), req.getParameter("practitioner"));
        } catch (IllegalArgumentException e) {
            html(resp, 400, page("Cannot launch", "<p>" + esc(e.getMessage()) + "</p>"));
            return;
        }
        // handoff=no: only show the link (an EHR whose desktop integration opens it itself)
        boolean handed = !"no".equals(req.getParameter("handoff")) && sandbox.handToApp(link);
        html(resp, 200, page("Viewer launched", "<p>" + (handed
                ? "The EHR handed the launch to the DUO Viewer. It opens a sign-in page in this browser next."
                : "Open this link to launch the viewer:") + "</p><p><a id=\"app-launch\" href=\"" + esc(link.toString())
                + "\">" + esc(link.toString()) + "</a></p><p><a href=\"/\">Back to the patient list</a></p>"));
    }

    private void authorizePage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        counters.authorize();
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 1 ? v[0] : null));
        AuthorizationServer.Pending pending;
        try {
            pending = auth.authorize(params);
        } catch (AuthorizationServer.AuthorizeError e) {
            refuse(resp, params, e);
            return;
        }
        StringBuilder body = new StringBuilder();
        body.append("<p><b>DUO Timeline Viewer</b> (<code>").append(esc(pending.clientId()))
                .append("</code>) asks for access: <code>").append(esc(String.join(" ", pending.scopes())))
                .append("</code></p>");
        body.append("<form method=\"post\" action=\"/auth/authorize\"><input type=\"hidden\" name=\"request\" value=\"")
                .append(esc(pending.id())).append("\">");
        if (pending.launch() != null) {
            body.append("<p>Patient: <b id=\"patient\">").append(esc(directory.displayName(pending.launch().patientId())))
                    .append("</b><br>Signed in as: <b id=\"user\">")
                    .append(esc(directory.clinician(pending.launch().practitionerId()).orElseThrow().name()))
                    .append("</b></p>");
        } else {
            body.append("<p>Patient: <select name=\"patient\">");
            directory.patients().keySet().forEach(id -> body.append("<option value=\"").append(esc(id)).append("\">")
                    .append(esc(directory.displayName(id))).append("</option>"));
            body.append("</select><br>Sign in as: <select name=\"practitioner\">");
            directory.clinicians().forEach(c -> body.append("<option value=\"").append(esc(c.id())).append("\">")
                    .append(esc(c.name())).append("</option>"));
            body.append("</select></p>");
        }
        body.append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
        html(resp, 200, page("Sign in to the EHR", body.toString()));
    }

    private void decide(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        counters.authorize();
        try {
            URI next = auth.decide(req.getParameter("request"), "allow".equals(req.getParameter("decision")),
                    req.getParameter("patient"), req.getParameter("practitioner"));
            resp.setStatus(302);
            resp.setHeader("Location", next.toString());
            resp.setHeader("Cache-Control", "no-store");
        } catch (AuthorizationServer.AuthorizeError e) {
            html(resp, 400, page("Sign-in refused", "<p>" + esc(e.getMessage()) + "</p>"));
        }
    }

    /** RFC 6749 4.1.2.1: errors go back to the client only once its redirect URI is known to be good. */
    private static void refuse(HttpServletResponse resp, Map<String, String> params,
                               AuthorizationServer.AuthorizeError e) throws IOException {
        if (!e.redirect) {
            html(resp, 400, page("Sign-in refused", "<p>" + esc(e.code) + ": " + esc(e.getMessage()) + "</p>"));
            return;
        }
        String state = params.get("state");
        resp.setStatus(302);
        resp.setHeader("Location", params.get("redirect_uri") + "?error=" + AuthorizationServer.encode(e.code)
                + "&error_description=" + AuthorizationServer.encode(e.getMessage())
                + (state == null ? "" : "&state=" + AuthorizationServer.encode(state)));
    }

    private void token(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        counters.token();
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Pragma", "no-cache");
        if (req.getContentType() == null || !req.getContentType().startsWith("application/x-www-form-urlencoded")) {
            json(resp, 400, Map.of("error", "invalid_request", "error_description", "form-encoded body expected"));
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 1 ? v[0] : null));
        try {
            json(resp, 200, auth.token(params));
        } catch (AuthorizationServer.TokenError e) {
            json(resp, e.code.equals("invalid_client") ? 401 : 400,
                    Map.of("error", e.code, "error_description", e.getMessage()));
        }
    }

    private static void json(HttpServletResponse resp, int status, Map<String, ?> body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getOutputStream().write(JSONObjectUtils.toJSONString(new LinkedHashMap<>(body))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void html(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}td,th{padding:.3em .8em;"
                + "text-align:left}tr:nth-child(even){background:#f3f5f8}code{background:#eef}</style></head><body>"
                + "<h1>" + esc(title) + "</h1>" + body + "</body></html>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
