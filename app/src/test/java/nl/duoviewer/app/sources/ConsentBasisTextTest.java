package nl.duoviewer.app.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.ConsentBasis;

/** The words of a source row's consent basis, in Dutch and English, without JavaFX. */
class ConsentBasisTextTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final ConsentBasis RUNNING = new ConsentBasis.TemporaryConsent(Instant.parse("2026-12-26T09:00:00Z"));
    static final ConsentBasis ENDED = new ConsentBasis.TemporaryConsent(Instant.parse("2026-11-30T09:00:00Z"));

    @Test
    void dutch() {
        ConsentBasisText t = new ConsentBasisText(Texts.forLocale(Locale.forLanguageTag("nl")), NOW);
        assertEquals("Mitz-toestemming", t.describe(new ConsentBasis.Mitz(true)));
        assertEquals("Mitz-lokalisatie", t.describe(new ConsentBasis.Mitz(false)));
        assertEquals("Tijdelijke toestemming (28 dagen) tot 26 dec 2026, 10:00", t.describe(RUNNING));
        assertEquals("Tijdelijke toestemming verlopen op 30 nov 2026, 10:00: er wordt niets opgehaald",
                t.describe(ENDED));
        assertEquals("Geen tijdelijke toestemming: er wordt niets opgehaald", t.describe(new ConsentBasis.Missing()));
        assertEquals("", t.describe(new ConsentBasis.Unknown()));
    }

    @Test
    void englishAndWhatBlocksRetrieval() {
        ConsentBasisText t = new ConsentBasisText(Texts.forLocale(Locale.ENGLISH), NOW);
        assertTrue(t.describe(RUNNING).startsWith("Temporary consent (28 days) until Dec 26, 2026"),
                t.describe(RUNNING));
        assertTrue(t.describe(ENDED).endsWith(": nothing is retrieved"), t.describe(ENDED));
        assertFalse(t.blocksRetrieval(RUNNING));
        assertTrue(t.blocksRetrieval(ENDED));
        assertTrue(t.blocksRetrieval(new ConsentBasis.Missing()));
        assertFalse(t.blocksRetrieval(new ConsentBasis.Mitz(true)));
    }
}
