package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.core.dicom.TransferSyntax;

/** Every reason a load can stop for reads as a sentence in Dutch and in English, and never as a bundle key. */
class LoadFailureTextTest {

    static final List<LoadFailure> EVERY_REASON = List.of(new LoadFailure.ConsentRefused(),
            new LoadFailure.NetworkUnavailable(), new LoadFailure.SourceUnreachable("Isala Zwolle"),
            new LoadFailure.TimedOut("Isala Zwolle"), new LoadFailure.ManifestUnusable("Isala Zwolle"),
            new LoadFailure.WrongPatient("Isala Zwolle"), new LoadFailure.WrongStudy("Isala Zwolle", "1.2.3"),
            new LoadFailure.Incomplete("Isala Zwolle", 2, 40), new LoadFailure.DecodeFailed(3, null),
            new LoadFailure.DecodeFailed(1, TransferSyntax.JPEG_LS_LOSSLESS),
            new LoadFailure.RetrievalFailed("Isala Zwolle"));

    @Test
    void everyReasonHasADutchAndAnEnglishSentence() {
        Texts en = Texts.forLocale(Locale.ENGLISH);
        Texts nl = Texts.forLocale(Locale.of("nl", "NL"));
        assertEquals(LoadFailure.class.getPermittedSubclasses().length, EVERY_REASON.stream()
                .map(Object::getClass).distinct().count(), "the list covers every kind of reason");
        for (LoadFailure reason : EVERY_REASON) {
            String english = LoadFailureText.of(en, reason);
            String dutch = LoadFailureText.of(nl, reason);
            assertFalse(english.contains("!") || dutch.contains("!"), reason + ": " + english + " / " + dutch);
            assertNotEquals(english, dutch, reason + " is translated");
        }
    }

    @Test
    void theRefusalIsTheNeutralSentenceAndDetailsAreNamedNotDumped() {
        Texts nl = Texts.forLocale(Locale.of("nl"));
        assertEquals("Geen toestemming of geen gegevens beschikbaar",
                LoadFailureText.of(nl, new LoadFailure.ConsentRefused()));
        assertEquals("2 van 40 beelden kwamen niet binnen van Isala Zwolle.",
                LoadFailureText.of(nl, new LoadFailure.Incomplete("Isala Zwolle", 2, 40)));
        assertEquals("1 beeld kon niet worden getoond (JPEG-LS Lossless).",
                LoadFailureText.of(nl, new LoadFailure.DecodeFailed(1, TransferSyntax.JPEG_LS_LOSSLESS)));
        assertTrue(LoadFailureText.of(Texts.forLocale(Locale.ENGLISH), new LoadFailure.DecodeFailed(2, null))
                .startsWith("2 images could not be shown (not a readable DICOM object)"));
    }
}
