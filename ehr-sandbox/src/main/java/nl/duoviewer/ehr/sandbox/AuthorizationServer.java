package nl.duoviewer.ehr.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The sandbox's OAuth 2.0 authorization server for SMART App Launch v2, public clients only: launch contexts, the
 * authorize step (codes bound to the PKCE challenge, the redirect URI, the client, the scopes and the launch
 * context), the token step (S256 verifier check, single-use codes) and access tokens with a lifetime. Knows nothing of
 * HTTP; {@link SandboxServlet} is its web face.
 *
 * <p>Written from RFC 6749, RFC 7636, RFC 8252 and the SMART App Launch 2.x text, independently of the viewer's
 * client, so the tests do not pass because both sides share a mistake.
 */
final class AuthorizationServer {

    /** Scopes the sandbox grants; anything else requested is dropped from the grant. */
    static final Set<String> SUPPORTED_SCOPES = Set.of("launch", "launch/patient", "openid", "fhirUser",
            "profile", "patient/Patient.read", "patient/Patient.rs", "user/Practitioner.read",
            "user/Practitioner.rs", "user/PractitionerRole.read", "user/PractitionerRole.rs");

    /** An EHR launch: the patient open in the EHR and the user signed in, waiting for the app to authorize. */
    record Launch(String id, String patientId, String practitionerId, Instant expires) {
    }

    /** An authorize request shown to the user, waiting for allow or deny. */
    record Pending(String id, String clientId, URI redirectUri, String state, String challenge, Set<String> scopes,
                   String nonce, Launch launch, Instant expires) {
    }

    /** An issued code. */
    private record Code(String clientId, URI redirectUri, String challenge, Set<String> scopes, String nonce,
                        String patientId, String practitionerId, Instant expires) {
    }

    /** An issued access token and what it allows. */
    record Grant(String patientId, String practitionerId, Set<String> scopes, Instant expires) {

        boolean allows(String resourceType, String context) {
            return scopes.contains(context + "/" + resourceType + ".read")
                    || scopes.contains(context + "/" + resourceType + ".rs");
        }
    }

    /** Why an authorize request was refused before or after its redirect URI could be trusted. */
    static final class AuthorizeError extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final boolean redirect;

        AuthorizeError(String code, String description, boolean redirect) {
            super(description);
            this.code = code;
            this.redirect = redirect;
        }
    }

    /** A token request refused with an RFC 6749 error code. */
    static final class TokenError extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        TokenError(String code, String description) {
            super(description);
            this.code = code;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final URI fhirBase;
    private final EhrSandbox.Options options;
    private final SandboxDirectory directory;
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private volatile IdTokenFault idTokenFault = IdTokenFault.NONE;

    AuthorizationServer(URI fhirBase, EhrSandbox.Options options, SandboxDirectory directory, Clock clock) {
        this.fhirBase = fhirBase;
        this.options = options;
        this.directory = directory;
        this.clock = clock;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("sandbox-1").generate();
            this.foreignKey = new RSAKeyGenerator(2048).keyID("sandbox-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the sandbox's signing key", e);
        }
    }

    /** The published key set (public key only). */
    String jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString();
    }

    void setIdTokenFault(IdTokenFault fault) {
        idTokenFault = fault == null ? IdTokenFault.NONE : fault;
    }

    /** Starts an EHR launch for a patient and user; the id is the {@code launch} parameter the app receives. */
    Launch launch(String patientId, String practitionerId) {
        if (!directory.patients().containsKey(patientId)) {
            throw new IllegalArgumentException("no patient " + patientId);
        }
        if (directory.clinician(practitionerId).isEmpty()) {
            throw new IllegalArgumentException("no practitioner " + practitionerId);
        }
        Launch l = new Launch(token(16), patientId, practitionerId, clock.instant().plus(options.launchLifetime()));
        launches.put(l.id(), l);
        return l;
    }

    /**
     * Checks an authorize request. Errors found before the client and redirect URI are known to be good are shown to
     * the user (never sent to an unchecked redirect URI); later ones go back to the client.
     */
    Pending authorize(Map<String, String> p) throws AuthorizeError {
        String clientId = p.get("client_id");
        if (!options.clientId().equals(clientId)) {
            throw new AuthorizeError("unauthorized_client", "unknown client_id", false);
        }
        URI redirect = loopbackRedirect(p.get("redirect_uri"));
        if (!"code".equals(p.get("response_type"))) {
            throw new AuthorizeError("unsupported_response_type", "response_type must be code", true);
        }
        String challenge = p.get("code_challenge");
        if (!"S256".equals(p.get("code_challenge_method")) || challenge == null
                || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            throw new AuthorizeError("invalid_request", "PKCE with S256 is required", true);
        }
        if (!fhirBase.toString().equals(p.get("aud"))) {
            throw new AuthorizeError("invalid_request", "aud must name this FHIR server", true);
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(p.getOrDefault("scope", "").trim().split("\\s+")));
        scopes.retainAll(SUPPORTED_SCOPES);
        Launch launch = null;
        String launchId = p.get("launch");
        if (launchId != null) {
            launch = launches.get(launchId);
            if (launch == null || launch.expires().isBefore(clock.instant()) || !scopes.contains("launch")) {
                throw new AuthorizeError("invalid_request", "unknown or expired launch", true);
            }
        } else if (!scopes.contains("launch/patient")) {
            throw new AuthorizeError("invalid_scope", "a standalone launch needs launch/patient", true);
        }
        Pending req = new Pending(token(16), clientId, redirect, p.get("state"), challenge, Set.copyOf(scopes),
                p.get("nonce"), launch, clock.instant().plus(Duration.ofMinutes(10)));
        pending.put(req.id(), req);
        return req;
    }

    Optional<Pending> pending(String id) {
        Pending req = id == null ? null : pending.get(id);
        return req == null || req.expires().isBefore(clock.instant()) ? Optional.empty() : Optional.of(req);
    }

    /**
     * The user's decision on a pending request; returns where the browser goes next (the client's redirect URI with
     * a code, or with {@code error=access_denied}).
     */
    URI decide(String requestId, boolean allow, String patientId, String practitionerId) throws AuthorizeError {
        Pending req = pending.remove(requestId == null ? "" : requestId);
        if (req == null || req.expires().isBefore(clock.instant())) {
            throw new AuthorizeError("invalid_request", "this sign-in request is no longer valid", false);
        }
        if (!allow) {
            return redirect(req.redirectUri(), Map.of("error", "access_denied",
                    "error_description", "The user denied access"), req.state());
        }
        String patient = req.launch() != null ? req.launch().patientId() : patientId;
        String practitioner = req.launch() != null ? req.launch().practitionerId() : practitionerId;
        if (patient == null || !directory.patients().containsKey(patient)
                || practitioner == null || directory.clinician(practitioner).isEmpty()) {
            throw new AuthorizeError("invalid_request", "choose a patient and a user", false);
        }
        if (req.launch() != null) {
            launches.remove(req.launch().id()); // one app session per launch
        }
        String code = token(32);
        codes.put(code, new Code(req.clientId(), req.redirectUri(), req.challenge(), req.scopes(), req.nonce(),
                patient, practitioner, clock.instant().plus(options.codeLifetime())));
        return redirect(req.redirectUri(), Map.of("code", code), req.state());
    }

    /** The token endpoint: exchanges a code for an access token (and an ID token when {@code openid} was granted). */
    Map<String, Object> token(Map<String, String> p) throws TokenError {
        if (!"authorization_code".equals(p.get("grant_type"))) {
            throw new TokenError("unsupported_grant_type", "only authorization_code");
        }
        Code code = codes.remove(p.getOrDefault("code", ""));
        if (code == null || code.expires().isBefore(clock.instant())) {
            throw new TokenError("invalid_grant", "unknown, used or expired code");
        }
        if (!code.clientId().equals(p.get("client_id"))) {
            throw new TokenError("invalid_client", "the code was issued to another client");
        }
        if (!code.redirectUri().toString().equals(p.get("redirect_uri"))) {
            throw new TokenError("invalid_grant", "redirect_uri differs from the authorize request");
        }
        String verifier = p.get("code_verifier");
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
                || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        code.challenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new TokenError("invalid_grant", "code_verifier does not match the code_challenge");
        }
        Instant now = clock.instant();
        Duration lifetime = options.accessTokenLifetime();
        String accessToken = token(32);
        grants.put(accessToken, new Grant(code.patientId(), code.practitionerId(), code.scopes(), now.plus(lifetime)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        // whole seconds, rounded up: a lifetime shorter than a second is still announced as one
        answer.put("expires_in", (lifetime.toMillis() + 999) / 1000);
        answer.put("scope", String.join(" ", code.scopes()));
        if (code.scopes().contains("launch") || code.scopes().contains("launch/patient")) {
            answer.put("patient", code.patientId());
            answer.put("need_patient_banner", true);
        }
        if (code.scopes().contains("openid")) {
            answer.put("id_token", idToken(code, now));
        }
        return answer;
    }

    /** The grant of an access token; empty when unknown. Expiry is the caller's check (it answers differently). */
    Optional<Grant> grant(String accessToken) {
        return Optional.ofNullable(accessToken == null ? null : grants.get(accessToken));
    }

    boolean expired(Grant g) {
        return !g.expires().isAfter(clock.instant());
    }

    /** The access tokens issued so far (the server's own record; tests check none reaches a log). */
    Set<String> issuedAccessTokens() {
        return Set.copyOf(grants.keySet());
    }

    private String idToken(Code code, Instant now) {
        IdTokenFault fault = idTokenFault;
        Clinician user = directory.clinician(code.practitionerId()).orElseThrow();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(fhirBase.toString())
                .subject(user.id())
                .audience(fault == IdTokenFault.WRONG_AUDIENCE ? "another-app" : code.clientId())
                .issueTime(Date.from(fault == IdTokenFault.EXPIRED ? now.minus(Duration.ofHours(2)) : now))
                .expirationTime(Date.from(fault == IdTokenFault.EXPIRED ? now.minus(Duration.ofHours(1))
                        : now.plus(options.idTokenLifetime())))
                .claim("name", user.name());
        if (code.scopes().contains("fhirUser")) {
            claims.claim("fhirUser", fhirBase + "/Practitioner/" + user.id());
        }
        if (code.nonce() != null) {
            claims.claim("nonce", code.nonce());
        }
        RSAKey key = fault == IdTokenFault.FOREIGN_KEY ? foreignKey : signingKey;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the ID token", e);
        }
    }

    /** RFC 8252 7.3: a loopback redirect on any port; this sandbox accepts nothing else. */
    private static URI loopbackRedirect(String value) throws AuthorizeError {
        try {
            URI uri = new URI(value == null ? "" : value);
            String host = uri.getHost();
            if ("http".equals(uri.getScheme()) && ("127.0.0.1".equals(host) || "[::1]".equals(host))
                    && uri.getPort() > 0 && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && "/callback".equals(uri.getPath())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new AuthorizeError("invalid_request", "redirect_uri must be http://127.0.0.1:<port>/callback", false);
    }

    private static URI redirect(URI base, Map<String, String> params, String state) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(encode(v)));
        if (state != null) {
            q.append("&state=").append(encode(state));
        }
        return URI.create(base + "?" + q);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Scope list for the smart-configuration document. */
    static List<String> supportedScopes() {
        return SUPPORTED_SCOPES.stream().sorted().toList();
    }
}
