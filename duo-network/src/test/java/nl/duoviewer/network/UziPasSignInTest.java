package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.network.testing.SoftHsm;
import nl.duoviewer.network.testing.SoftHsm.Card;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.IdentitySettings;
import nl.duoviewer.xca.config.KeystoreSettings;
import nl.duoviewer.xca.config.Pkcs11Settings;
import nl.duoviewer.xca.config.Secret;
import nl.duoviewer.xca.config.TrustSettings;
import nl.duoviewer.xca.identity.IdentityException;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.security.UziPas;
import nl.duoviewer.xca.security.ClientSecurity;
import nl.duoviewer.xca.security.SecretPrompt;
import nl.duoviewer.xca.security.SecretRequest;
import nl.duoviewer.xca.security.SecretResolver;
import nl.duoviewer.xca.security.VerifiedRequester;

/**
 * Signing in with a UZI-pas on a real PKCS#11 token (SoftHSM2), through SunPKCS11 as with a card reader: the PIN is
 * asked, the card's authentication certificate gives the UZI number and role, the certificate must chain to the
 * UZI-register CA and the card must sign with its key. The embedded network then sees that person, authenticated by
 * smartcard, in every request. Also the organisation's own key on a token (an HSM).
 */
class UziPasSignInTest {

    static EmbeddedDuoNetwork net;
    static SoftHsm hsm;
    static TrustSettings trust;

    @BeforeAll
    static void tokens() throws Exception {
        net = SharedNetwork.get();
        hsm = SoftHsm.shared(net.pki());
        trust = net.pki().trustSettingsWithCardCrl();
    }

    @BeforeEach
    void healthy() {
        SharedNetwork.fresh();
    }

    /** Answers the questions in order (null: cancel), and remembers them. */
    static final class ScriptedPrompt implements SecretPrompt {
        final Deque<String> answers = new ArrayDeque<>();
        final List<SecretRequest> asked = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            for (String a : answers) {
                this.answers.add(a == null ? "" : a);
            }
        }

        @Override
        public Optional<char[]> ask(SecretRequest request) {
            asked.add(request);
            String a = answers.poll();
            return a == null || a.isEmpty() ? Optional.empty() : Optional.of(a.toCharArray());
        }
    }

    static IdentitySettings card(Card card) {
        return card(hsm.token(card));
    }

    static IdentitySettings card(Pkcs11Settings token) {
        return new IdentitySettings(List.of(IdentitySource.UZI_PAS), token, hsm.cardCa());
    }

    static IdentityException refused(IdentitySettings settings, ScriptedPrompt prompt) {
        return assertThrows(IdentityException.class, () -> UziPas.signIn(settings, trust, prompt,
                Clock.systemUTC()).close());
    }

    @Test
    void theCardHolderIsTheRequesterOfEveryRequest() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt(SoftHsm.PIN);
        DuoClientConfig config = net.clientConfig().withIdentity(card(Card.GOOD)).withTrust(trust);
        try (UziPas.Session card = UziPas.signIn(config.identity(), trust, prompt, Clock.systemUTC());
             ClientSecurity security = ClientSecurity.open(config, SecretResolver.environmentOnly());
             DuoClient client = DuoClient.open(config, security, card.user(), AuditSink.NONE, Clock.systemUTC())) {
            assertEquals(List.of(SecretRequest.Kind.UZI_PAS_PIN), prompt.asked.stream().map(SecretRequest::kind)
                    .toList());
            assertNull(prompt.asked.getFirst().previousError());
            assertEquals(SoftHsm.UZI_NUMBER, card.user().uziNumber());
            assertEquals(SoftHsm.ROLE, card.user().roleCode());
            assertEquals(SoftHsm.GIVEN_NAME + " " + SoftHsm.SURNAME, card.user().displayName());
            assertEquals(IdentitySource.UZI_PAS, card.user().source());

            TimelineSnapshot snap = client.queryTimeline(CatalogueGenerator.SHOWCASE_PATIENT).completion()
                    .get(60, TimeUnit.SECONDS);
            assertTrue(snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.COMPLETE),
                    snap.sources()::toString);
        }
        List<VerifiedRequester> seen = new ArrayList<>(net.mitz().counters().requesters());
        for (Network n : Network.values()) {
            seen.addAll(net.community(n).counters().requesters());
        }
        assertTrue(seen.size() >= 4, seen::toString); // Mitz and three gateways
        for (VerifiedRequester r : seen) {
            assertEquals(SoftHsm.UZI_NUMBER, r.uziNumber());
            assertEquals(SoftHsm.ROLE, r.roleCode());
            assertEquals("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", r.authnContext());
            assertEquals(EmbeddedDuoNetwork.DEMO_ORGANISATION.ura(), r.ura());
        }
    }

    @Test
    void aWrongPinIsAskedAgainAndThePinIsCheckedEveryTime() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt("11112222", SoftHsm.PIN);
        try (UziPas.Session first = UziPas.signIn(card(Card.GOOD), trust, prompt, Clock.systemUTC())) {
            assertEquals(SoftHsm.UZI_NUMBER, first.user().uziNumber());
            assertEquals(2, prompt.asked.size());
            assertEquals(SecretRequest.PreviousError.WRONG, prompt.asked.get(1).previousError());
            // the card is still logged in for this process: a new sign-in must not take any PIN
            IdentityException e = refused(card(Card.GOOD), new ScriptedPrompt("0000", "1111", "2222"));
            assertEquals(IdentityException.Reason.WRONG_PIN, e.reason());
        }
    }

    @Test
    void aCancelledPinLeavesNobodySignedIn() {
        assertEquals(IdentityException.Reason.CANCELLED, refused(card(Card.GOOD), new ScriptedPrompt((String) null))
                .reason());
    }

    @Test
    void cardsThatDoNotIdentifyAPersonOfTheUziRegisterAreRefused() {
        assertEquals(IdentityException.Reason.CARD_NOT_TRUSTED, refused(card(Card.FOREIGN),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
        assertEquals(IdentityException.Reason.CARD_EXPIRED, refused(card(Card.EXPIRED),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
        assertEquals(IdentityException.Reason.CARD_KEY_MISMATCH, refused(card(Card.MISMATCH),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
        assertEquals(IdentityException.Reason.NOT_A_PERSONAL_CARD, refused(card(Card.SERVER),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
    }

    @Test
    void noCardAndNoReaderSoftwareAreSaidSo() {
        assertEquals(IdentityException.Reason.NO_CARD, refused(card(hsm.emptySlot()),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
        assertEquals(IdentityException.Reason.READER_SOFTWARE_MISSING, refused(card(
                Pkcs11Settings.firstSlot(java.nio.file.Path.of("/nonexistent/libuzipas.so"))),
                new ScriptedPrompt(SoftHsm.PIN)).reason());
    }

    @Test
    void theOrganisationKeyOnATokenSignsAndAuthenticates() throws Exception {
        DuoClientConfig config = net.clientConfig().withKeystore(KeystoreSettings.pkcs11(
                hsm.token(Card.ORGANISATION), TestPki.ALIAS, new Secret.Held(SoftHsm.PIN.toCharArray())));
        try (DuoClient client = DuoClient.open(config)) {
            TimelineSnapshot snap = client.queryTimeline(CatalogueGenerator.SHOWCASE_PATIENT).completion()
                    .get(60, TimeUnit.SECONDS);
            assertTrue(snap.sources().stream().allMatch(s -> s.state() == SourceStatus.State.COMPLETE),
                    snap.sources()::toString);
        }
        assertTrue(net.mitz().counters().requesters().size() >= 1);
    }
}
