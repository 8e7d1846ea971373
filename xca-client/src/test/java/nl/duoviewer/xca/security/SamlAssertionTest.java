package nl.duoviewer.xca.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import nl.duoviewer.xca.config.OrganisationIdentity;
import nl.duoviewer.xca.config.RequesterIdentity;
import nl.duoviewer.xca.identity.IdentitySource;
import nl.duoviewer.xca.identity.UserIdentity;

class SamlAssertionTest {

    static final RequesterIdentity REQUESTER = new RequesterIdentity(new OrganisationIdentity("90001234", "Demo", "V4",
            "TREAT"), new UserIdentity("900012345", "01.015", "Test", IdentitySource.UZI_PAS));
    static final String AUDIENCE = "urn:oid:1.3.6.1.4.1.21367.13.70.1";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static OrganisationCredentials org;
    static OrganisationCredentials intruder;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        org = OrganisationCredentials.load(TestKeys.create(dir.resolve("org.p12"), "Org"));
        intruder = OrganisationCredentials.load(TestKeys.create(dir.resolve("bad.p12"), "Intruder"));
    }

    private static Element assertion(OrganisationCredentials c, Instant at, String audience) {
        return new SamlAssertionFactory(c, REQUESTER, REQUESTER.issuerUri(), Clock.fixed(at, ZoneOffset.UTC))
                .create(audience);
    }

    private static AssertionVerifier verifier(Instant at) {
        return new AssertionVerifier(Set.of(org.certificate()), AUDIENCE, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Serialised and parsed again, as a receiver sees it. */
    private static Element roundTrip(Element e) throws Exception {
        return SecureXml.parse(SecureXml.toBytes(e)).getDocumentElement();
    }

    @Test
    void signedAssertionCarriesTheRequesterAndVerifies() throws Exception {
        VerifiedRequester r = verifier(NOW.plusSeconds(60)).verify(roundTrip(assertion(org, NOW, AUDIENCE)));
        assertEquals("900012345", r.uziNumber());
        assertEquals("90001234", r.ura());
        assertEquals("01.015", r.roleCode());
        assertEquals("TREAT", r.purposeOfUse());
        assertEquals("urn:oid:2.16.528.1.1007.3.3.90001234", r.issuer());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), r.notOnOrAfter());
        String xml = SecureXml.toString(assertion(org, NOW, AUDIENCE));
        assertTrue(xml.contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), xml);
        assertTrue(xml.contains("http://www.w3.org/2001/10/xml-exc-c14n#"), xml);
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:2.0:cm:bearer"), xml);
    }

    @Test
    void everyKindOfBadAssertionIsRejected() throws Exception {
        AssertionVerifier v = verifier(NOW.plusSeconds(60));
        Element tampered = roundTrip(assertion(org, NOW, AUDIENCE));
        tampered.getElementsByTagNameNS(Saml.HL7_NS, "id").item(1).getAttributes().getNamedItem("extension")
                .setNodeValue("12345678");
        assertThrows(AssertionRejectedException.class, () -> v.verify(tampered));

        Element unsigned = roundTrip(assertion(org, NOW, AUDIENCE));
        unsigned.removeChild(SecureXml.child(unsigned, Saml.DSIG_NS, "Signature"));
        assertThrows(AssertionRejectedException.class, () -> v.verify(unsigned));

        Element expired = roundTrip(assertion(org, NOW.minus(Duration.ofMinutes(12)), AUDIENCE));
        var e = assertThrows(AssertionRejectedException.class, () -> v.verify(expired));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());

        assertThrows(AssertionRejectedException.class, () -> v.verify(roundTrip(assertion(intruder, NOW, AUDIENCE))));
        assertThrows(AssertionRejectedException.class, () -> v.verify(roundTrip(assertion(org, NOW, "urn:oid:9"))));
        assertThrows(AssertionRejectedException.class, () -> verifier(NOW.minus(Duration.ofMinutes(5)))
                .verify(roundTrip(assertion(org, NOW, AUDIENCE))));
    }

    @Test
    void providerReusesAnAssertionUntilItIsCloseToExpiry() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AssertionProvider p = new AssertionProvider(new SamlAssertionFactory(org, REQUESTER, REQUESTER.issuerUri(),
                clock), clock);
        String first = p.assertionFor(AUDIENCE).getAttribute("ID");
        now[0] = NOW.plus(Duration.ofMinutes(5));
        assertEquals(first, p.assertionFor(AUDIENCE).getAttribute("ID"));
        now[0] = NOW.plus(Duration.ofMinutes(8));
        String renewed = p.assertionFor(AUDIENCE).getAttribute("ID");
        assertTrue(!first.equals(renewed));
        assertTrue(!renewed.equals(p.assertionFor("urn:oid:9").getAttribute("ID")));
    }
}
