package nl.duoviewer.core.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BsnTest {

    @Test
    void acceptsNumbersThatPassTheElevenCheck() {
        assertEquals("999999011", Bsn.parse("999999011").value());
        assertEquals("123456782", Bsn.parse(" 123456782 ").value());
        assertEquals("012345672", Bsn.parse("12345672").value(), "leading zero restored");
    }

    @Test
    void rejectsNumbersThatFailTheElevenCheck() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bsn.parse("999999012"));
        assertTrue(e.getMessage().contains("11-check"), e.getMessage());
        assertFalse(Bsn.isValid("123456789"));
        assertFalse(Bsn.isValid("000000000"));
    }

    @Test
    void rejectsWrongShapes() {
        assertFalse(Bsn.isValid("9999990111"));
        assertFalse(Bsn.isValid("99999901a"));
        assertFalse(Bsn.isValid(""));
        assertFalse(Bsn.isValid(null));
    }

    @Test
    void roundTripsTheXdsCxForm() {
        Bsn bsn = Bsn.parse("999999011");
        assertEquals("999999011^^^&2.16.840.1.113883.2.4.6.3&ISO", bsn.toCx());
        assertEquals(bsn, Bsn.fromCx("'999999011^^^&2.16.840.1.113883.2.4.6.3&ISO'"));
        assertThrows(IllegalArgumentException.class, () -> Bsn.fromCx("999999011^^^&1.2.3.4&ISO"));
    }

    @Test
    void toStringDoesNotLeakTheNumber() {
        assertEquals("*****9011", Bsn.parse("999999011").toString());
        assertEquals("9999.99.011", Bsn.parse("999999011").formatted());
    }
}
