package nl.duoviewer.launch.smart;

import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.CANCELLED;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.ID_TOKEN_INVALID;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenClaimsVerifier;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * ID token validation with the Nimbus OpenID Connect SDK: when the EHR publishes a JWKS, the RS256 signature, issuer,
 * audience, expiry (60 s clock skew) and nonce; without one, the same claims (an unsigned-for-us token then carries no
 * more weight than the TLS connection it came over). Yields the signed-in user from {@code fhirUser}.
 */
final class IdTokens {

    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private IdTokens() {
    }

    static EhrUser validate(HttpClient http, SmartConfiguration config, String clientId, JWT idToken, Nonce nonce)
            throws SmartLaunchException {
        Issuer issuer = new Issuer(config.issuer().toString());
        ClientID client = new ClientID(clientId);
        JWTClaimsSet claims;
        try {
            if (config.jwksUri() != null && idToken instanceof SignedJWT) {
                IDTokenValidator validator = new IDTokenValidator(issuer, client, JWSAlgorithm.RS256,
                        jwks(http, config.jwksUri()));
                IDTokenClaimsSet verified = validator.validate(idToken, nonce);
                claims = verified.toJWTClaimsSet();
            } else {
                claims = idToken.getJWTClaimsSet();
                new IDTokenClaimsVerifier(issuer, client, nonce, 60).verify(claims, null);
            }
        } catch (BadJOSEException | JOSEException | java.text.ParseException
                 | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SmartLaunchException(ID_TOKEN_INVALID, e.getMessage());
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new SmartLaunchException(ID_TOKEN_INVALID, "no exp");
        }
        Object fhirUser = claims.getClaim("fhirUser");
        if (!(fhirUser instanceof String s) || s.isBlank()) {
            return null;
        }
        URI user = URI.create(s.strip());
        if (!user.isAbsolute()) {
            user = URI.create(config.issuer() + "/").resolve(user); // SMART allows a relative fhirUser
        }
        Object name = claims.getClaim("name");
        return new EhrUser(user, name instanceof String n ? n : null);
    }

    private static JWKSet jwks(HttpClient http, URI uri) throws SmartLaunchException {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(SmartLaunchClient.HTTP_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > MAX_JWKS_BYTES) {
                throw new SmartLaunchException(ID_TOKEN_INVALID, "the JWKS could not be read (HTTP "
                        + r.statusCode() + ")");
            }
            return JWKSet.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | java.text.ParseException e) {
            throw new SmartLaunchException(ID_TOKEN_INVALID, "the JWKS could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartLaunchException(CANCELLED, "cancelled while reading the JWKS");
        }
    }
}
