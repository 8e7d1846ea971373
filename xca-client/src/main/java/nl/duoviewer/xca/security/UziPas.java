package nl.duoviewer.xca.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.Pkcs11Settings;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.security.pkcs11.Pkcs11Token;
import nl.duoviewer.xca.identity.IdentityException;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;
import nl.duoviewer.xca.identity.UziSubjectId;

/**
 * Signs the user in with their UZI-pas: the PIN is asked in the viewer, the card is opened through PKCS#11, its
 * authentication certificate (key usage digitalSignature only, as the UZI register issues it) gives the UZI number and
 * role, the certificate must chain to the configured UZI-register CA and be valid now, and the card proves it holds
 * the certificate's key by signing a fresh random challenge. The session stays logged in until closed.
 */
public final class UziPas {

    /** How often a wrong PIN may be typed in one sign-in (the card itself blocks after its own count). */
    public static final int PIN_ATTEMPTS = 3;

    /** The signed-in card. Closing it logs out of the card. */
    public record Session(UserIdentity user, X509Certificate certificate, Pkcs11Token token)
            implements AutoCloseable {
        @Override
        public void close() {
            token.close();
        }
    }

    private UziPas() {
    }

    /**
     * Asks the PIN and signs in; a wrong PIN is asked again, at most {@link #PIN_ATTEMPTS} times.
     *
     * @throws IdentityException with the typed reason when no identity results
     */
    public static Session signIn(IdentitySettings settings, TrustSettings trust, SecretPrompt prompt, Clock clock)
            throws IdentityException {
        if (!settings.allows(IdentitySource.UZI_PAS)) {
            throw new IdentityException(IdentityException.Reason.NO_SOURCE, "the UZI-pas is not configured");
        }
        List<X509CRL> crls = new ArrayList<>();
        List<X509Certificate> anchors = TrustMaterial.certificates(settings.uziPasTrustStore(), null, "duo.identity.uzipas.trustStore");
        for (var p : trust.crls()) {
            crls.addAll(TrustMaterial.crls(p, "duo.tls.crls"));
        }
        SecretRequest request = new SecretRequest(SecretRequest.Kind.UZI_PAS_PIN, "", null);
        for (int attempt = 1; ; attempt++) {
            Optional<char[]> pin = prompt.ask(request);
            if (pin.isEmpty()) {
                throw new IdentityException(IdentityException.Reason.CANCELLED, "the PIN was not given");
            }
            try {
                return open(settings.uziPas(), pin.get(), anchors, crls, trust, clock);
            } catch (IdentityException e) {
                if (e.reason() != IdentityException.Reason.WRONG_PIN || attempt >= PIN_ATTEMPTS) {
                    throw e;
                }
                request = request.retry();
            }
        }
    }

    /** Opens the card with this PIN (cleared) and establishes the identity. */
    static Session open(Pkcs11Settings card, char[] pin, List<X509Certificate> anchors, List<X509CRL> crls,
                        TrustSettings trust, Clock clock)
            throws IdentityException {
        Pkcs11Token token;
        try {
            token = Pkcs11Token.login(card, pin, false);
        } catch (Pkcs11Token.TokenException e) {
            throw new IdentityException(switch (e.failure()) {
                case LIBRARY_MISSING -> IdentityException.Reason.READER_SOFTWARE_MISSING;
                case NO_TOKEN -> IdentityException.Reason.NO_CARD;
                case WRONG_PIN -> IdentityException.Reason.WRONG_PIN;
                case PIN_LOCKED -> IdentityException.Reason.PIN_LOCKED;
                case OTHER -> IdentityException.Reason.TOKEN_ERROR;
            }, e.getMessage(), e);
        }
        try {
            return identify(token, anchors, crls, trust, clock);
        } catch (IdentityException | RuntimeException e) {
            token.close();
            throw e;
        }
    }

    private static Session identify(Pkcs11Token token, List<X509Certificate> anchors, List<X509CRL> crls,
                                    TrustSettings trust, Clock clock) throws IdentityException {
        KeyStore ks = token.keyStore();
        String alias = null;
        X509Certificate cert = null;
        UziSubjectId id = null;
        boolean foreignCard = false;
        try {
            for (String a : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(a) || !(ks.getCertificate(a) instanceof X509Certificate c)) {
                    continue;
                }
                Optional<UziSubjectId> uzi = UziSubjectId.of(c);
                if (uzi.isEmpty() || !isAuthenticationCertificate(c)) {
                    continue;
                }
                if (!uzi.get().namesAPerson()) {
                    foreignCard = true;
                    continue;
                }
                alias = a;
                cert = c;
                id = uzi.get();
                break;
            }
            if (cert == null) {
                throw new IdentityException(foreignCard ? IdentityException.Reason.NOT_A_PERSONAL_CARD
                        : IdentityException.Reason.NO_UZI_CERTIFICATE,
                        "the card holds no UZI authentication certificate of a named person");
            }
            checkChain(ks, alias, cert, anchors, crls, trust, clock);
            if (!(ks.getKey(alias, null) instanceof PrivateKey key)) {
                throw new IdentityException(IdentityException.Reason.NO_UZI_CERTIFICATE,
                        "the card has no key for its authentication certificate");
            }
            proveKey(token, key, cert);
        } catch (GeneralSecurityException e) {
            throw new IdentityException(IdentityException.Reason.TOKEN_ERROR, "the card could not be read: "
                    + e.getMessage(), e);
        }
        return new Session(new UserIdentity(id.uziNumber(), id.roleCode(), displayName(cert),
                IdentitySource.UZI_PAS), cert, token);
    }

    /** The UZI-pas authentication certificate carries key usage digitalSignature and not nonRepudiation. */
    static boolean isAuthenticationCertificate(X509Certificate c) {
        boolean[] usage = c.getKeyUsage();
        return usage != null && usage.length > 1 && usage[0] && !usage[1];
    }

    private static void checkChain(KeyStore ks, String alias, X509Certificate cert, List<X509Certificate> anchors,
                                   List<X509CRL> crls, TrustSettings trust, Clock clock)
            throws IdentityException, GeneralSecurityException {
        Date now = Date.from(clock.instant());
        try {
            cert.checkValidity(now);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IdentityException(IdentityException.Reason.CARD_EXPIRED,
                    "the card's certificate is not valid now: " + e.getMessage(), e);
        }
        List<Certificate> path = new ArrayList<>();
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain != null) {
            for (Certificate c : chain) {
                if (!anchors.contains(c)) {
                    path.add(c);
                }
            }
        }
        if (path.isEmpty()) {
            path.add(cert);
        }
        CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXBuilderParameters params = ClientTls.pkix(anchors, trust.revocation(), crls, trust.ocspResponder());
        params.setDate(now);
        try {
            CertPathValidator.getInstance("PKIX").validate(cp, params);
        } catch (CertPathValidatorException e) {
            throw new IdentityException(e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    ? IdentityException.Reason.CARD_EXPIRED : IdentityException.Reason.CARD_NOT_TRUSTED,
                    "the card's certificate is not accepted: " + e.getMessage(), e);
        }
    }

    /** The card signs a fresh challenge; the certificate's public key must verify it. */
    private static void proveKey(Pkcs11Token token, PrivateKey key, X509Certificate cert)
            throws IdentityException, GeneralSecurityException {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        String algorithm = "EC".equals(cert.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(algorithm, token.provider());
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(challenge);
        if (!verifier.verify(signature)) {
            throw new IdentityException(IdentityException.Reason.CARD_KEY_MISMATCH,
                    "the card's key does not belong to its certificate");
        }
    }

    /** Given name and surname from the certificate subject, else its common name. */
    static String displayName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253,
                java.util.Map.of("2.5.4.42", "GIVENNAME", "2.5.4.4", "SURNAME"));
        String cn = "";
        String given = "";
        String sur = "";
        try {
            for (var rdn : new javax.naming.ldap.LdapName(dn).getRdns()) {
                switch (rdn.getType().toUpperCase(java.util.Locale.ROOT)) {
                    case "CN" -> cn = String.valueOf(rdn.getValue());
                    case "GIVENNAME" -> given = String.valueOf(rdn.getValue());
                    case "SURNAME" -> sur = String.valueOf(rdn.getValue());
                    default -> { }
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return "";
        }
        return !given.isEmpty() && !sur.isEmpty() ? given + " " + sur : cn;
    }
}
