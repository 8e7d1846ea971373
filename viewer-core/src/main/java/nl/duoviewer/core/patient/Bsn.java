package nl.duoviewer.core.patient;

import java.util.Objects;

/**
 * A Dutch citizen service number (Burgerservicenummer), validated with the 11-check ("elfproef").
 *
 * <p>The BSN is the only patient identifier used for national image exchange; every query, consent check and
 * retrieval is bound to one. Instances are always valid, so a {@code Bsn} in hand never needs re-checking.
 */
public final class Bsn {

    /** OID of the BSN assigning authority (NL Ministry of the Interior). */
    public static final String OID = "2.16.840.1.113883.2.4.6.3";

    private final String value;

    private Bsn(String value) {
        this.value = value;
    }

    /**
     * Parses a BSN. Eight-digit numbers get the leading zero they lost in systems that stored them as integers.
     *
     * @throws IllegalArgumentException with a message fit for the user when the input is not a valid BSN
     */
    public static Bsn parse(String text) {
        Objects.requireNonNull(text, "BSN");
        String digits = text.strip();
        if (digits.length() == 8 && isDigits(digits)) {
            digits = "0" + digits;
        }
        if (digits.length() != 9 || !isDigits(digits)) {
            throw new IllegalArgumentException("A BSN has 9 digits; got '" + text.strip() + "'");
        }
        if (!passesElevenCheck(digits)) {
            throw new IllegalArgumentException("'" + digits + "' is not a valid BSN (11-check failed)");
        }
        return new Bsn(digits);
    }

    /** True when {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * Parses the XDS CX form {@code 999999011^^^&2.16.840.1.113883.2.4.6.3&ISO}, also accepting the quoted form used
     * in stored-query slots. Rejects identifiers issued by any other authority.
     */
    public static Bsn fromCx(String cx) {
        Objects.requireNonNull(cx, "patient id");
        String s = cx.strip();
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            s = s.substring(1, s.length() - 1);
        }
        int caret = s.indexOf('^');
        if (caret < 0) {
            throw new IllegalArgumentException("Not a CX patient identifier: " + cx);
        }
        String authority = s.substring(caret).replace("^^^", "");
        String[] parts = authority.split("&", -1);
        if (parts.length < 2 || !OID.equals(parts[1])) {
            throw new IllegalArgumentException("Patient identifier is not a BSN (authority " + authority + ")");
        }
        return parse(s.substring(0, caret));
    }

    /** The XDS CX form, {@code 999999011^^^&2.16.840.1.113883.2.4.6.3&ISO}. */
    public String toCx() {
        return value + "^^^&" + OID + "&ISO";
    }

    /** The nine digits. */
    public String value() {
        return value;
    }

    /** Masked form for logs and window titles where the full number is not needed, e.g. {@code *****9011}. */
    public String masked() {
        return "*****" + value.substring(5);
    }

    /** Grouped for reading aloud and on screen, e.g. {@code 9999.99.011}. */
    public String formatted() {
        return value.substring(0, 4) + "." + value.substring(4, 6) + "." + value.substring(6);
    }

    static boolean passesElevenCheck(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0 && !"000000000".equals(nineDigits);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bsn other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns the masked form, so that a BSN logged by accident does not leak. Use {@link #value()} on purpose. */
    @Override
    public String toString() {
        return masked();
    }
}
