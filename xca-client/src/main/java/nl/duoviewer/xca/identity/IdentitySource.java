package nl.duoviewer.xca.identity;

/**
 * How the viewer learned who is at the keyboard. Each source states, as the SAML AuthnContext class of the assertion,
 * what really happened (SAML 2.0 Authentication Context, OASIS saml-authn-context-2.0-os).
 */
public enum IdentitySource {
    /** The user's own UZI-pas: a smartcard with a private key, unlocked with their PIN in this session. */
    UZI_PAS("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"),
    /** The EHR that launched the viewer said who its logged-in user is; the viewer did not authenticate them. */
    EHR_LAUNCH("urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession"),
    /** The embedded demo network's demo user: nobody authenticated, and the network is on this computer. */
    DEMO("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified");

    private final String authnContextClass;

    IdentitySource(String authnContextClass) {
        this.authnContextClass = authnContextClass;
    }

    /** The AuthnContextClassRef this source puts in the assertion. */
    public String authnContextClass() {
        return authnContextClass;
    }
}
