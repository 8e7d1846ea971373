package nl.duoviewer.xca.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.security.pkcs11.Pkcs11Token;

/**
 * The organisation's key and certificate chain (its UZI server certificate): the TLS client certificate on every
 * connection and the key that signs the SAML assertions. Loaded from a PKCS#12 file or a PKCS#11 token.
 *
 * @param privateKey  the key (on a token it never leaves it)
 * @param certificate the matching certificate, sent in KeyInfo and in the TLS handshake
 * @param chain       the certificate first, then its issuers as far as the keystore holds them
 */
public record OrganisationCredentials(PrivateKey privateKey, X509Certificate certificate,
                                      List<X509Certificate> chain) {

    /** How often a wrong password may be typed before the key stays locked. */
    public static final int PROMPT_ATTEMPTS = 3;

    public OrganisationCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.getFirst().equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate");
        }
    }

    public OrganisationCredentials(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, List.of(certificate));
    }

    /** Credentials and the token session they live on (to be closed when the client closes). */
    public record Unlocked(OrganisationCredentials credentials, Optional<Pkcs11Token> token) implements AutoCloseable {
        @Override
        public void close() {
            token.ifPresent(Pkcs11Token::close);
        }
    }

    /**
     * Loads a key whose password is held in memory or named by an environment variable; errors name the keystore and
     * alias, never the password.
     *
     * @throws ConfigException when the key cannot be opened
     */
    public static OrganisationCredentials load(KeystoreSettings settings) {
        try {
            Unlocked u = unlock(settings, SecretResolver.environmentOnly());
            if (u.token().isPresent()) {
                throw new ConfigException("Keystore " + settings.describe() + " is a token; keep it open with unlock");
            }
            return u.credentials();
        } catch (CredentialsException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * Unlocks the key, asking the user for the password or PIN when the configuration says so (again after a wrong
     * one, at most {@link #PROMPT_ATTEMPTS} times).
     *
     * @throws ConfigException      when the keystore is missing or does not hold the alias
     * @throws CredentialsException when the user cancelled, or the password or token refused
     */
    public static Unlocked unlock(KeystoreSettings settings, SecretResolver secrets) throws CredentialsException {
        SecretRequest request = new SecretRequest(settings.onToken() ? SecretRequest.Kind.TOKEN_PIN
                : SecretRequest.Kind.KEYSTORE_PASSWORD, settings.onToken() ? settings.pkcs11().library().toString()
                : settings.path().getFileName().toString(), null);
        boolean asking = SecretResolver.asksUser(settings.password());
        for (int attempt = 1; ; attempt++) {
            char[] password = secrets.resolve(settings.password(), "duo.keystore.password", request)
                    .orElseThrow(() -> new CredentialsException(CredentialsException.Reason.CANCELLED,
                            "the password of " + settings.describe() + " was not given"));
            try {
                return settings.onToken() ? fromToken(settings, password) : fromFile(settings, password);
            } catch (CredentialsException e) {
                if (!asking || e.reason() != CredentialsException.Reason.WRONG_PASSWORD
                        || attempt >= PROMPT_ATTEMPTS) {
                    throw e;
                }
                request = request.retry();
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static Unlocked fromFile(KeystoreSettings settings, char[] password) throws CredentialsException {
        try (InputStream in = Files.newInputStream(settings.path())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return new Unlocked(entry(ks, settings, password), Optional.empty());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .contains("password")) {
                throw new CredentialsException(CredentialsException.Reason.WRONG_PASSWORD,
                        "Keystore " + settings.path() + ": the password is wrong");
            }
            throw new ConfigException("Cannot open keystore " + settings.path() + " (alias '" + settings.alias()
                    + "'): " + e.getMessage(), e);
        } catch (UnrecoverableKeyException e) {
            throw new CredentialsException(CredentialsException.Reason.WRONG_PASSWORD,
                    "Keystore " + settings.path() + ": the key password is wrong");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot open keystore " + settings.path() + " (alias '" + settings.alias()
                    + "'): " + e.getMessage(), e);
        }
    }

    private static Unlocked fromToken(KeystoreSettings settings, char[] pin) throws CredentialsException {
        Pkcs11Token token;
        try {
            token = Pkcs11Token.login(settings.pkcs11(), pin.clone(), true);
        } catch (Pkcs11Token.TokenException e) {
            throw new CredentialsException(switch (e.failure()) {
                case WRONG_PIN -> CredentialsException.Reason.WRONG_PASSWORD;
                case PIN_LOCKED -> CredentialsException.Reason.TOKEN_LOCKED;
                case LIBRARY_MISSING, NO_TOKEN, OTHER -> CredentialsException.Reason.TOKEN_MISSING;
            }, e.getMessage());
        }
        try {
            return new Unlocked(entry(token.keyStore(), settings, null), Optional.of(token));
        } catch (GeneralSecurityException | RuntimeException e) {
            token.close();
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException("Cannot use the key '" + settings.alias() + "' on " + settings.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    private static OrganisationCredentials entry(KeyStore ks, KeystoreSettings settings, char[] password)
            throws GeneralSecurityException {
        if (!(ks.getKey(settings.alias(), password) instanceof PrivateKey key)) {
            throw new ConfigException("Keystore " + settings.describe() + " holds no private key under alias '"
                    + settings.alias() + "'");
        }
        Certificate[] chain = ks.getCertificateChain(settings.alias());
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
            if (ks.getCertificate(settings.alias()) instanceof X509Certificate single) {
                return new OrganisationCredentials(key, single);
            }
            throw new ConfigException("Keystore " + settings.describe() + " holds no certificate under alias '"
                    + settings.alias() + "'");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : chain) {
            certs.add((X509Certificate) c);
        }
        return new OrganisationCredentials(key, cert, certs);
    }
}
