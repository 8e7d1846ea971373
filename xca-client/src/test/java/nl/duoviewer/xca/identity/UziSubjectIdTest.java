package nl.duoviewer.xca.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;

/**
 * The UZI subject identifier as UZI certificates carry it (subjectAltName otherName 2.5.5.5, IA5String
 * {@code <OID CA>-<version>-<UZI number>-<card type>-<subscriber number>-<role>-<AGB>}; example values from the
 * UZI-register CPS as quoted by MinVWS' pUZI readers and test certificates).
 */
class UziSubjectIdTest {

    private static byte[] otherName(String oid, ASN1Encodable value) throws Exception {
        return new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), new DERTaggedObject(true, 0, value)})
                .getEncoded();
    }

    @Test
    void aZorgverlenerpasNamesTheHolderAndTheirRole() throws Exception {
        Optional<UziSubjectId> id = UziSubjectId.fromOtherName(otherName("2.5.5.5",
                new DERIA5String("2.16.528.1.1003.1.3.5.5.2-1-12345678-Z-90000123-01.015-00000000")));
        assertEquals(Optional.of(new UziSubjectId("2.16.528.1.1003.1.3.5.5.2", "1", "12345678", "Z", "90000123",
                "01.015", "00000000")), id);
        assertTrue(id.get().namesAPerson());
    }

    @Test
    void theJdksEncodingOfTheOtherNameIsRead() {
        // what X509Certificate.getSubjectAlternativeNames() returned for a certificate BouncyCastle issued
        byte[] der = HexFormat.of().parseHex("30490603550505a0421640322e31362e3532382e312e313030332e312e332e352e352e322"
                + "d312d3132333435363738322d5a2d39303030313233342d30312e3033392d3030303030303030");
        UziSubjectId id = UziSubjectId.fromOtherName(der).orElseThrow();
        assertEquals("123456782", id.uziNumber());
        assertEquals("01.039", id.roleCode());
        assertEquals("90001234", id.subscriberNumber());
    }

    @Test
    void serverCertificatesAndUnnamedCardsNameNoPerson() {
        assertTrue(!UziSubjectId.parse("2.16.528.1.1003.1.3.5.5.5-1-12345678-S-90000123-00.000-00000000")
                .orElseThrow().namesAPerson());
        assertTrue(!UziSubjectId.parse("2.16.528.1.1003.1.3.5.5.4-1-12345678-M-90000123-00.000-00000000")
                .orElseThrow().namesAPerson());
    }

    @Test
    void anythingElseIsNoUziIdentifier() throws Exception {
        for (String bad : new String[] {"", "1-2-3", "2.16.528.1.1003.1.3.5.5.2-1-12345678-Q-90000123-01.015-00000000",
                "2.16.528.1.1003.1.3.5.5.2-1-1234x678-Z-90000123-01.015-00000000",
                "2.16.528.1.1003.1.3.5.5.2-1-12345678-Z-90000123-1.15-00000000",
                "2.16.528.1.1003.1.3.5.5.2-1-12345678-Z-90000123-01.015-00000000-extra", "x".repeat(1000)}) {
            assertEquals(Optional.empty(), UziSubjectId.parse(bad), bad);
        }
        assertEquals(Optional.empty(), UziSubjectId.fromOtherName(otherName("1.3.6.1.4.1.311.20.2.3",
                new DERIA5String("2.16.528.1.1003.1.3.5.5.2-1-12345678-Z-90000123-01.015-00000000"))));
        assertEquals(Optional.empty(), UziSubjectId.fromOtherName(new byte[] {0x30, 0x7f, 0x01}));
        assertEquals(Optional.empty(), UziSubjectId.fromOtherName(new byte[0]));
    }
}
