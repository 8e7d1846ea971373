package nl.duoviewer.network.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.duoviewer.core.testsupport.ExternalTool;
import nl.duoviewer.network.pki.CertificateMaker;
import nl.duoviewer.network.pki.CertificateMaker.Issued;
import nl.duoviewer.network.pki.TestPki;
import nl.duoviewer.xca.config.Pkcs11Settings;

/**
 * Real PKCS#11 tokens for the tests: SoftHSM2 from Debian, with its token folder in a temporary directory and its own
 * configuration file ({@code SOFTHSM2_CONF}, which surefire points at {@code target/softhsm2.conf}). SoftHSM reads that
 * file and lists its tokens once per process, so every token is made up front, when the JVM first asks: test UZI-passes
 * (a good one and one of each kind the viewer must refuse) issued by the network PKI's demo UZI-register CA, and a
 * token holding the organisation's key (an HSM).
 */
public final class SoftHsm {

    /** The user PIN of every token (a UZI-pas PIN is digits). */
    public static final String PIN = "24681357";
    private static final String SO_PIN = "97531864";
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    /** The tokens there are. */
    public enum Card {
        /** A valid zorgverlenerpas of a radiologist. */
        GOOD,
        /** Issued by a CA that is not the UZI register. */
        FOREIGN,
        /** Its certificate expired yesterday. */
        EXPIRED,
        /** The certificate belongs to another key than the one on the card. */
        MISMATCH,
        /** A UZI server certificate, not a person's card. */
        SERVER,
        /** The organisation's key and certificate (an HSM, not a card). */
        ORGANISATION
    }

    /** The good card's holder. */
    public static final String UZI_NUMBER = "123456782";
    public static final String ROLE = "01.039";
    public static final String GIVEN_NAME = "Anna";
    public static final String SURNAME = "de Vries";
    public static final String ALIAS = "auth";

    private static SoftHsm shared;

    private final Map<Card, Long> slots;
    private final Path cardCa;

    private SoftHsm(Map<Card, Long> slots, Path cardCa) {
        this.slots = slots;
        this.cardCa = cardCa;
    }

    /**
     * The tokens of this JVM, made on first call with certificates from {@code pki} (its demo UZI CA, its organisation
     * key). Skips the test, or fails it in CI, when SoftHSM is not installed.
     */
    public static synchronized SoftHsm shared(TestPki pki) throws Exception {
        if (shared == null) {
            shared = create(pki);
        }
        return shared;
    }

    private static SoftHsm create(TestPki pki) throws Exception {
        Path util = ExternalTool.require("softhsm2-util", "softhsm2");
        ExternalTool.requireFile(LIBRARY, "softhsm2");
        String confName = System.getenv("SOFTHSM2_CONF");
        if (confName == null || confName.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the tests through Maven, whose surefire "
                    + "configuration points it at target/softhsm2.conf");
        }
        Path conf = Path.of(confName);
        Path tokens = Files.createTempDirectory("duoviewer-softhsm");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tokens)));
        Files.createDirectories(conf.toAbsolutePath().getParent());
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        Map<Card, Long> slots = new LinkedHashMap<>();
        for (Card c : Card.values()) {
            String out = ExternalTool.run(60, util.toString(), "--init-token", "--free", "--label",
                    c.name().toLowerCase(java.util.Locale.ROOT), "--pin", PIN, "--so-pin", SO_PIN);
            Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("softhsm2-util said: " + out);
            }
            slots.put(c, Long.parseLong(m.group(1)));
        }
        // only now does this JVM touch PKCS#11: SoftHSM sees every token made above
        Instant now = Instant.now();
        Issued uziCa = pki.uziCa();
        KeyPair cardKey = CertificateMaker.rsaKey();
        put(slots.get(Card.GOOD), cardKey, pki.uziPas(uziCa, cardKey, UZI_NUMBER, "Z", ROLE, GIVEN_NAME, SURNAME,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).chain());
        Issued otherCa = CertificateMaker.rootCa("CN=Not the UZI register, C=NL", CertificateMaker.ecKey(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        put(slots.get(Card.FOREIGN), cardKey, pki.uziPas(otherCa, cardKey, UZI_NUMBER, "Z", ROLE, GIVEN_NAME, SURNAME,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).chain());
        put(slots.get(Card.EXPIRED), cardKey, pki.uziPas(uziCa, cardKey, UZI_NUMBER, "Z", ROLE, GIVEN_NAME, SURNAME,
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))).chain());
        KeyPair otherKey = CertificateMaker.rsaKey();
        put(slots.get(Card.MISMATCH), cardKey, pki.uziPas(uziCa, otherKey, UZI_NUMBER, "Z", ROLE, GIVEN_NAME, SURNAME,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).chain());
        put(slots.get(Card.SERVER), cardKey, pki.uziPas(uziCa, cardKey, "900000001", "S", "00.000", "Server",
                "Certificate", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).chain());
        var org = pki.organisationCredentials();
        putKey(slots.get(Card.ORGANISATION), TestPki.ALIAS, org.privateKey(), org.chain());
        return new SoftHsm(slots, pki.uziCaFile());
    }

    private static void put(long slot, KeyPair key, List<X509Certificate> chain) throws Exception {
        putKey(slot, ALIAS, key.getPrivate(), chain);
    }

    /** Stores a key with its chain on the token through SunPKCS11, as an HSM's import tool would. */
    private static void putKey(long slot, String alias, java.security.PrivateKey key, List<X509Certificate> chain)
            throws Exception {
        Provider p = Security.getProvider("SunPKCS11").configure("--name=softhsm-import-" + slot + "\nlibrary="
                + LIBRARY + "\nslot=" + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, PIN.toCharArray());
        ks.setKeyEntry(alias, key, null, chain.toArray(X509Certificate[]::new));
        ((AuthProvider) p).logout();
    }

    /** The token's settings as a configuration would name them. */
    public Pkcs11Settings token(Card card) {
        return new Pkcs11Settings(LIBRARY, slots.get(card), 0);
    }

    /** The demo UZI-register CA certificate file the cards chain to. */
    public Path cardCa() {
        return cardCa;
    }

    /** A slot that holds no token. */
    public Pkcs11Settings emptySlot() {
        long unused = 1;
        List<Long> taken = new ArrayList<>(slots.values());
        while (taken.contains(unused)) {
            unused++;
        }
        return new Pkcs11Settings(LIBRARY, unused, 0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the JVM's exit for
        }
    }
}
