package nl.duoviewer.xca.security.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

import nl.duoviewer.xca.config.Pkcs11Settings;

/**
 * A logged-in session on a PKCS#11 token (a UZI-pas in its reader, an HSM) through the JDK's SunPKCS11 provider. The
 * PIN is used for the login and not kept. Close to log out.
 */
public final class Pkcs11Token implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** Why a token could not be opened. */
    public enum Failure {
        /** The PKCS#11 module is not where the configuration says, or cannot be loaded. */
        LIBRARY_MISSING,
        /** No token in the slot (no card in the reader, no reader). */
        NO_TOKEN,
        /** The PIN was refused. */
        WRONG_PIN,
        /** The PIN is blocked. */
        PIN_LOCKED,
        /** Anything else the module reported. */
        OTHER
    }

    /** A token that could not be opened, with the typed reason. */
    public static final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        TokenException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final Provider provider;
    private final KeyStore keyStore;
    private final boolean registered;

    private Pkcs11Token(Provider provider, KeyStore keyStore, boolean registered) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.registered = registered;
    }

    /**
     * Loads the module, opens the slot and logs in with the PIN; the PIN array is cleared.
     *
     * @param register also make the provider available to the JDK's TLS and XML signature code, which find a
     *                 provider for a key by asking every registered one (an organisation key on an HSM needs this)
     */
    public static Pkcs11Token login(Pkcs11Settings settings, char[] pin, boolean register) throws TokenException {
        try {
            if (!Files.isRegularFile(settings.library())) {
                throw new TokenException(Failure.LIBRARY_MISSING, "PKCS#11 module not found: " + settings.library(),
                        null);
            }
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new TokenException(Failure.LIBRARY_MISSING, "this Java runtime has no SunPKCS11 provider", null);
            }
            Provider p;
            try {
                p = base.configure(settings.sunPkcs11Config("duoviewer-" + INSTANCES.incrementAndGet()));
            } catch (ProviderException | IllegalArgumentException e) {
                throw classify(e, settings);
            }
            KeyStore ks;
            try {
                // PKCS#11 keeps a token logged in for the whole process: without this, a second sign-in to a card
                // that is still logged in would take any PIN
                if (p instanceof AuthProvider a) {
                    a.logout();
                }
                ks = KeyStore.getInstance("PKCS11", p);
                ks.load(null, pin);
            } catch (IOException | KeyStoreException | NoSuchAlgorithmException | CertificateException
                     | ProviderException | LoginException e) {
                throw classify(e, settings);
            }
            boolean registered = register && Security.addProvider(p) != -1;
            return new Pkcs11Token(p, ks, registered);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private static TokenException classify(Exception e, Pkcs11Settings settings) {
        String all = messages(e);
        Failure f;
        if (all.contains("CKR_PIN_INCORRECT") || hasCause(e, FailedLoginException.class)) {
            f = Failure.WRONG_PIN;
        } else if (all.contains("CKR_PIN_LOCKED") || all.contains("CKR_PIN_EXPIRED")) {
            f = Failure.PIN_LOCKED;
        } else if (all.contains("CKR_TOKEN_NOT_PRESENT") || all.contains("CKR_SLOT_ID_INVALID")
                || all.contains("slot") && (all.contains("invalid") || all.contains("not present")
                || all.contains("No slot") || all.contains("index"))) {
            f = Failure.NO_TOKEN;
        } else if (all.contains("Failed to load") || all.contains("cannot open") || all.contains("library")) {
            f = Failure.LIBRARY_MISSING;
        } else if (hasCause(e, LoginException.class)) {
            f = Failure.WRONG_PIN;
        } else {
            f = Failure.OTHER;
        }
        return new TokenException(f, "PKCS#11 token via " + settings.library() + ": " + all, e);
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                if (!b.isEmpty()) {
                    b.append(": ");
                }
                b.append(t.getMessage());
            }
        }
        return b.isEmpty() ? e.getClass().getSimpleName() : b.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public Provider provider() {
        return provider;
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    /** The provider's name, e.g. {@code SunPKCS11-duoviewer-1}. */
    public String name() {
        return provider.getName().toLowerCase(Locale.ROOT);
    }

    /** Logs out and, if it was registered, removes the provider again. */
    @Override
    public void close() {
        if (registered) {
            Security.removeProvider(provider.getName());
        }
        if (provider instanceof AuthProvider a) {
            try {
                a.logout();
            } catch (LoginException e) {
                // the session ends with the process anyway
            }
        }
    }
}
