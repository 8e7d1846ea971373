package nl.duoviewer.launch.smart;

import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ACCESS_FORBIDDEN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ACCESS_TOKEN_REJECTED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.AUTHORIZATION_DENIED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.AUTHORIZATION_FAILED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.AUTHORIZATION_TIMED_OUT;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.BROWSER_UNAVAILABLE;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.CANCELLED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.EHR_USER_UNUSABLE;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.FHIR_READ_FAILED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ID_TOKEN_INVALID;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ISSUER_NOT_TRUSTED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.NO_PATIENT_IN_CONTEXT;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.STATE_MISMATCH;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.TOKEN_EXPIRED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.TOKEN_REQUEST_FAILED;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;

/**
 * SMART App Launch v2 for a native app: EHR launch ({@code iss} + {@code launch}) and standalone launch ({@code iss}
 * only). Discovery of {@code .well-known/smart-configuration}; authorization code with PKCE (S256) through the system
 * browser and a loopback redirect (RFC 8252); code exchange as a public client; ID token validation (signature
 * against the published JWKS, issuer, audience, expiry, nonce); the Patient read with the HAPI FHIR client and a
 * bearer token; the BSN and demographics from it; the user from {@code fhirUser}.
 *
 * <p>Blocking: call it off the UI thread. Interrupting the calling thread cancels the launch. The access token lives
 * in local variables of one call and is never logged or returned.
 */
public final class SmartLaunchClient {

    private static final System.Logger LOG = System.getLogger(SmartLaunchClient.class.getName());
    /**
     * Apache HttpClient (under the HAPI client) logs every request header, the bearer token included, at DEBUG on
     * these loggers. They are switched off for good, whatever the logging configuration says; held here so that the
     * level outlives garbage collection of the loggers.
     */
    private static final List<java.util.logging.Logger> HEADER_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("org.apache.http.headers"),
            java.util.logging.Logger.getLogger("org.apache.http.wire"));
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);

    private final SmartSettings settings;
    private final Browser browser;
    private final HttpClient http;

    /** One FHIR context per JVM, made on the first launch: building one takes a good part of a second. */
    private static final class Fhir {
        static final FhirContext CONTEXT = FhirContext.forR4();

        static {
            CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
            CONTEXT.getRestfulClientFactory().setConnectTimeout((int) HTTP_TIMEOUT.toMillis());
            CONTEXT.getRestfulClientFactory().setSocketTimeout((int) HTTP_TIMEOUT.toMillis());
        }
    }

    public SmartLaunchClient(SmartSettings settings, Browser browser) {
        HEADER_LOGGERS.forEach(l -> l.setLevel(java.util.logging.Level.OFF));
        this.settings = Objects.requireNonNull(settings);
        this.browser = Objects.requireNonNull(browser);
        this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public SmartSettings settings() {
        return settings;
    }

    /** The scopes asked: what the viewer needs, plus the user directory when the EHR vouches for the requester. */
    Scope scopes(SmartLaunchRequest request) {
        Scope s = new Scope("openid", "fhirUser", "patient/Patient.read");
        s.add(request instanceof SmartLaunchRequest.EhrLaunch ? "launch" : "launch/patient");
        if (settings.trustEhrIdentity()) {
            s.add("user/Practitioner.read");
            s.add("user/PractitionerRole.read");
        }
        return s;
    }

    /**
     * Runs the launch to its end: the user signs in in the browser, then the patient is read.
     *
     * @throws SmartLaunchException with the reason the user is told
     */
    public SmartLaunchResult launch(SmartLaunchRequest request) throws SmartLaunchException {
        URI iss = SmartSettings.normalise(request.iss());
        if (!settings.trusts(iss)) {
            throw new SmartLaunchException(ISSUER_NOT_TRUSTED, "launch from " + iss + " is not accepted here");
        }
        SmartConfiguration config = SmartConfiguration.discover(http, iss);
        ClientID client = new ClientID(settings.clientId());
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        URI callback;
        try (LoopbackRedirect redirect = new LoopbackRedirect()) {
            AuthenticationRequest.Builder authorize = new AuthenticationRequest.Builder(ResponseType.CODE,
                    scopes(request), client, redirect.redirectUri())
                    .endpointURI(config.authorizationEndpoint())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .customParameter("aud", iss.toString());
            if (request instanceof SmartLaunchRequest.EhrLaunch ehr) {
                authorize.customParameter("launch", ehr.launch());
            }
            try {
                browser.open(authorize.build().toURI());
            } catch (IOException e) {
                throw new SmartLaunchException(BROWSER_UNAVAILABLE, String.valueOf(e.getMessage()), e);
            }
            try {
                callback = redirect.await(settings.authorizationTimeout());
            } catch (TimeoutException e) {
                throw new SmartLaunchException(AUTHORIZATION_TIMED_OUT, "no answer within "
                        + settings.authorizationTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmartLaunchException(CANCELLED, "cancelled while the user signed in");
            }
        } catch (IOException e) {
            throw new SmartLaunchException(BROWSER_UNAVAILABLE, "no loopback listener: " + e.getMessage(), e);
        }
        AuthorizationCode code = authorizationCode(callback, state);
        Tokens tokens = exchange(config, client, code, URI.create(callback.getScheme() + "://"
                + callback.getRawAuthority() + callback.getRawPath()), verifier, nonce);
        if (Thread.currentThread().isInterrupted()) {
            throw new SmartLaunchException(CANCELLED, "cancelled after sign-in");
        }
        IGenericClient fhirClient = Fhir.CONTEXT.newRestfulGenericClient(iss.toString());
        fhirClient.registerInterceptor(new BearerTokenAuthInterceptor(tokens.accessToken().getValue()));
        Patient patient = read(fhirClient, Patient.class, tokens.patientId());
        LaunchedPatient launched = FhirRecords.patient(patient, tokens.patientId());
        Optional<EhrRequester> requester = Optional.empty();
        if (settings.trustEhrIdentity()) {
            EhrUser user = tokens.user().orElseThrow(() -> new SmartLaunchException(EHR_USER_UNUSABLE,
                    "the ID token names no fhirUser"));
            requester = Optional.of(FhirRecords.requester(user, iss, fhirClient, this));
        }
        return new SmartLaunchResult(iss, launched, tokens.user(), requester);
    }

    /** Checks the redirect's state first (an answer for another sign-in is refused whatever it says), then its code. */
    private static AuthorizationCode authorizationCode(URI callback, State expected) throws SmartLaunchException {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        } catch (ParseException e) {
            throw new SmartLaunchException(AUTHORIZATION_FAILED, "unreadable redirect: " + e.getMessage());
        }
        if (!expected.equals(response.getState())) {
            throw new SmartLaunchException(STATE_MISMATCH, "the redirect's state is not this launch's");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthorizationErrorResponse) response).getErrorObject();
            throw new SmartLaunchException(OAuth2Error.ACCESS_DENIED.getCode().equals(error.getCode())
                    ? AUTHORIZATION_DENIED : AUTHORIZATION_FAILED, "EHR answered " + error.getCode());
        }
        return response.toSuccessResponse().getAuthorizationCode();
    }

    /** The token response, kept to this call. */
    private record Tokens(AccessToken accessToken, String patientId, Optional<EhrUser> user) {
    }

    private Tokens exchange(SmartConfiguration config, ClientID client, AuthorizationCode code, URI redirectUri,
                            CodeVerifier verifier, Nonce nonce) throws SmartLaunchException {
        TokenResponse response;
        try {
            HTTPRequest request = new TokenRequest.Builder(config.tokenEndpoint(), client,
                    new AuthorizationCodeGrant(code, redirectUri, verifier)).build().toHTTPRequest();
            request.setConnectTimeout((int) HTTP_TIMEOUT.toMillis());
            request.setReadTimeout((int) HTTP_TIMEOUT.toMillis());
            response = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException e) {
            throw new SmartLaunchException(TOKEN_REQUEST_FAILED, "token endpoint unreachable: " + e.getMessage(), e);
        } catch (ParseException e) {
            // the message could quote the response, which holds the token: keep it out of the detail
            throw new SmartLaunchException(TOKEN_REQUEST_FAILED, "the token response is not valid");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
            throw new SmartLaunchException(TOKEN_REQUEST_FAILED, "token endpoint answered "
                    + (error == null ? "an error" : error.getCode() + " (HTTP " + error.getHTTPStatusCode() + ")"));
        }
        OIDCTokenResponse tokens = response instanceof OIDCTokenResponse o ? o : null;
        AccessToken access = response.toSuccessResponse().getTokens().getAccessToken();
        Object lifetime = response.toSuccessResponse().toJSONObject().get("expires_in");
        if (lifetime instanceof Number n && n.longValue() <= 0) {
            throw new SmartLaunchException(TOKEN_EXPIRED, "the access token came with no lifetime left");
        }
        Object patient = response.toSuccessResponse().getCustomParameters().get("patient");
        if (!(patient instanceof String id) || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new SmartLaunchException(NO_PATIENT_IN_CONTEXT, "the token response names no patient");
        }
        JWT idToken = tokens == null ? null : tokens.getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new SmartLaunchException(ID_TOKEN_INVALID, "no ID token although openid was asked");
        }
        EhrUser user = IdTokens.validate(http, config, settings.clientId(), idToken, nonce);
        return new Tokens(access, id, Optional.ofNullable(user));
    }

    /** A read on the EHR's FHIR server, with its failures typed. */
    <T extends IBaseResource> T read(IGenericClient client, Class<T> type, String id) throws SmartLaunchException {
        try {
            return client.read().resource(type).withId(id).execute();
        } catch (AuthenticationException e) {
            throw new SmartLaunchException(ACCESS_TOKEN_REJECTED, type.getSimpleName() + " read: HTTP 401");
        } catch (ForbiddenOperationException e) {
            throw new SmartLaunchException(ACCESS_FORBIDDEN, type.getSimpleName() + " read: HTTP 403");
        } catch (FhirClientConnectionException e) {
            throw new SmartLaunchException(FHIR_READ_FAILED, type.getSimpleName() + " read: " + e.getMessage(), e);
        } catch (BaseServerResponseException e) {
            throw new SmartLaunchException(FHIR_READ_FAILED, type.getSimpleName() + " read: HTTP "
                    + e.getStatusCode());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "FHIR read failed", e);
            throw new SmartLaunchException(FHIR_READ_FAILED, type.getSimpleName() + " read: " + e.getClass()
                    .getSimpleName());
        }
    }
}
