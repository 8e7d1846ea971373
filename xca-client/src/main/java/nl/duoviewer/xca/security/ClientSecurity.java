package nl.duoviewer.xca.security;

import java.security.cert.X509Certificate;
import java.util.Optional;

import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.TrustSettings;

/**
 * Everything the client needs to talk to the network securely, opened once per configuration: the organisation's
 * unlocked key (TLS client certificate, SAML signing key), the TLS context built on it and the deployment's trust
 * store, and the certificate every Mitz answer must be signed with. Close it to log out of a token.
 */
public final class ClientSecurity implements AutoCloseable {

    private final OrganisationCredentials.Unlocked organisation;
    private final ClientTls tls;
    private final X509Certificate mitzSigner;

    private ClientSecurity(OrganisationCredentials.Unlocked organisation, ClientTls tls, X509Certificate mitzSigner) {
        this.organisation = organisation;
        this.tls = tls;
        this.mitzSigner = mitzSigner;
    }

    /**
     * Unlocks the organisation's key (asking the user when the configuration says so) and builds the TLS context.
     *
     * @throws nl.duoviewer.xca.config.ConfigException naming the key of a file or variable that cannot be used
     * @throws CredentialsException                    when the key stays locked (cancelled, wrong password, no token)
     */
    public static ClientSecurity open(DuoClientConfig config, SecretResolver secrets) throws CredentialsException {
        OrganisationCredentials.Unlocked org = OrganisationCredentials.unlock(config.keystore(), secrets);
        try {
            TrustSettings trust = config.trust();
            ClientTls tls = ClientTls.create(trust, org.credentials(), secrets);
            X509Certificate mitz = trust.mitzSigningCertificate() == null ? null
                    : TrustMaterial.certificate(trust.mitzSigningCertificate(), "duo.mitz.signingCertificate");
            return new ClientSecurity(org, tls, mitz);
        } catch (RuntimeException e) {
            org.close();
            throw e;
        }
    }

    /**
     * Checks what can be checked before a window opens: trust store, CRLs, Mitz's certificate and, when its password
     * does not have to be asked, the organisation key.
     *
     * @throws nl.duoviewer.xca.config.ConfigException naming the key at fault
     */
    public static void check(DuoClientConfig config) {
        TrustSettings trust = config.trust();
        if (trust.trustStorePassword() == null || !SecretResolver.asksUser(trust.trustStorePassword())) {
            ClientTls.create(trust, null, SecretResolver.environmentOnly());
        }
        if (trust.mitzSigningCertificate() != null) {
            TrustMaterial.certificate(trust.mitzSigningCertificate(), "duo.mitz.signingCertificate");
        }
        if (!SecretResolver.asksUser(config.keystore().password())) {
            try (OrganisationCredentials.Unlocked u = OrganisationCredentials.unlock(config.keystore(),
                    SecretResolver.environmentOnly())) {
                u.credentials();
            } catch (CredentialsException e) {
                throw new nl.duoviewer.xca.config.ConfigException("key 'duo.keystore.password': " + e.getMessage());
            }
        }
    }

    /** A client security built from parts (tests that present no client certificate, or foreign trust). */
    public static ClientSecurity of(OrganisationCredentials organisation, ClientTls tls, X509Certificate mitzSigner) {
        return new ClientSecurity(new OrganisationCredentials.Unlocked(organisation, Optional.empty()), tls,
                mitzSigner);
    }

    public OrganisationCredentials organisation() {
        return organisation.credentials();
    }

    public ClientTls tls() {
        return tls;
    }

    /** The certificate Mitz's answers must be signed with, when the deployment checks them. */
    public Optional<X509Certificate> mitzSigner() {
        return Optional.ofNullable(mitzSigner);
    }

    @Override
    public void close() {
        organisation.close();
    }
}
