package nl.duoviewer.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void englishAndDutchHaveTheSameKeys() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> nl = keys("messages_nl.properties");
        Set<String> missingInDutch = new TreeSet<>(en);
        missingInDutch.removeAll(nl);
        Set<String> onlyDutch = new TreeSet<>(nl);
        onlyDutch.removeAll(en);
        assertEquals(Set.of(), missingInDutch);
        assertEquals(Set.of(), onlyDutch);
    }

    @Test
    void textsAreLocalisedAndFormatted() {
        assertEquals("No studies found or no consent registered.",
                Texts.forLocale(Locale.ENGLISH).get("timeline.placeholder.nothingFound"));
        assertEquals("Geen onderzoeken gevonden of geen toestemming geregistreerd.",
                Texts.forLocale(Locale.of("nl", "NL")).get("timeline.placeholder.nothingFound"));
        assertEquals("2 records naming another patient were discarded.",
                Texts.forLocale(Locale.ENGLISH).get("sources.rejected", 2));
        assertEquals("Patiëntcontext: opdrachtregel", Texts.forLocale(Locale.of("nl")).get("banner.context",
                Texts.forLocale(Locale.of("nl")).get("launch.source.commandLine")));
    }

    @Test
    void aLocaleWithoutTranslationGetsEnglishNotTheMachineDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.of("nl", "NL"));
            assertEquals("Retry", Texts.forLocale(Locale.GERMAN).get("sources.retry"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aMissingKeyIsVisibleNotFatal() {
        assertTrue(Texts.forLocale(Locale.ENGLISH).get("no.such.key").contains("no.such.key"));
    }

    private static Set<String> keys(String file) throws IOException {
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        }
    }
}
