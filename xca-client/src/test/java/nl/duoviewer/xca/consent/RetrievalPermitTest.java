package nl.duoviewer.xca.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ConsentBasis;
import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * Permits cannot be made outside the consent package, and a permit covers exactly one patient, one institution in
 * one community, the repositories it names, for a short time, unless the gate revokes it first.
 */
class RetrievalPermitTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final SourceInstitution OLVG = new SourceInstitution("OLVG", "90000102", "urn:oid:1.1");
    static final Instant UNTIL = Instant.parse("2026-11-23T10:01:00Z");
    static final Instant BEFORE = UNTIL.minusSeconds(1);

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

    private static RetrievalPermit permit(AtomicBoolean revoked) {
        return new RetrievalPermit(PATIENT, OLVG, Set.of("1.2.3.repo"), "GGC002", new ConsentBasis.Mitz(true), UNTIL,
                revoked::get);
    }

    @Test
    void aPermitCoversOnePatientOneInstitutionOneCommunityAndItsRepositoriesForAShortTime() throws Exception {
        RetrievalPermit p = permit(new AtomicBoolean());
        p.check(PATIENT, OLVG, "urn:oid:1.1", "1.2.3.repo", BEFORE);
        p.check(PATIENT, OLVG, "urn:oid:1.1", null, BEFORE); // WADO-RS: no repository to check
        assertThrows(ConsentDeniedException.class, () -> p.check(PATIENT, OLVG, "urn:oid:1.1", "1.2.3.repo", UNTIL));
        assertThrows(ConsentDeniedException.class, () -> p.check(PATIENT, OLVG, "urn:oid:2.2", "1.2.3.repo", BEFORE));
        assertThrows(ConsentDeniedException.class,
                () -> p.check(Bsn.parse("999990007"), OLVG, "urn:oid:1.1", "1.2.3.repo", BEFORE));
        ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                () -> p.check(PATIENT, OLVG, "urn:oid:1.1", "9.9.9.other-repo", BEFORE));
        assertEquals(ConsentDeniedException.NEUTRAL_MESSAGE, e.getMessage());
        assertTrue(e.reason().contains("repository"), e.reason());
    }

    @Test
    void anotherInstitutionInTheSameCommunityIsNotCovered() {
        RetrievalPermit p = permit(new AtomicBoolean());
        SourceInstitution sameCommunity = new SourceInstitution("Spaarne", "90000555", "urn:oid:1.1");
        ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                () -> p.check(PATIENT, sameCommunity, "urn:oid:1.1", "1.2.3.repo", BEFORE));
        assertTrue(e.reason().contains("institution"), e.reason());
        SourceInstitution noUra = new SourceInstitution("OLVG", "", "urn:oid:1.1");
        assertThrows(ConsentDeniedException.class, () -> p.check(PATIENT, noUra, "urn:oid:1.1", "1.2.3.repo",
                BEFORE));
    }

    @Test
    void aRevokedPermitFailsItsNextCheckBeforeItExpires() throws Exception {
        AtomicBoolean revoked = new AtomicBoolean();
        RetrievalPermit p = permit(revoked);
        p.check(PATIENT, OLVG, "urn:oid:1.1", "1.2.3.repo", BEFORE);
        revoked.set(true);
        ConsentDeniedException e = assertThrows(ConsentDeniedException.class,
                () -> p.check(PATIENT, OLVG, "urn:oid:1.1", "1.2.3.repo", BEFORE));
        assertEquals("permit revoked", e.reason());
        assertTrue(p.revoked());
        assertFalse(p.toString().contains(PATIENT.value()), "the BSN is masked in logs: " + p);
    }
}
