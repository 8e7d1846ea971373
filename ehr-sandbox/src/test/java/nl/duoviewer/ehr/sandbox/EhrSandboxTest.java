package nl.duoviewer.ehr.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.duoviewer.network.catalogue.CatalogueGenerator;

/**
 * The sandbox as an EHR must behave, driven by hand over HTTP (not by the viewer's client): discovery, PKCE bound
 * codes that work once, scopes that open the launch's patient and nothing else, tokens that expire.
 */
class EhrSandboxTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk0123";
    private static EhrSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        sandbox = EhrSandbox.start(EhrSandbox.Options.demo(CatalogueGenerator.demo()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void publishesItsSmartConfigurationBesideTheFhirBase() throws Exception {
        Map<String, Object> config = JSONObjectUtils.parse(get(sandbox.fhirBase() + "/.well-known/smart-configuration")
                .body());
        assertEquals(sandbox.base() + "auth/authorize", config.get("authorization_endpoint"));
        assertEquals(java.util.List.of("S256"), config.get("code_challenge_methods_supported"));
        assertTrue(((java.util.List<?>) config.get("capabilities")).contains("launch-ehr"));
        assertTrue(get(sandbox.base() + "auth/jwks").body().contains("\"kty\":\"RSA\""));
        assertFalse(get(sandbox.base() + "auth/jwks").body().contains("\"d\""), "the private key stays private");
    }

    @Test
    void aCodeIsBoundToItsVerifierAndWorksOnce() throws Exception {
        String code = authorize("999999011");
        HttpResponse<String> wrong = token(code, "x".repeat(43));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("invalid_grant"), wrong.body());

        String again = authorize("999999011");
        HttpResponse<String> ok = token(again, VERIFIER);
        assertEquals(200, ok.statusCode(), ok.body());
        Map<String, Object> answer = JSONObjectUtils.parse(ok.body());
        assertEquals(sandbox.patientId(CatalogueGenerator.SHOWCASE_PATIENT), answer.get("patient"));
        assertEquals("Bearer", answer.get("token_type"));
        assertTrue(ok.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals(400, token(again, VERIFIER).statusCode(), "a code is single-use");

        String accessToken = (String) answer.get("access_token");
        String own = sandbox.fhirBase() + "/Patient/" + answer.get("patient");
        HttpResponse<String> read = fhir(own, accessToken);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(fhir(own, accessToken).body().contains("http://fhir.nl/fhir/NamingSystem/bsn"));
        assertEquals(403, fhir(sandbox.fhirBase() + "/Patient/pat-2", accessToken).statusCode(),
                "the token opens the launch's patient only");
        assertEquals(403, fhir(sandbox.fhirBase() + "/Practitioner/" + Clinician.RADIOLOGIST.id(), accessToken)
                .statusCode(), "no user/ scope was asked");
        HttpResponse<String> none = fhir(own, "not-a-token");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void aRedirectUriThatIsNotLoopbackIsNeverRedirectedTo() throws Exception {
        URI launch = sandbox.launchEhr(CatalogueGenerator.SHOWCASE_PATIENT, Clinician.RADIOLOGIST);
        HttpResponse<String> page = get(authorizeUrl(launchId(launch), "https://evil.example/callback"));
        assertEquals(400, page.statusCode());
        assertTrue(page.headers().firstValue("Location").isEmpty());
    }

    @Test
    void expiredTokensAreRefusedWithA401() throws Exception {
        try (EhrSandbox shortLived = EhrSandbox.start(EhrSandbox.Options.demo(CatalogueGenerator.demo())
                .withAccessTokenLifetime(Duration.ofMillis(1)))) {
            EhrSandbox saved = sandbox;
            sandbox = shortLived;
            try {
                Map<String, Object> answer = JSONObjectUtils.parse(token(authorize("999999011"), VERIFIER).body());
                assertEquals(1L, ((Number) answer.get("expires_in")).longValue(), "announced in whole seconds");
                Thread.sleep(5);
                HttpResponse<String> read = fhir(sandbox.fhirBase() + "/Patient/" + answer.get("patient"),
                        (String) answer.get("access_token"));
                assertEquals(401, read.statusCode());
                assertTrue(read.headers().firstValue("WWW-Authenticate").orElse("").contains("expired"));
            } finally {
                sandbox = saved;
            }
        }
    }

    /** Runs the authorize step for a catalogue patient like a browser and returns the code. */
    private String authorize(String bsn) throws Exception {
        URI launch = sandbox.launchEhr(nl.duoviewer.core.patient.Bsn.parse(bsn), Clinician.RADIOLOGIST);
        HttpResponse<String> page = get(authorizeUrl(launchId(launch), "http://127.0.0.1:9/callback"));
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find());
        HttpResponse<String> decided = http.send(HttpRequest.newBuilder(sandbox.base().resolve("/auth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request=" + m.group(1) + "&decision=allow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, decided.statusCode());
        String location = decided.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("http://127.0.0.1:9/callback?code="), location);
        assertTrue(location.endsWith("&state=s1"), location);
        return location.replaceAll(".*code=([^&]+).*", "$1");
    }

    private String authorizeUrl(String launchId, String redirect) {
        String challenge = AuthorizationServer.s256(VERIFIER);
        return sandbox.base() + "auth/authorize?response_type=code&client_id=duoviewer&redirect_uri="
                + enc(redirect) + "&scope=" + enc("launch openid fhirUser patient/Patient.read") + "&state=s1&aud="
                + enc(sandbox.fhirBase().toString()) + "&launch=" + enc(launchId) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    private HttpResponse<String> token(String code, String verifier) throws Exception {
        return http.send(HttpRequest.newBuilder(sandbox.base().resolve("/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code)
                        + "&redirect_uri=" + enc("http://127.0.0.1:9/callback") + "&client_id=duoviewer"
                        + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> fhir(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String launchId(URI appLaunch) {
        return java.net.URLDecoder.decode(appLaunch.getRawQuery().replaceAll(".*launch=([^&]+).*", "$1"),
                StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
