package nl.duoviewer.launch.smart;

import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.CANCELLED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.DISCOVERY_FAILED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.INSECURE_ENDPOINT;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.PKCE_NOT_SUPPORTED;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The EHR's {@code .well-known/smart-configuration} (SMART App Launch 2.x, section "Conformance"): where to send the
 * user, where to exchange the code, the ID token issuer and its keys. Refused when an endpoint is not https (http is
 * allowed on loopback only) or when PKCE with S256 is not offered.
 */
record SmartConfiguration(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

    static final int MAX_BYTES = 64 * 1024;

    static SmartConfiguration discover(HttpClient http, URI iss) throws SmartLaunchException {
        URI url = URI.create(iss + "/.well-known/smart-configuration");
        requireSecure(url);
        Map<String, Object> json;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(SmartLaunchClient
                    .HTTP_TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SmartLaunchException(DISCOVERY_FAILED, url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new SmartLaunchException(DISCOVERY_FAILED, url + " is larger than " + MAX_BYTES + " bytes");
            }
            json = JSONObjectUtils.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | java.text.ParseException e) {
            throw new SmartLaunchException(DISCOVERY_FAILED, url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartLaunchException(CANCELLED, "cancelled during discovery");
        }
        URI authorize = endpoint(json, "authorization_endpoint", true);
        URI token = endpoint(json, "token_endpoint", true);
        URI jwks = endpoint(json, "jwks_uri", false);
        URI issuer = endpoint(json, "issuer", false);
        Object methods = json.get("code_challenge_methods_supported");
        if (!(methods instanceof List<?> list) || !list.contains("S256")) {
            throw new SmartLaunchException(PKCE_NOT_SUPPORTED, "code_challenge_methods_supported lacks S256");
        }
        return new SmartConfiguration(issuer == null ? iss : issuer, authorize, token, jwks);
    }

    private static URI endpoint(Map<String, Object> json, String key, boolean required) throws SmartLaunchException {
        Object value = json.get(key);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new SmartLaunchException(DISCOVERY_FAILED, "smart-configuration lacks " + key);
        }
        URI uri;
        try {
            uri = URI.create(s.strip());
        } catch (IllegalArgumentException e) {
            throw new SmartLaunchException(DISCOVERY_FAILED, key + " is not a URL");
        }
        requireSecure(uri);
        return uri;
    }

    static void requireSecure(URI uri) throws SmartLaunchException {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new SmartLaunchException(DISCOVERY_FAILED, "not an absolute URL: " + uri);
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && SmartSettings.isLoopback(uri))) {
            throw new SmartLaunchException(INSECURE_ENDPOINT, uri.getScheme() + " endpoint " + uri.getHost());
        }
    }
}
