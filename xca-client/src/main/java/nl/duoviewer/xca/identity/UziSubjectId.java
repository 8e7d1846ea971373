package nl.duoviewer.xca.identity;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * The UZI register's subject identifier in a UZI certificate: a subjectAltName {@code otherName} of type
 * {@code 2.5.5.5} holding an IA5String {@code <OID CA>-<version>-<UZI number>-<card type>-<subscriber number>-<role
 * code>-<AGB code>} (UZI-register CPS; e.g. {@code 2.16.528.1.1003.1.3.5.5.2-1-12345678-Z-90000123-01.015-00000000}).
 *
 * @param caOid            OID of the issuing UZI CA
 * @param version          format version
 * @param uziNumber        the holder's UZI number
 * @param cardType         Z zorgverlenerpas, N medewerkerpas op naam, M medewerkerpas niet op naam, S server
 * @param subscriberNumber the subscriber (abonnee): the URA of the organisation
 * @param roleCode         RoleCodeNL, {@code 00.000} when the holder has none
 * @param agbCode          AGB code, {@code 00000000} when none
 */
public record UziSubjectId(String caOid, String version, String uziNumber, String cardType, String subscriberNumber,
                           String roleCode, String agbCode) {

    /** otherName type-id of the UZI subject identifier. */
    public static final String OTHER_NAME_OID = "2.5.5.5";
    /** GeneralName tag of otherName. */
    private static final int OTHER_NAME = 0;
    /** The longest identifier we accept: the format needs well under this. */
    private static final int MAX_LENGTH = 256;

    /** Card types that name one person. */
    public boolean namesAPerson() {
        return "Z".equals(cardType) || "N".equals(cardType);
    }

    /** Splits the identifier string; empty when it does not have the UZI form. */
    public static Optional<UziSubjectId> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] f = value.split("-", -1);
        if (f.length != 7 || !f[0].matches("[0-9]+(\\.[0-9]+)+") || !f[1].matches("[0-9]+")
                || !f[2].matches("[0-9]{1,20}") || !f[3].matches("[ZNMS]") || !f[4].matches("[0-9]{1,20}")
                || !f[5].matches("[0-9]{2}\\.[0-9]{3}") || !f[6].matches("[0-9]{1,20}")) {
            return Optional.empty();
        }
        return Optional.of(new UziSubjectId(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
    }

    /** The identifier of a UZI certificate; empty when it carries none (not a UZI certificate, or malformed). */
    public static Optional<UziSubjectId> of(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        for (List<?> name : names) {
            // [tag, DER]; JDK 21 and later append the type-id and, for string values, the value
            if (name.size() >= 2 && name.get(0) instanceof Integer tag && tag == OTHER_NAME
                    && name.get(1) instanceof byte[] der) {
                Optional<UziSubjectId> id = fromOtherName(der);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /** Reads {@code OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }} as the JDK hands it over. */
    static Optional<UziSubjectId> fromOtherName(byte[] der) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (p instanceof ASN1TaggedObject outer && outer.getTagNo() == OTHER_NAME) {
                p = ASN1Sequence.getInstance(outer, false); // the JDK keeps the GeneralName's implicit [0] tag
            }
            if (!(p instanceof ASN1Sequence seq) || seq.size() != 2
                    || !(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier type)
                    || !OTHER_NAME_OID.equals(type.getId())
                    || !(seq.getObjectAt(1) instanceof ASN1TaggedObject value) || value.getTagNo() != 0) {
                return Optional.empty();
            }
            ASN1Encodable inner = value.getBaseObject();
            return inner instanceof ASN1String s ? parse(s.getString()) : Optional.empty();
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
