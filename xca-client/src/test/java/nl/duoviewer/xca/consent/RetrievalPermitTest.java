package nl.duoviewer.xca.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;

/** Permits cannot be made outside the consent package, and a permit covers exactly one patient and community. */
class RetrievalPermitTest {

    @Test
    void onlyTheConsentPackageCanMakeAPermit() {
        for (var c : RetrievalPermit.class.getDeclaredConstructors()) {
            assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()), c.toString());
        }
        for (Method m : RetrievalPermit.class.getDeclaredMethods()) {
            assertFalse(Modifier.isStatic(m.getModifiers()) && m.getReturnType() == RetrievalPermit.class,
                    m.toString());
        }
        assertEquals(Modifier.FINAL, RetrievalPermit.class.getModifiers() & Modifier.FINAL);
    }

    @Test
    void aPermitCoversOnePatientOneCommunityForAShortTime() throws Exception {
        Bsn patient = Bsn.parse("999999011");
        Instant until = Instant.parse("2026-11-23T10:01:00Z");
        RetrievalPermit p = new RetrievalPermit(patient, new SourceInstitution("OLVG", "90000102", "urn:oid:1.1"),
                "GGC002", until);
        p.check(patient, "urn:oid:1.1", until.minusSeconds(1));
        assertThrows(ConsentDeniedException.class, () -> p.check(patient, "urn:oid:1.1", until));
        assertThrows(ConsentDeniedException.class, () -> p.check(patient, "urn:oid:2.2", until.minusSeconds(1)));
        assertThrows(ConsentDeniedException.class,
                () -> p.check(Bsn.parse("999990007"), "urn:oid:1.1", until.minusSeconds(1)));
        ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                () -> p.check(patient, "urn:oid:2.2", until.minusSeconds(1)));
        assertEquals(ConsentDeniedException.NEUTRAL_MESSAGE, e.getMessage());
    }
}
