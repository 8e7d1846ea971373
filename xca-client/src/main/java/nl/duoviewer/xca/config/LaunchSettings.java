package nl.duoviewer.xca.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the viewer treats launches from outside (decision record 14), from the deployment's configuration file.
 * IT may give the EHR a token to put into {@code duoviewer://} links; a link that carries it switches an open patient
 * without asking. The file holds only the token's SHA-256, so reading the file does not reveal the token, and the
 * comparison takes the same time whatever the token.
 */
public final class LaunchSettings {

    /** No token configured: every launch that would replace an open patient asks the user. */
    public static final LaunchSettings NONE = new LaunchSettings(null);

    private final byte[] tokenSha256;

    private LaunchSettings(byte[] tokenSha256) {
        this.tokenSha256 = tokenSha256;
    }

    /** Settings accepting the token whose SHA-256 this is (32 bytes). */
    public static LaunchSettings withTokenDigest(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        return new LaunchSettings(sha256.clone());
    }

    /** Settings accepting this token (tests and the configuration helper; the file holds only the digest). */
    public static LaunchSettings withToken(String token) {
        return withTokenDigest(sha256(token));
    }

    /** The hex SHA-256 that {@code duo.launch.tokenSha256} holds for this token. */
    public static String digestHex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    public boolean hasToken() {
        return tokenSha256 != null;
    }

    /** True when a token is configured and this is it; compared in constant time. */
    public boolean accepts(String token) {
        if (tokenSha256 == null || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenSha256, sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hasToken() ? "LaunchSettings[token configured]" : "LaunchSettings[no token]";
    }
}
